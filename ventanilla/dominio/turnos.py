"""Turnos de la sala de atención: servicios, ventanillas, atención preferencial y la política
que decide a quién llama cada ventanilla.

La atención preferencial es la regla legal por defecto (Ley 1437 art. 5 num. 6; Decreto-Ley 019
de 2012 art. 13), pero el orden es explícito y configurable porque es la queja más repetida de
los sistemas de turnos: preferencial estricta, intercalada N:1 o envejecimiento por espera
ponderada. Toda política tiene una espera máxima: un turno normal que la superó pasa antes que
los preferenciales siguientes. Entre los servicios que atiende una ventanilla va primero el turno
que más lleva en la cola; el orden de servicios de la ventanilla solo desempata.

Los códigos (`A-023`) se reinician cada día en hora de Bogotá, o en cada jornada de brigada: un
corte de día en UTC partiría en dos los turnos de la tarde.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from ventanilla.dominio.calendario import BOGOTA

__all__ = [
    "CATEGORIAS_PREFERENCIALES",
    "Accion",
    "Catalogo",
    "EnEspera",
    "EstadoTurno",
    "Politica",
    "Servicio",
    "TipoPolitica",
    "TransicionInvalida",
    "TurnoInvalido",
    "Ventanilla",
    "codigo_hablado",
    "codigo_turno",
    "elegir_siguiente",
    "jornada_de",
    "transicion",
    "validar_motivo",
    "vencido",
]

CATEGORIAS_PREFERENCIALES: dict[str, str] = {
    "discapacidad": "Persona con discapacidad",
    "nino_adolescente": "Niño, niña o adolescente",
    "gestante": "Mujer gestante",
    "adulto_mayor": "Adulto mayor",
    "veterano": "Veterano de la Fuerza Pública",
    "vulnerabilidad": "Persona en situación de vulnerabilidad manifiesta",
}
"""Quiénes tienen atención preferencial (Ley 1437 art. 5 num. 6; Decreto-Ley 019 art. 13)."""


class TurnoInvalido(ValueError):
    """El turno, el servicio o la ventanilla no existen o los datos no sirven."""


class TransicionInvalida(TurnoInvalido):
    """La acción no se puede hacer en el estado actual del turno."""


@dataclass(frozen=True)
class Servicio:
    """Un trámite u orientación con su propia cola. `letra` encabeza los códigos de sus turnos."""

    clave: str
    letra: str
    nombre: str
    espera_objetivo_min: int = 15
    icono: str = ""
    """Nombre de un ícono de qtawesome para el kiosco (`fa5s.car`); vacío, sin ícono."""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Z]", self.letra):
            raise TurnoInvalido(f"La letra del servicio «{self.nombre}» debe ser una mayúscula de la A a la Z.")
        if self.espera_objetivo_min <= 0:
            raise TurnoInvalido(f"La espera objetivo de «{self.nombre}» debe ser de al menos un minuto.")


@dataclass(frozen=True)
class Ventanilla:
    """Un puesto de atención y los servicios que atiende, en su orden de preferencia."""

    numero: int
    servicios: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.numero <= 0:
            raise TurnoInvalido("El número de ventanilla debe ser positivo.")
        if not self.servicios:
            raise TurnoInvalido(f"La ventanilla {self.numero} no atiende ningún servicio.")

    def prioridad(self, servicio: str) -> int:
        """Posición del servicio en el orden de la ventanilla (menor es antes)."""
        return self.servicios.index(servicio) if servicio in self.servicios else len(self.servicios)


class TipoPolitica(StrEnum):
    ESTRICTA = "estricta"
    INTERCALADA = "intercalada"
    ENVEJECIMIENTO = "envejecimiento"


@dataclass(frozen=True)
class Politica:
    """Cómo se ordena la cola.

    `estricta`: primero los preferenciales. `intercalada`: cuando esperan ambos, se llaman
    `normales_por_preferencial` normales por cada preferencial (2:1 por defecto). `envejecimiento`:
    gana la mayor espera ponderada; la de un preferencial vale `peso_preferencial` veces.
    En todas, un turno normal que lleva `espera_maxima_min` o más en la cola va antes que los
    preferenciales que no la han superado.
    """

    tipo: TipoPolitica = TipoPolitica.ESTRICTA
    espera_maxima_min: int = 30
    normales_por_preferencial: int = 2
    peso_preferencial: float = 3.0

    def __post_init__(self) -> None:
        if self.espera_maxima_min <= 0:
            raise TurnoInvalido("La espera máxima debe ser de al menos un minuto.")
        if self.normales_por_preferencial < 0:
            raise TurnoInvalido("Los normales por cada preferencial no pueden ser negativos.")
        if self.peso_preferencial < 1:
            raise TurnoInvalido("El peso preferencial debe ser 1 o mayor.")

    @property
    def espera_maxima(self) -> timedelta:
        return timedelta(minutes=self.espera_maxima_min)


@dataclass(frozen=True)
class EnEspera:
    """Un turno en la cola, tal como lo ve la política.

    `desde`: cuándo entró a la cola (al emitirse o al ser transferido o devuelto). `orden`: número
    creciente de llegada a la cola, que desempata instantes iguales. `ventanilla`: si el turno fue
    transferido a una ventanilla concreta, solo ella lo puede llamar.
    """

    turno_id: str
    servicio: str
    preferencial: bool
    desde: datetime
    orden: int
    ventanilla: int | None = None


def _elegible(turno: EnEspera, ventanilla: Ventanilla) -> bool:
    if turno.ventanilla is not None:
        return turno.ventanilla == ventanilla.numero
    return turno.servicio in ventanilla.servicios


def vencido(turno: EnEspera, politica: Politica, ahora: datetime) -> bool:
    """El turno lleva en la cola la espera máxima o más."""
    return ahora - turno.desde >= politica.espera_maxima


def elegir_siguiente(
    cola: Iterable[EnEspera],
    ventanilla: Ventanilla,
    politica: Politica,
    ahora: datetime,
    normales_seguidos: int = 0,
) -> EnEspera | None:
    """El turno que debe llamar `ventanilla` ahora, o None si no hay a quién llamar.

    `normales_seguidos`: cuántos normales ha llamado la ventanilla desde su último preferencial
    (lo usa la política intercalada).
    """

    def clave(t: EnEspera) -> tuple[datetime, int, int]:
        return (t.desde, ventanilla.prioridad(t.servicio), t.orden)

    elegibles = [t for t in cola if _elegible(t, ventanilla)]
    if not elegibles:
        return None
    if any(not t.preferencial and vencido(t, politica, ahora) for t in elegibles):
        return min((t for t in elegibles if vencido(t, politica, ahora)), key=clave)
    preferenciales = [t for t in elegibles if t.preferencial]
    normales = [t for t in elegibles if not t.preferencial]
    if not preferenciales or not normales:
        return min(elegibles, key=clave)
    primero_pref, primero_normal = min(preferenciales, key=clave), min(normales, key=clave)
    if politica.tipo is TipoPolitica.ESTRICTA:
        return primero_pref
    if politica.tipo is TipoPolitica.INTERCALADA:
        return primero_pref if normales_seguidos >= politica.normales_por_preferencial else primero_normal
    espera_pref = (ahora - primero_pref.desde).total_seconds() * politica.peso_preferencial
    espera_normal = (ahora - primero_normal.desde).total_seconds()
    if espera_pref == espera_normal:
        return min(primero_pref, primero_normal, key=clave)
    return primero_pref if espera_pref > espera_normal else primero_normal


class EstadoTurno(StrEnum):
    EN_ESPERA = "en_espera"
    LLAMADO = "llamado"
    EN_ATENCION = "en_atencion"
    FINALIZADO = "finalizado"
    NO_SE_PRESENTO = "no_se_presento"


class Accion(StrEnum):
    LLAMAR = "llamar"
    VOLVER_A_LLAMAR = "volver_a_llamar"
    INICIAR = "iniciar"
    NO_SE_PRESENTO = "no_se_presento"
    FINALIZAR = "finalizar"
    TRANSFERIR = "transferir"
    DEVOLVER = "devolver"


_E = EstadoTurno
_TRANSICIONES: dict[Accion, tuple[frozenset[EstadoTurno], EstadoTurno]] = {
    Accion.LLAMAR: (frozenset({_E.EN_ESPERA}), _E.LLAMADO),
    Accion.VOLVER_A_LLAMAR: (frozenset({_E.LLAMADO}), _E.LLAMADO),
    Accion.INICIAR: (frozenset({_E.LLAMADO}), _E.EN_ATENCION),
    Accion.NO_SE_PRESENTO: (frozenset({_E.LLAMADO}), _E.NO_SE_PRESENTO),
    Accion.FINALIZAR: (frozenset({_E.LLAMADO, _E.EN_ATENCION}), _E.FINALIZADO),
    Accion.TRANSFERIR: (frozenset({_E.LLAMADO, _E.EN_ATENCION}), _E.EN_ESPERA),
    Accion.DEVOLVER: (frozenset({_E.LLAMADO}), _E.EN_ESPERA),
}

_NOMBRES_ESTADO = {
    _E.EN_ESPERA: "en espera",
    _E.LLAMADO: "llamado",
    _E.EN_ATENCION: "en atención",
    _E.FINALIZADO: "finalizado",
    _E.NO_SE_PRESENTO: "marcado como no presentado",
}


def transicion(codigo: str, estado: EstadoTurno, accion: Accion) -> EstadoTurno:
    """El estado tras `accion`; TransicionInvalida con un mensaje para el usuario si no cabe."""
    origenes, destino = _TRANSICIONES[accion]
    if estado not in origenes:
        raise TransicionInvalida(
            f"El turno {codigo} está {_NOMBRES_ESTADO[estado]}: no se puede {accion.value.replace('_', ' ')}."
        )
    return destino


def validar_motivo(motivo: str) -> str:
    """Llamar un turno fuera de orden exige decir por qué: queda en el registro."""
    limpio = " ".join(motivo.split())
    if len(limpio) < 3:
        raise TurnoInvalido("Escriba el motivo para llamar este turno fuera de orden.")
    return limpio


def jornada_de(instante: datetime, jornada: str | None = None) -> str:
    """La clave del día de numeración: la jornada de brigada si hay una, si no la fecha en Bogotá."""
    if jornada:
        return jornada
    if instante.tzinfo is None:
        raise TurnoInvalido("El instante debe llevar zona horaria.")
    dia: date = instante.astimezone(BOGOTA).date()
    return dia.isoformat()


def codigo_turno(letra: str, numero: int) -> str:
    """`A-023`: la letra del servicio y el número del día, con al menos tres cifras."""
    if numero <= 0:
        raise TurnoInvalido("El número de turno debe ser positivo.")
    return f"{letra}-{numero:03d}"


def codigo_hablado(codigo: str) -> str:
    """Cómo se dice un código en voz alta: `A-023` → `A 23`."""
    letra, _, numero = codigo.partition("-")
    return f"{letra} {int(numero)}"


@dataclass(frozen=True)
class Catalogo:
    """Los servicios y las ventanillas de una sede o jornada, coherentes entre sí."""

    servicios: tuple[Servicio, ...]
    ventanillas: tuple[Ventanilla, ...] = ()

    def __post_init__(self) -> None:
        claves = [s.clave for s in self.servicios]
        letras = [s.letra for s in self.servicios]
        if len(set(claves)) != len(claves) or len(set(letras)) != len(letras):
            raise TurnoInvalido("Cada servicio necesita una clave y una letra propias.")
        numeros = [v.numero for v in self.ventanillas]
        if len(set(numeros)) != len(numeros):
            raise TurnoInvalido("Hay dos ventanillas con el mismo número.")
        for v in self.ventanillas:
            desconocidos = set(v.servicios) - set(claves)
            if desconocidos:
                raise TurnoInvalido(
                    f"La ventanilla {v.numero} atiende servicios que no existen: {', '.join(sorted(desconocidos))}."
                )

    def servicio(self, clave: str) -> Servicio:
        for s in self.servicios:
            if s.clave == clave:
                return s
        raise TurnoInvalido(f"No existe el servicio «{clave}».")

    def ventanilla(self, numero: int) -> Ventanilla:
        for v in self.ventanillas:
            if v.numero == numero:
                return v
        raise TurnoInvalido(f"No existe la ventanilla {numero}.")
