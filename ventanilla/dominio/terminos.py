"""Términos legales de las PQRSD (Ley 1755 de 2015; Ley 1581 de 2012 para habeas data).

Todo se cuenta en días hábiles del `Calendario`: el día 1 es el hábil siguiente a la fecha en
que la solicitud se entiende recibida. Donde la ley admite dos lecturas, la función por defecto
da la fecha más temprana (contestar antes nunca incumple la ley); la otra lectura es un ajuste.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from ventanilla.dominio.calendario import Calendario

__all__ = [
    "Termino",
    "TERMINOS",
    "TIPOS",
    "TipoDesconocido",
    "ErrorDeTermino",
    "AmpliacionTardia",
    "AmpliacionExcesiva",
    "AmpliacionRepetida",
    "EstadoSolicitud",
    "EstadoTermino",
    "termino_de",
    "vence_el",
    "vencimiento_maximo_ampliado",
    "ampliar",
    "limite_traslado",
    "limite_requerimiento",
    "limite_para_completar",
    "reanudar_tras_completar",
    "candidata_a_desistimiento",
    "estado_termino",
    "silencio_positivo",
    "DIAS_TRASLADO",
    "DIAS_POR_VENCER",
    "ANONIMAS_PERMITIDAS",
]

DIAS_TRASLADO = 5
"""Art. 21: el traslado por competencia se hace dentro de los 5 días hábiles siguientes al recibo."""

DIAS_REQUERIMIENTO = 10
"""Art. 17: el requerimiento para completar se hace dentro de los 10 días siguientes a la radicación."""

DIAS_POR_VENCER = 3
"""Umbral por defecto (configurable) para clasificar una solicitud como «por vencer»."""


@dataclass(frozen=True)
class Termino:
    """El término legal de un tipo de solicitud.

    `dias` es None cuando no hay término (una felicitación se cierra al recibirla).
    `ampliacion_max` son los días hábiles que una ampliación puede añadir como máximo.
    """

    tipo: str
    nombre: str
    dias: int | None
    fuente: str
    ampliacion_max: int | None = None


def _general(tipo: str, nombre: str, dias: int, fuente: str) -> Termino:
    # Art. 14 parágrafo: la ampliación no puede exceder el doble del término inicial.
    return Termino(tipo, nombre, dias, fuente, ampliacion_max=dias)


TERMINOS: dict[str, Termino] = {
    t.tipo: t
    for t in (
        _general("peticion", "Petición de interés general o particular", 15, "Ley 1755 de 2015, art. 14"),
        _general("documentos", "Petición de documentos o de información", 10, "Ley 1755 de 2015, art. 14 num. 1"),
        _general("consulta", "Consulta", 30, "Ley 1755 de 2015, art. 14 num. 2"),
        _general("queja", "Queja", 15, "Ley 1755 de 2015, art. 14"),
        _general("reclamo", "Reclamo", 15, "Ley 1755 de 2015, art. 14"),
        _general("sugerencia", "Sugerencia", 15, "Ley 1755 de 2015, art. 14"),
        _general("denuncia", "Denuncia", 15, "Ley 1755 de 2015, art. 14"),
        _general(
            "entre_autoridades",
            "Petición de información entre autoridades",
            10,
            "Ley 1755 de 2015, art. 30",
        ),
        Termino("felicitacion", "Felicitación", None, "Sin término legal: se cierra al recibirla"),
        Termino(
            "datos_consulta",
            "Consulta de datos personales",
            10,
            "Ley 1581 de 2012, art. 14",
            ampliacion_max=5,
        ),
        Termino(
            "datos_reclamo",
            "Reclamo de datos personales",
            15,
            "Ley 1581 de 2012, art. 15",
            ampliacion_max=8,
        ),
    )
}

TIPOS: tuple[str, ...] = tuple(TERMINOS)

ANONIMAS_PERMITIDAS = frozenset({"queja", "denuncia"})
"""Tipos que se reciben sin identificar al peticionario."""


class ErrorDeTermino(ValueError):
    """Una operación sobre el término que la ley no permite."""


class TipoDesconocido(ErrorDeTermino):
    """El tipo de solicitud no es uno de los conocidos."""


class AmpliacionTardia(ErrorDeTermino):
    """La ampliación se registra después del vencimiento: la solicitud ya está vencida."""


class AmpliacionExcesiva(ErrorDeTermino):
    """La nueva fecha excede el máximo que la ley permite."""


class AmpliacionRepetida(ErrorDeTermino):
    """La solicitud ya fue ampliada una vez."""


class EstadoSolicitud(StrEnum):
    """El ciclo de vida de una solicitud, tal como lo dejan los eventos."""

    RADICADA = "radicada"
    ASIGNADA = "asignada"
    TRASLADADA = "trasladada"
    INCOMPLETA = "incompleta"
    RESPONDIDA = "respondida"
    CERRADA = "cerrada"
    DESISTIDA = "desistida"
    ANULADA = "anulada"


class EstadoTermino(StrEnum):
    """La clasificación de los informes (DOMINIO.md)."""

    VIGENTE = "vigente"
    POR_VENCER = "por_vencer"
    VENCIDA = "vencida"
    RESPONDIDA_A_TIEMPO = "respondida_a_tiempo"
    RESPONDIDA_FUERA_DE_TERMINO = "respondida_fuera_de_termino"
    TRASLADADA = "trasladada"
    EN_ESPERA_DEL_CIUDADANO = "en_espera_del_ciudadano"
    DESISTIDA = "desistida"
    SIN_TERMINO = "sin_termino"
    ANULADA = "anulada"

    @property
    def etiqueta(self) -> str:
        return _ETIQUETAS[self]


_ETIQUETAS = {
    EstadoTermino.VIGENTE: "Vigente",
    EstadoTermino.POR_VENCER: "Por vencer",
    EstadoTermino.VENCIDA: "Vencida",
    EstadoTermino.RESPONDIDA_A_TIEMPO: "Respondida a tiempo",
    EstadoTermino.RESPONDIDA_FUERA_DE_TERMINO: "Respondida fuera de término",
    EstadoTermino.TRASLADADA: "Trasladada",
    EstadoTermino.EN_ESPERA_DEL_CIUDADANO: "En espera del ciudadano",
    EstadoTermino.DESISTIDA: "Desistida",
    EstadoTermino.SIN_TERMINO: "Sin término",
    EstadoTermino.ANULADA: "Anulada",
}


def termino_de(tipo: str) -> Termino:
    try:
        return TERMINOS[tipo]
    except KeyError:
        conocidos = ", ".join(TIPOS)
        raise TipoDesconocido(f"El tipo «{tipo}» no existe. Use uno de: {conocidos}.") from None


def vence_el(tipo: str, recibido: datetime, calendario: Calendario) -> date | None:
    """La fecha de vencimiento legal; None si el tipo no tiene término."""
    termino = termino_de(tipo)
    if termino.dias is None:
        return None
    return calendario.sumar_habiles(calendario.fecha_de_recibo(recibido), termino.dias)


def vencimiento_maximo_ampliado(tipo: str, recibido: datetime, calendario: Calendario) -> date | None:
    """La fecha más lejana que una ampliación puede fijar (recibo + término + ampliación máxima)."""
    termino = termino_de(tipo)
    if termino.dias is None or termino.ampliacion_max is None:
        return None
    dias = termino.dias + termino.ampliacion_max
    return calendario.sumar_habiles(calendario.fecha_de_recibo(recibido), dias)


def ampliar(
    tipo: str,
    recibido: datetime,
    vence_actual: date,
    nueva_fecha: date,
    fecha_del_acto: date,
    calendario: Calendario,
    *,
    ya_ampliada: bool = False,
) -> date:
    """Valida una ampliación del término (art. 14 parágrafo) y devuelve la nueva fecha.

    Una sola ampliación por solicitud, comunicada antes del vencimiento, y la nueva fecha nunca
    pasa del máximo legal. La nueva fecha se lleva al día hábil si cae en uno que no lo es.
    """
    maximo = vencimiento_maximo_ampliado(tipo, recibido, calendario)
    if maximo is None:
        raise ErrorDeTermino(f"Una {termino_de(tipo).nombre.lower()} no tiene término que ampliar.")
    if ya_ampliada:
        raise AmpliacionRepetida("El término de esta solicitud ya fue ampliado una vez.")
    if fecha_del_acto > vence_actual:
        raise AmpliacionTardia(
            f"El término venció el {vence_actual.isoformat()}: ya no se puede ampliar, la "
            "solicitud está vencida."
        )
    nueva = calendario.habil_o_siguiente(nueva_fecha)
    if nueva <= vence_actual:
        raise ErrorDeTermino(
            f"La nueva fecha debe ser posterior al vencimiento actual ({vence_actual.isoformat()})."
        )
    if nueva > maximo:
        raise AmpliacionExcesiva(
            f"La nueva fecha no puede pasar del {maximo.isoformat()}, el máximo que permite la ley."
        )
    return nueva


def limite_traslado(recibido: datetime, calendario: Calendario) -> date:
    """Último día para trasladar por competencia una petición escrita (art. 21)."""
    return calendario.sumar_habiles(calendario.fecha_de_recibo(recibido), DIAS_TRASLADO)


def limite_requerimiento(recibido: datetime, calendario: Calendario) -> date:
    """Último día para pedir al ciudadano que complete la petición (art. 17)."""
    return calendario.sumar_habiles(calendario.fecha_de_recibo(recibido), DIAS_REQUERIMIENTO)


def limite_para_completar(fecha_requerimiento: date, *, prorrogado: bool = False) -> date:
    """El ciudadano tiene un mes calendario (y puede pedir uno más, una vez) para completar."""
    return fecha_requerimiento + relativedelta(months=2 if prorrogado else 1)


def reanudar_tras_completar(
    vence_antes: date,
    fecha_requerimiento: date,
    fecha_completado: date,
    calendario: Calendario,
    *,
    tipo: str | None = None,
    reiniciar: bool = False,
) -> date:
    """El nuevo vencimiento cuando el ciudadano completa la petición (art. 17).

    El término estuvo suspendido desde el requerimiento (ese día cuenta como consumido) y se
    reactiva el día siguiente a completar. Por defecto se reanuda con los días que quedaban (la
    fecha más temprana); con `reiniciar` corre el término completo de nuevo.
    """
    if reiniciar:
        if tipo is None:
            raise ValueError("reiniciar el término requiere el tipo")
        dias = termino_de(tipo).dias
        if dias is None:
            raise ErrorDeTermino("Este tipo no tiene término.")
        return calendario.sumar_habiles(fecha_completado, dias)
    restantes = max(calendario.habiles_entre(fecha_requerimiento, vence_antes), 0)
    return calendario.sumar_habiles(fecha_completado, restantes)


def candidata_a_desistimiento(fecha_requerimiento: date, hoy: date, *, prorrogado: bool = False) -> bool:
    """Pasado el plazo para completar, la solicitud es candidata a desistimiento tácito.

    Solo es candidata: el desistimiento exige un acto motivado notificado al ciudadano.
    """
    return hoy > limite_para_completar(fecha_requerimiento, prorrogado=prorrogado)


def estado_termino(
    *,
    estado: str,
    vence_el: date | None,
    respondida_el: date | None,
    hoy: date,
    calendario: Calendario,
    umbral_por_vencer: int = DIAS_POR_VENCER,
) -> EstadoTermino:
    """Clasifica una solicitud para los informes según su estado y su vencimiento."""
    fijos = {
        EstadoSolicitud.ANULADA: EstadoTermino.ANULADA,
        EstadoSolicitud.DESISTIDA: EstadoTermino.DESISTIDA,
        EstadoSolicitud.TRASLADADA: EstadoTermino.TRASLADADA,
        EstadoSolicitud.INCOMPLETA: EstadoTermino.EN_ESPERA_DEL_CIUDADANO,
    }
    if estado in fijos:
        return fijos[EstadoSolicitud(estado)]
    if vence_el is None:
        return EstadoTermino.SIN_TERMINO
    if respondida_el is not None:
        if respondida_el <= vence_el:
            return EstadoTermino.RESPONDIDA_A_TIEMPO
        return EstadoTermino.RESPONDIDA_FUERA_DE_TERMINO
    if hoy > vence_el:
        return EstadoTermino.VENCIDA
    if calendario.habiles_entre(hoy, vence_el) <= umbral_por_vencer:
        return EstadoTermino.POR_VENCER
    return EstadoTermino.VIGENTE


def silencio_positivo(tipo: str, estado: EstadoTermino) -> bool:
    """Art. 14 num. 1: una petición de documentos no respondida en término se entiende aceptada."""
    return tipo == "documentos" and estado is EstadoTermino.VENCIDA
