"""Radicar: validar, registrar al ciudadano, tomar el siguiente número de la serie y anotar el
evento, todo en una sola transacción.

El consecutivo se toma dentro de la transacción de escritura (`BEGIN IMMEDIATE`): dos
radicaciones a la vez en el mismo equipo se ordenan, y si algo falla antes de confirmar no se
consume ningún número. Así la serie queda estrictamente consecutiva, sin saltos ni repetidos,
aunque el proceso muera en cualquier momento.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import Ajustes, calendario_de
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.catalogos import dependencias_activas
from ventanilla.datos.modelos import Serie
from ventanilla.datos.registro import anotar
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.radicados import Plantilla
from ventanilla.dominio.solicitudes import NuevaSolicitud, validar_solicitud
from ventanilla.dominio.terminos import vence_el
from ventanilla.servicios.ciudadanos import VERSION_AVISO, registrar_ciudadano
from ventanilla.servicios.usuarios import usuario_activo

__all__ = ["Radicacion", "radicar", "radicar_en_sesion", "siguiente_consecutivo"]


@dataclass(frozen=True)
class Radicacion:
    id: str
    radicado: str
    recibido_en: datetime
    fecha_recibo: date
    vence_el: date | None
    ciudadano_id: str | None

    def como_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "radicado": self.radicado,
            "recibido_en": self.recibido_en.astimezone(BOGOTA).isoformat(),
            "fecha_recibo": self.fecha_recibo.isoformat(),
            "vence_el": self.vence_el.isoformat() if self.vence_el else None,
            "ciudadano_id": self.ciudadano_id,
        }


def siguiente_consecutivo(sesion: Session, serie: str, anio: int) -> int:
    ultimo = sesion.scalar(select(Serie.ultimo).where(Serie.serie == serie, Serie.anio == anio))
    return (ultimo or 0) + 1


def radicar(
    almacen: Almacen,
    datos: Mapping[str, Any],
    *,
    usuario: str,
    ahora: datetime | None = None,
) -> Radicacion:
    """Radica una solicitud descrita como en `docs/solicitud-json.md`.

    Lanza `SolicitudInvalida` (con el error de cada campo) sin tocar el almacén, o
    `PermisoDenegado` si el usuario no existe.
    """
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    ajustes = almacen.ajustes
    with almacen.escribir() as sesion:
        return radicar_en_sesion(sesion, ajustes, datos, usuario=usuario, ahora=momento)


def radicar_en_sesion(
    sesion: Session, ajustes: Ajustes, datos: Mapping[str, Any], *, usuario: str, ahora: datetime
) -> Radicacion:
    """Lo mismo que `radicar`, dentro de una transacción de escritura ya abierta: para radicar
    junto con otro cambio que debe quedar o deshacerse con el radicado (el vínculo a una jornada)."""
    # Validar dentro de la transacción: si algo no sirve, se deshace y no se consume número.
    solicitud = validar_solicitud(datos, dependencias=dependencias_activas(sesion), ahora=ahora)
    usuario_activo(sesion, usuario)
    return _radicar_en(sesion, ajustes, solicitud, usuario=usuario, ahora=ahora)


def _radicar_en(
    sesion: Session, ajustes: Ajustes, solicitud: NuevaSolicitud, *, usuario: str, ahora: datetime
) -> Radicacion:
    calendario = calendario_de(sesion, ajustes)
    ciudadano_id = (
        registrar_ciudadano(sesion, solicitud.ciudadano, solicitud, ahora=ahora)
        if solicitud.ciudadano
        else None
    )
    anio = ahora.astimezone(BOGOTA).year
    consecutivo = siguiente_consecutivo(sesion, ajustes.serie, anio)
    radicado = Plantilla(ajustes.plantilla).formatear(
        entidad=ajustes.entidad,
        serie=ajustes.serie,
        serie_num=ajustes.serie_num,
        anio=anio,
        consecutivo=consecutivo,
    )
    vence = vence_el(solicitud.tipo, solicitud.recibido, calendario)
    fecha_recibo = calendario.fecha_de_recibo(solicitud.recibido)
    solicitud_id = nuevo_id()
    anotar(
        sesion,
        dispositivo=ajustes.dispositivo,
        usuario=usuario,
        tipo="solicitud.radicada",
        ahora=ahora,
        datos={
            "solicitud_id": solicitud_id,
            "radicado": radicado,
            "serie": ajustes.serie,
            "anio": anio,
            "consecutivo": consecutivo,
            "tipo": solicitud.tipo,
            "canal": solicitud.canal,
            "asunto": solicitud.asunto,
            "descripcion": solicitud.descripcion,
            "dependencia": solicitud.dependencia,
            "folios": solicitud.folios,
            "anexos": list(solicitud.anexos),
            "ciudadano_id": ciudadano_id,
            "recibido_en": solicitud.recibido.astimezone(UTC).isoformat(),
            "fecha_recibo": fecha_recibo.isoformat(),
            "vence_el": vence.isoformat() if vence else None,
            "verbal": solicitud.verbal,
            "prioritaria": solicitud.prioritaria,
            "preferencial": solicitud.preferencial,
            # El aviso de privacidad se informa siempre (Ley 1581): el evento anota qué versión.
            "aviso_privacidad": VERSION_AVISO,
            "consentimiento": solicitud.consentimiento,
        },
    )
    return Radicacion(
        id=solicitud_id,
        radicado=radicado,
        recibido_en=solicitud.recibido,
        fecha_recibo=fecha_recibo,
        vence_el=vence,
        ciudadano_id=ciudadano_id,
    )
