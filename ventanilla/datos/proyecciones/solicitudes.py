"""Proyección de los eventos de solicitudes sobre `solicitudes`, `series` y la búsqueda FTS5."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from ventanilla.datos.insercion import insertar_filas
from ventanilla.datos.modelos import CiudadanoFila, SolicitudFila
from ventanilla.datos.proyeccion import proyector, proyector_en_bloque, tabla_proyectada
from ventanilla.dominio.eventos import Evento
from ventanilla.dominio.terminos import EstadoSolicitud

__all__ = ["indexar_busqueda"]

tabla_proyectada("busqueda", "solicitudes", "series")


def _fecha(valor: str | None) -> date | None:
    return date.fromisoformat(valor) if valor else None


_CACHE = "ventanilla_solicitudes_por_id"


def _recordar(sesion: Session, fila: SolicitudFila) -> None:
    """Guarda la fila en la sesión: proyectar miles de eventos seguidos no vuelve a consultarla."""
    sesion.info.setdefault(_CACHE, {})[fila.id] = fila


def _solicitud(sesion: Session, evento: Evento) -> SolicitudFila:
    solicitud_id = evento.datos["solicitud_id"]
    fila = sesion.info.get(_CACHE, {}).get(solicitud_id)
    if fila is None:
        with sesion.no_autoflush:
            fila = sesion.scalar(select(SolicitudFila).where(SolicitudFila.id == solicitud_id))
    if fila is not None:
        _recordar(sesion, fila)
    if fila is None:
        raise LookupError(f"El evento {evento.id} ({evento.tipo}) nombra una solicitud que no existe.")
    return fila


_BORRAR = text("DELETE FROM busqueda WHERE rowid = :fila")
_INSERTAR = text("INSERT INTO busqueda (rowid, radicado, documento, nombre, asunto) VALUES (:fila, :r, :d, :n, :a)")


_SOLICITUDES = cast(Table, SolicitudFila.__table__)
_SERIE = text(
    "INSERT INTO series (serie, anio, ultimo) VALUES (:serie, :anio, :ultimo) "
    "ON CONFLICT (serie, anio) DO UPDATE SET ultimo = max(ultimo, excluded.ultimo)"
)
_TANDA = 500
"""Ciudadanos por consulta al indexar (por debajo del límite de parámetros de SQLite)."""


def _personas(sesion: Session, ids: set[str]) -> dict[str, tuple[str, str]]:
    """El documento y el nombre completo de cada ciudadano nombrado, tal como los busca la gente."""
    personas: dict[str, tuple[str, str]] = {}
    lista = sorted(ids)
    for inicio in range(0, len(lista), _TANDA):
        consulta = select(
            CiudadanoFila.id, CiudadanoFila.numero_documento, CiudadanoFila.nombres, CiudadanoFila.apellidos
        ).where(CiudadanoFila.id.in_(lista[inicio : inicio + _TANDA]))
        for c in sesion.execute(consulta):
            personas[c.id] = (c.numero_documento or "", " ".join(p for p in (c.nombres, c.apellidos) if p))
    return personas


def _filas_de_busqueda(sesion: Session, solicitudes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    personas = _personas(sesion, {s["ciudadano_id"] for s in solicitudes if s["ciudadano_id"]})
    filas = []
    for s in solicitudes:
        documento, nombre = personas.get(s["ciudadano_id"] or "", ("", ""))
        filas.append({"fila": s["fila"], "r": s["radicado"], "d": documento, "n": nombre, "a": s["asunto"]})
    return filas


def indexar_busqueda(sesion: Session, fila: SolicitudFila) -> None:
    """Reescribe la fila de búsqueda de una solicitud (por ejemplo, tras corregir al ciudadano)."""
    sesion.execute(_BORRAR, {"fila": fila.fila})
    datos = {"fila": fila.fila, "radicado": fila.radicado, "ciudadano_id": fila.ciudadano_id, "asunto": fila.asunto}
    sesion.execute(_INSERTAR, _filas_de_busqueda(sesion, [datos]))


def _solicitud_radicada(evento: Evento, fila: int) -> dict[str, Any]:
    d = evento.datos
    recibido_en = datetime.fromisoformat(d["recibido_en"])
    felicitacion = d["vence_el"] is None and d["tipo"] == "felicitacion"
    return {
        "fila": fila,
        "id": d["solicitud_id"],
        "radicado": d["radicado"],
        "serie": d["serie"],
        "anio": d["anio"],
        "consecutivo": d["consecutivo"],
        "tipo": d["tipo"],
        "canal": d["canal"],
        "asunto": d["asunto"],
        "descripcion": d.get("descripcion", ""),
        "dependencia": d["dependencia"],
        "folios": d["folios"],
        "anexos": list(d.get("anexos", [])),
        "ciudadano_id": d.get("ciudadano_id"),
        "recibido_en": recibido_en,
        "fecha_recibo": _fecha(d.get("fecha_recibo")) or recibido_en.date(),
        "radicado_en": evento.ocurrido_en,
        "vence_inicial": _fecha(d["vence_el"]),
        "vence_el": _fecha(d["vence_el"]),
        # Una felicitación no tiene término: se cierra al recibirla.
        "estado": EstadoSolicitud.CERRADA if felicitacion else EstadoSolicitud.RADICADA,
        "cerrada_el": _fecha(d.get("fecha_recibo")) if felicitacion else None,
        "ampliada": False,
        "verbal": bool(d.get("verbal", False)),
        "prioritaria": bool(d.get("prioritaria", False)),
        "preferencial": d.get("preferencial", ""),
        "usuario": evento.usuario,
        "dispositivo": evento.dispositivo,
    }


@proyector_en_bloque("solicitud.radicada")
def _radicadas(sesion: Session, eventos: Sequence[Evento]) -> None:
    """Inserta las solicitudes, sube sus series y las indexa, con una sentencia de muchas filas cada cosa.

    La columna `fila` (la de la búsqueda) se numera aquí, tras la última: dentro de la transacción
    de escritura nadie más inserta, y así no hace falta leerla de vuelta fila por fila.
    """
    base = int(sesion.scalar(select(func.max(SolicitudFila.fila))) or 0)
    solicitudes = [_solicitud_radicada(evento, base + n) for n, evento in enumerate(eventos, start=1)]
    insertar_filas(sesion, _SOLICITUDES, solicitudes)
    ultimos: dict[tuple[str, int], int] = {}
    for s in solicitudes:
        clave = (s["serie"], s["anio"])
        ultimos[clave] = max(ultimos.get(clave, 0), s["consecutivo"])
    sesion.execute(_SERIE, [{"serie": serie, "anio": anio, "ultimo": ultimo} for (serie, anio), ultimo in ultimos.items()])
    sesion.execute(_INSERTAR, _filas_de_busqueda(sesion, solicitudes))


@proyector("solicitud.asignada")
def _asignada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.dependencia = evento.datos["dependencia"]
    if fila.estado == EstadoSolicitud.RADICADA:
        fila.estado = EstadoSolicitud.ASIGNADA


@proyector("solicitud.trasladada")
def _trasladada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.estado = EstadoSolicitud.TRASLADADA
    fila.trasladada_a = evento.datos["entidad_destino"]
    fila.trasladada_el = _fecha(evento.datos["fecha"])


@proyector("solicitud.ampliada")
def _ampliada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.vence_el = _fecha(evento.datos["vence_el"])
    fila.ampliada = True


@proyector("solicitud.incompleta")
def _incompleta(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.estado_previo = fila.estado
    fila.estado = EstadoSolicitud.INCOMPLETA
    fila.requerimiento_el = _fecha(evento.datos["fecha"])


@proyector("solicitud.completada")
def _completada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.estado = fila.estado_previo or EstadoSolicitud.RADICADA
    fila.estado_previo = None
    fila.vence_el = _fecha(evento.datos["vence_el"])


@proyector("solicitud.respondida")
def _respondida(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.estado = EstadoSolicitud.RESPONDIDA
    fila.respondida_el = _fecha(evento.datos["fecha"])


@proyector("solicitud.cerrada")
def _cerrada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.estado = EstadoSolicitud.CERRADA
    fila.cerrada_el = _fecha(evento.datos["fecha"])


@proyector("solicitud.desistida")
def _desistida(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.estado = EstadoSolicitud.DESISTIDA


@proyector("anulacion.solicitada")
def _anulacion_solicitada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.anulacion_pendiente = evento.datos["justificacion"]
    fila.anulacion_solicitante = evento.usuario


@proyector("anulacion.aprobada")
def _anulacion_aprobada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.estado = EstadoSolicitud.ANULADA
    fila.anulacion_pendiente = None


@proyector("anulacion.rechazada")
def _anulacion_rechazada(sesion: Session, evento: Evento) -> None:
    fila = _solicitud(sesion, evento)
    fila.anulacion_pendiente = None
    fila.anulacion_solicitante = None
