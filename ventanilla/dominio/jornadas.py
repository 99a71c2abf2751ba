"""Reglas de las jornadas de «Gobierno en la Calle»: estados, lista de chequeo, compromisos.

Una jornada la programa un supervisor con conexión, se prepara para salir (la lista de
chequeo), y se abre y se cierra en el sitio, sin red. Aquí viven solo las reglas: qué
transición admite cada estado, qué lleva la lista de chequeo, cómo se valida una jornada o un
compromiso, y el cuestionario de satisfacción: sus versiones y cómo se valida una respuesta.
Las encuestas son anónimas: se atan a la atención (turno o radicado), nunca a la persona.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

__all__ = [
    "ATENCIONES",
    "ESCALA",
    "ITEMS_CHEQUEO",
    "MAX_COMENTARIO",
    "MEDIOS_ENCUESTA",
    "NOMBRES_COMPROMISO",
    "NOMBRES_ESCALA",
    "NOMBRES_ESTADO",
    "ORIGENES_ASISTENCIA",
    "TIPOS_PREGUNTA",
    "AccionJornada",
    "Cuestionario",
    "EncuestaInvalida",
    "EstadoCompromiso",
    "EstadoJornada",
    "JornadaInvalida",
    "NuevaJornada",
    "NuevoCompromiso",
    "Pregunta",
    "ResultadoPregunta",
    "leer_cuestionario",
    "pendientes_chequeo",
    "resumir_encuestas",
    "transicion_jornada",
    "validar_atencion",
    "validar_chequeo",
    "validar_compromiso",
    "validar_estado_compromiso",
    "validar_jornada",
    "validar_respuestas",
]


class JornadaInvalida(ValueError):
    """La jornada, su lista de chequeo o un compromiso no cumplen las reglas."""


class EstadoJornada(StrEnum):
    PROGRAMADA = "programada"
    LISTA = "lista"
    ABIERTA = "abierta"
    CERRADA = "cerrada"


NOMBRES_ESTADO: dict[str, str] = {
    EstadoJornada.PROGRAMADA: "Programada",
    EstadoJornada.LISTA: "Lista para salir",
    EstadoJornada.ABIERTA: "Abierta",
    EstadoJornada.CERRADA: "Cerrada",
}


class AccionJornada(StrEnum):
    PREPARAR = "preparar"
    ABRIR = "abrir"
    CERRAR = "cerrar"


_TRANSICIONES: dict[tuple[EstadoJornada, AccionJornada], EstadoJornada] = {
    (EstadoJornada.PROGRAMADA, AccionJornada.PREPARAR): EstadoJornada.LISTA,
    # Se puede repetir la preparación (otra pasada por la lista antes de salir).
    (EstadoJornada.LISTA, AccionJornada.PREPARAR): EstadoJornada.LISTA,
    (EstadoJornada.LISTA, AccionJornada.ABRIR): EstadoJornada.ABIERTA,
    (EstadoJornada.ABIERTA, AccionJornada.CERRAR): EstadoJornada.CERRADA,
}

_POR_QUE_NO: dict[AccionJornada, str] = {
    AccionJornada.PREPARAR: "solo se prepara una jornada programada que no se ha abierto",
    AccionJornada.ABRIR: "primero prepárela para salir (lista de chequeo)",
    AccionJornada.CERRAR: "solo se cierra una jornada abierta",
}


def transicion_jornada(estado: str, accion: AccionJornada) -> EstadoJornada:
    """El estado al que lleva `accion`, o JornadaInvalida con el porqué y qué hacer."""
    actual = EstadoJornada(estado)
    destino = _TRANSICIONES.get((actual, accion))
    if destino is None:
        raise JornadaInvalida(
            f"La jornada está «{NOMBRES_ESTADO[actual].lower()}»: no se puede {accion.value}; "
            f"{_POR_QUE_NO[accion]}."
        )
    return destino


ITEMS_CHEQUEO: dict[str, str] = {
    "bateria": "Baterías de los portátiles cargadas",
    "impresora": "Impresora portátil probada",
    "papel": "Papel y formatos de asistencia impresos",
    "respaldo": "Unidad de respaldo (USB) en el maletín",
    "sincronizado": "Almacén sincronizado con el servidor",
}
"""La lista de chequeo de «preparar para salir», en el orden en que se muestra."""


def validar_chequeo(chequeo: Mapping[str, Any]) -> dict[str, bool]:
    """La lista completa {ítem: marcado}; un ítem ausente cuenta como no marcado."""
    desconocidos = set(chequeo) - set(ITEMS_CHEQUEO)
    if desconocidos:
        raise JornadaInvalida(
            f"La lista de chequeo no tiene «{', '.join(sorted(desconocidos))}»: use {', '.join(ITEMS_CHEQUEO)}."
        )
    return {item: bool(chequeo.get(item, False)) for item in ITEMS_CHEQUEO}


def pendientes_chequeo(chequeo: Mapping[str, bool]) -> list[str]:
    """Los nombres de los ítems sin marcar, en orden."""
    return [nombre for item, nombre in ITEMS_CHEQUEO.items() if not chequeo.get(item, False)]


ORIGENES_ASISTENCIA: dict[str, str] = {
    "manual": "Registro en la lista",
    "radicacion": "Radicó una solicitud",
    "turno": "Tomó un turno",
    "papel": "Lista en papel",
}


class EstadoCompromiso(StrEnum):
    """Los estados con que el Concejo de Manizales sigue los compromisos."""

    SIN_INICIAR = "sin_iniciar"
    EN_CURSO = "en_curso"
    CUMPLIDO = "cumplido"


NOMBRES_COMPROMISO: dict[str, str] = {
    EstadoCompromiso.SIN_INICIAR: "Sin iniciar",
    EstadoCompromiso.EN_CURSO: "En curso",
    EstadoCompromiso.CUMPLIDO: "Cumplido",
}


@dataclass(frozen=True)
class NuevaJornada:
    nombre: str
    fecha: date
    lugar: str
    comuna: str
    dependencias: tuple[str, ...]
    servicios: tuple[str, ...]
    equipo: tuple[str, ...]
    """Los usuarios (login) que van a la jornada."""
    portatiles: int


def _texto(datos: Mapping[str, Any], clave: str) -> str:
    valor = datos.get(clave)
    return valor.strip() if isinstance(valor, str) else ""


def _lista(datos: Mapping[str, Any], clave: str) -> tuple[str, ...]:
    valor = datos.get(clave) or []
    if isinstance(valor, str):
        valor = [v for v in valor.split(",")]
    if not isinstance(valor, Sequence):
        raise JornadaInvalida(f"«{clave}» debe ser una lista.")
    return tuple(dict.fromkeys(str(v).strip() for v in valor if str(v).strip()))


def _fecha(valor: Any, campo: str) -> date:
    if isinstance(valor, date):
        return valor
    try:
        return date.fromisoformat(str(valor))
    except ValueError:
        raise JornadaInvalida(f"{campo}: «{valor}» no es una fecha; escríbala como 2026-11-28.") from None


def validar_jornada(
    datos: Mapping[str, Any],
    *,
    comunas: Mapping[str, str],
    dependencias: Mapping[str, str],
    servicios: Mapping[str, str],
) -> NuevaJornada:
    """Una jornada nueva desde sus datos; los catálogos son {código: nombre}."""
    errores: list[str] = []
    nombre = _texto(datos, "nombre")
    if not nombre:
        errores.append("Escriba el nombre de la jornada (por ejemplo «Gobierno en la Calle, comuna San José»).")
    lugar = _texto(datos, "lugar")
    if not lugar:
        errores.append("Escriba el lugar: el sitio donde se instala la carpa.")
    comuna = _texto(datos, "comuna")
    if comuna not in comunas:
        errores.append(f"La comuna o corregimiento «{comuna}» no está en el catálogo.")
    try:
        fecha = _fecha(datos.get("fecha"), "fecha")
    except JornadaInvalida as error:
        errores.append(str(error))
        fecha = date.min
    listas: dict[str, tuple[str, ...]] = {}
    for clave, catalogo, que in (
        ("dependencias", dependencias, "dependencia"),
        ("servicios", servicios, "servicio"),
    ):
        try:
            listas[clave] = _lista(datos, clave)
        except JornadaInvalida as error:
            errores.append(str(error))
            listas[clave] = ()
        fuera = [v for v in listas[clave] if v not in catalogo]
        if fuera:
            errores.append(f"No existe la {que} «{', '.join(fuera)}»; use códigos de: {', '.join(catalogo)}.")
        if not listas[clave]:
            errores.append(f"Elija al menos una {que} que participa.")
    try:
        equipo = _lista(datos, "equipo")
    except JornadaInvalida as error:
        errores.append(str(error))
        equipo = ()
    portatiles = datos.get("portatiles", 1)
    if isinstance(portatiles, bool) or not isinstance(portatiles, int) or not 1 <= portatiles <= 20:
        errores.append("Los portátiles son un número de 1 a 20.")
        portatiles = 1
    if errores:
        raise JornadaInvalida(" ".join(errores))
    return NuevaJornada(nombre, fecha, lugar, comuna, listas["dependencias"], listas["servicios"], equipo, portatiles)


@dataclass(frozen=True)
class NuevoCompromiso:
    descripcion: str
    dependencia: str
    vence_el: date


def validar_compromiso(datos: Mapping[str, Any], *, dependencias: Mapping[str, str]) -> NuevoCompromiso:
    """Lo que se comprometió, qué dependencia responde y para cuándo."""
    errores: list[str] = []
    descripcion = _texto(datos, "descripcion")
    if not descripcion:
        errores.append("Escriba qué se comprometió la administración con la comunidad.")
    elif len(descripcion) > 500:
        errores.append(f"La descripción tiene {len(descripcion)} caracteres; el máximo es 500.")
    dependencia = _texto(datos, "dependencia")
    if dependencia not in dependencias:
        errores.append(f"La dependencia «{dependencia}» no está en el catálogo.")
    try:
        vence = _fecha(datos.get("vence_el"), "vence_el")
    except JornadaInvalida as error:
        errores.append(str(error))
        vence = date.min
    if errores:
        raise JornadaInvalida(" ".join(errores))
    return NuevoCompromiso(descripcion, dependencia, vence)


def validar_estado_compromiso(estado: str) -> EstadoCompromiso:
    try:
        return EstadoCompromiso(estado)
    except ValueError:
        raise JornadaInvalida(
            f"El estado «{estado}» no existe: use {', '.join(e.value for e in EstadoCompromiso)}."
        ) from None


# Encuestas de satisfacción


class EncuestaInvalida(ValueError):
    """El cuestionario o una respuesta no cumplen las reglas."""


TIPOS_PREGUNTA = ("escala", "si_no", "comentario")
ESCALA = (1, 2, 3, 4, 5)
NOMBRES_ESCALA: dict[int, str] = {1: "Muy mala", 2: "Mala", 3: "Regular", 4: "Buena", 5: "Muy buena"}
MAX_COMENTARIO = 500
MEDIOS_ENCUESTA: dict[str, str] = {"pantalla": "En la pantalla", "papel": "Digitada desde papel"}
ATENCIONES: dict[str, str] = {"turno": "Turno", "radicado": "Radicado", "jornada": "La jornada"}
"""A qué se ata una encuesta: un turno, un radicado, o la jornada entera (encuesta de salida)."""


@dataclass(frozen=True)
class Pregunta:
    clave: str
    tipo: str
    texto: str
    obligatoria: bool = True


@dataclass(frozen=True)
class Cuestionario:
    version: str
    titulo: str
    introduccion: str
    preguntas: tuple[Pregunta, ...]

    def pregunta(self, clave: str) -> Pregunta:
        for pregunta in self.preguntas:
            if pregunta.clave == clave:
                return pregunta
        raise EncuestaInvalida(f"La versión {self.version} del cuestionario no tiene la pregunta «{clave}».")

    def como_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "titulo": self.titulo,
            "introduccion": self.introduccion,
            "preguntas": [
                {"clave": p.clave, "tipo": p.tipo, "texto": p.texto, "obligatoria": p.obligatoria}
                for p in self.preguntas
            ],
        }


def leer_cuestionario(datos: Mapping[str, Any]) -> Cuestionario:
    """Un cuestionario desde su JSON (el de la semilla o el que publica el servidor)."""
    version = _texto(datos, "version")
    if not version:
        raise EncuestaInvalida("El cuestionario no tiene versión.")
    crudas = datos.get("preguntas")
    if not isinstance(crudas, list) or not crudas:
        raise EncuestaInvalida(f"El cuestionario {version} no tiene preguntas.")
    preguntas: list[Pregunta] = []
    for cruda in crudas:
        if not isinstance(cruda, Mapping):
            raise EncuestaInvalida(f"El cuestionario {version} tiene una pregunta que no es un objeto.")
        pregunta = Pregunta(
            clave=_texto(cruda, "clave"),
            tipo=_texto(cruda, "tipo"),
            texto=_texto(cruda, "texto"),
            obligatoria=bool(cruda.get("obligatoria", _texto(cruda, "tipo") != "comentario")),
        )
        if not pregunta.clave or not pregunta.texto or pregunta.tipo not in TIPOS_PREGUNTA:
            raise EncuestaInvalida(
                f"La pregunta «{pregunta.clave}» del cuestionario {version} necesita clave, texto y un "
                f"tipo de: {', '.join(TIPOS_PREGUNTA)}."
            )
        preguntas.append(pregunta)
    claves = [p.clave for p in preguntas]
    if len(set(claves)) != len(claves):
        raise EncuestaInvalida(f"El cuestionario {version} repite claves de pregunta.")
    return Cuestionario(version, _texto(datos, "titulo") or "Encuesta de satisfacción",
                        _texto(datos, "introduccion"), tuple(preguntas))


def _valor(pregunta: Pregunta, valor: Any) -> int | bool | str | None:
    if valor is None or valor == "":
        if pregunta.obligatoria:
            raise EncuestaInvalida(f"Falta la respuesta a «{pregunta.texto}».")
        return None
    if pregunta.tipo == "escala":
        if isinstance(valor, bool) or valor not in ESCALA:
            raise EncuestaInvalida(f"«{pregunta.texto}» se responde con un número del 1 al 5, no «{valor}».")
        return int(valor)
    if pregunta.tipo == "si_no":
        if not isinstance(valor, bool):
            raise EncuestaInvalida(f"«{pregunta.texto}» se responde sí o no.")
        return valor
    texto = str(valor).strip()
    if len(texto) > MAX_COMENTARIO:
        raise EncuestaInvalida(f"El comentario tiene {len(texto)} caracteres; el máximo es {MAX_COMENTARIO}.")
    return texto or None


def validar_respuestas(cuestionario: Cuestionario, respuestas: Mapping[str, Any]) -> dict[str, Any]:
    """Las respuestas limpias {clave: valor}; las no respondidas opcionales quedan fuera."""
    if not isinstance(respuestas, Mapping):
        raise EncuestaInvalida("Las respuestas van como un objeto {pregunta: valor}, por ejemplo {\"satisfaccion\": 5}.")
    sobran = set(respuestas) - {p.clave for p in cuestionario.preguntas}
    if sobran:
        raise EncuestaInvalida(
            f"La versión {cuestionario.version} del cuestionario no tiene «{', '.join(sorted(sobran))}»."
        )
    limpias: dict[str, Any] = {}
    for pregunta in cuestionario.preguntas:
        valor = _valor(pregunta, respuestas.get(pregunta.clave))
        if valor is not None:
            limpias[pregunta.clave] = valor
    return limpias


def validar_atencion(tipo: str, referencia: str | None) -> None:
    """Una encuesta se ata a un turno o a un radicado (con su id) o a la jornada (sin id)."""
    if tipo not in ATENCIONES:
        raise EncuestaInvalida(f"La atención «{tipo}» no existe: use {', '.join(ATENCIONES)}.")
    if tipo != "jornada" and not referencia:
        raise EncuestaInvalida(f"Diga a qué {ATENCIONES[tipo].lower()} corresponde la encuesta.")


@dataclass(frozen=True)
class ResultadoPregunta:
    """Lo que respondieron a una pregunta: cuántos, la distribución y el promedio o el % de sí."""

    pregunta: Pregunta
    respuestas: int
    distribucion: dict[str, int]
    promedio: float | None = None
    porcentaje_si: float | None = None


def resumir_encuestas(cuestionario: Cuestionario, respuestas: Sequence[Mapping[str, Any]]) -> list[ResultadoPregunta]:
    """El resultado de cada pregunta sobre las respuestas de una misma versión del cuestionario."""
    resultados: list[ResultadoPregunta] = []
    for pregunta in cuestionario.preguntas:
        valores = [r[pregunta.clave] for r in respuestas if r.get(pregunta.clave) is not None]
        if pregunta.tipo == "escala":
            distribucion = {str(n): sum(1 for v in valores if v == n) for n in ESCALA}
            promedio = round(sum(valores) / len(valores), 2) if valores else None
            resultados.append(ResultadoPregunta(pregunta, len(valores), distribucion, promedio=promedio))
        elif pregunta.tipo == "si_no":
            si = sum(1 for v in valores if v is True)
            porcentaje = round(100 * si / len(valores), 1) if valores else None
            resultados.append(ResultadoPregunta(pregunta, len(valores), {"si": si, "no": len(valores) - si},
                                                porcentaje_si=porcentaje))
        else:
            resultados.append(ResultadoPregunta(pregunta, len(valores), {}))
    return resultados
