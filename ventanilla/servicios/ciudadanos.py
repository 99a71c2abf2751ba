"""Los registros de ciudadanos: datos personales fuera del registro de eventos.

Un ciudadano se identifica por tipo y número de documento; cada cambio sube su `version` (la
sincronización la usa para detectar ediciones concurrentes). La caracterización y las
necesidades de accesibilidad solo se guardan con la autorización del ciudadano (Ley 1581); el
aviso de privacidad se informa y se anota siempre.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila
from ventanilla.dominio.documentos import normalizar_documento
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.solicitudes import Ciudadano, NuevaSolicitud
from ventanilla.impresion.aviso import aviso_privacidad

__all__ = ["registrar_ciudadano", "buscar_ciudadano", "VERSION_AVISO"]

VERSION_AVISO = aviso_privacidad().version
"""Versión del texto del aviso de privacidad (y de la autorización) que se anota con cada una."""

_CAMPOS = ("nombres", "apellidos", "telefono", "correo", "direccion", "comuna")


def _autorizaciones(anteriores: dict[str, Any] | None, solicitud: NuevaSolicitud, ahora: datetime) -> dict[str, Any]:
    registro = dict(anteriores or {})
    instante = ahora.isoformat()
    registro["aviso_privacidad"] = {"version": VERSION_AVISO, "informado_en": instante}
    registro["tratamiento_adicional"] = {
        "otorgada": solicitud.consentimiento,
        "version": VERSION_AVISO,
        "en": instante,
    }
    for clave, otorgada in solicitud.autorizaciones.items():
        registro[clave] = {"otorgada": otorgada, "version": VERSION_AVISO, "en": instante}
    return registro


def _caracterizacion(anterior: dict[str, Any] | None, solicitud: NuevaSolicitud) -> dict[str, Any] | None:
    if not solicitud.autorizaciones.get("caracterizacion", solicitud.consentimiento):
        return anterior
    nueva = dict(anterior or {})
    nueva.update(solicitud.caracterizacion)
    if solicitud.accesibilidad:
        nueva["accesibilidad"] = list(solicitud.accesibilidad)
    return nueva or None


def registrar_ciudadano(
    sesion: Session, ciudadano: Ciudadano, solicitud: NuevaSolicitud, *, ahora: datetime
) -> str:
    """Crea o actualiza el registro del ciudadano y devuelve su id."""
    fila = None
    if ciudadano.numero_documento:
        fila = sesion.scalar(
            select(CiudadanoFila).where(
                CiudadanoFila.tipo_documento == ciudadano.tipo_documento,
                CiudadanoFila.numero_documento == ciudadano.numero_documento,
            )
        )
    if fila is None:
        fila = CiudadanoFila(
            id=nuevo_id(),
            version=1,
            tipo_documento=ciudadano.tipo_documento,
            numero_documento=ciudadano.numero_documento,
            actualizado_en=ahora,
            **{campo: getattr(ciudadano, campo) for campo in _CAMPOS},
        )
        fila.caracterizacion = _caracterizacion(None, solicitud)
        fila.autorizaciones = _autorizaciones(None, solicitud, ahora)
        sesion.add(fila)
        sesion.flush()
        return fila.id
    cambios = {c: getattr(ciudadano, c) for c in _CAMPOS if getattr(ciudadano, c) and getattr(ciudadano, c) != getattr(fila, c)}
    for campo, valor in cambios.items():
        setattr(fila, campo, valor)
    caracterizacion = _caracterizacion(fila.caracterizacion, solicitud)
    if cambios or caracterizacion != fila.caracterizacion:
        fila.version += 1
    fila.caracterizacion = caracterizacion
    fila.autorizaciones = _autorizaciones(fila.autorizaciones, solicitud, ahora)
    fila.actualizado_en = ahora
    return fila.id


def buscar_ciudadano(almacen: Almacen, tipo_documento: str, numero: str) -> CiudadanoFila | None:
    """El ciudadano conocido con ese documento (para llenar el formulario), o None."""
    try:
        limpio = normalizar_documento(tipo_documento, numero)
    except ValueError:
        return None
    if limpio is None:
        return None
    with almacen.leer() as sesion:
        return sesion.scalar(
            select(CiudadanoFila).where(
                CiudadanoFila.tipo_documento == tipo_documento, CiudadanoFila.numero_documento == limpio
            )
        )
