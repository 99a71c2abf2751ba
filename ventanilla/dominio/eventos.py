"""Los eventos: todo lo que pasa se anota una vez, con un UUID, y nunca se edita.

Un evento lleva `id` (UUID v7, ordenado por tiempo), `dispositivo`, `seq` (contiguo por
dispositivo), `usuario`, `ocurrido_en` (UTC), `tipo`, `datos` y `hash`. El hash encadena cada
evento con el anterior del mismo dispositivo, de modo que alterar, borrar o reordenar uno se
nota. Los datos personales nunca van en un evento: un evento nombra al ciudadano por su id.

Cada área declara aquí sus tipos con los campos obligatorios de sus datos.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from uuid6 import uuid7

__all__ = [
    "Evento",
    "EventoInvalido",
    "TIPOS_EVENTO",
    "HASH_INICIAL",
    "nuevo_id",
    "validar_datos",
    "calcular_hash",
    "canonico",
]

HASH_INICIAL = "0" * 64
"""El «hash anterior» del primer evento de cada dispositivo."""


class EventoInvalido(ValueError):
    """El evento no tiene un tipo conocido o le faltan datos obligatorios."""


TIPOS_EVENTO: dict[str, frozenset[str]] = {
    # Solicitudes (PQRSD)
    "solicitud.radicada": frozenset(
        {"solicitud_id", "radicado", "serie", "anio", "consecutivo", "tipo", "canal", "asunto",
         "dependencia", "folios", "recibido_en", "vence_el", "aviso_privacidad"}
    ),
    "solicitud.asignada": frozenset({"solicitud_id", "dependencia"}),
    "solicitud.trasladada": frozenset({"solicitud_id", "entidad_destino", "fecha"}),
    "solicitud.ampliada": frozenset({"solicitud_id", "vence_el", "motivo", "fecha"}),
    "solicitud.incompleta": frozenset({"solicitud_id", "fecha", "faltante"}),
    "solicitud.completada": frozenset({"solicitud_id", "fecha", "vence_el"}),
    "solicitud.respondida": frozenset({"solicitud_id", "fecha", "medio"}),
    "solicitud.cerrada": frozenset({"solicitud_id", "fecha"}),
    "solicitud.desistida": frozenset({"solicitud_id", "fecha", "acto"}),
    "anulacion.solicitada": frozenset({"solicitud_id", "justificacion"}),
    "anulacion.aprobada": frozenset({"solicitud_id", "motivo"}),
    "anulacion.rechazada": frozenset({"solicitud_id", "motivo"}),
    "documento.impreso": frozenset({"solicitud_id", "documento", "copia"}),
    # Turnos
    "turno.emitido": frozenset(
        {"turno_id", "codigo", "servicio", "numero", "jornada", "preferencial"}
    ),
    "turno.llamado": frozenset({"turno_id", "ventanilla", "fuera_de_orden"}),
    "turno.rellamado": frozenset({"turno_id", "ventanilla"}),
    "turno.atencion_iniciada": frozenset({"turno_id", "ventanilla"}),
    "turno.no_se_presento": frozenset({"turno_id", "ventanilla"}),
    "turno.finalizado": frozenset({"turno_id", "ventanilla", "servicio_prestado"}),
    "turno.transferido": frozenset({"turno_id", "servicio", "ventanilla_destino"}),
    "turno.devuelto": frozenset({"turno_id"}),
    "turno.radicado_vinculado": frozenset({"turno_id", "solicitud_id"}),
    "ventanilla.pausada": frozenset({"ventanilla", "motivo"}),
    "ventanilla.reanudada": frozenset({"ventanilla"}),
    # Jornadas y encuestas
    "jornada.programada": frozenset(
        {"jornada_id", "nombre", "fecha", "lugar", "comuna", "dependencias", "servicios", "equipo", "portatiles"}
    ),
    "jornada.preparada": frozenset({"jornada_id", "chequeo"}),
    "jornada.abierta": frozenset({"jornada_id"}),
    "jornada.cerrada": frozenset({"jornada_id"}),
    "jornada.solicitud_vinculada": frozenset({"jornada_id", "solicitud_id"}),
    "asistencia.registrada": frozenset(
        {"asistencia_id", "jornada_id", "ciudadano_id", "servicio", "dependencia", "origen", "aviso_privacidad"}
    ),
    "cuestionario.publicado": frozenset({"version", "cuestionario"}),
    "encuesta.respondida": frozenset(
        {"encuesta_id", "version", "jornada_id", "atencion", "atencion_id", "respuestas", "medio"}
    ),
    "compromiso.adquirido": frozenset({"compromiso_id", "jornada_id", "descripcion", "dependencia", "vence_el"}),
    "compromiso.actualizado": frozenset({"compromiso_id", "estado", "nota", "fecha"}),
    # Equipo y sesiones (ventana del funcionario)
    "equipo.configurado": frozenset({"punto", "serie", "modo"}),
    "sesion.iniciada": frozenset(),
    "sesion.clave_fijada": frozenset(),
    "sesion.cerrada": frozenset(),
    # Habeas data (Ley 1581): quién y por qué; nunca los datos del ciudadano, solo su id y los
    # nombres de los campos corregidos.
    "ciudadano.exportado": frozenset({"ciudadano_id", "motivo"}),
    "ciudadano.corregido": frozenset({"ciudadano_id", "campos", "motivo", "version"}),
    "ciudadano.anonimizado": frozenset({"ciudadano_id", "motivo", "version"}),
}


def nuevo_id() -> str:
    """Un UUID v7: único y ordenado por el momento en que se creó."""
    return str(uuid7())


def validar_datos(tipo: str, datos: Mapping[str, Any]) -> None:
    requeridos = TIPOS_EVENTO.get(tipo)
    if requeridos is None:
        raise EventoInvalido(f"Tipo de evento desconocido: «{tipo}».")
    faltan = requeridos - datos.keys()
    if faltan:
        raise EventoInvalido(f"Al evento «{tipo}» le faltan datos: {', '.join(sorted(faltan))}.")


def _instante(valor: datetime) -> str:
    if valor.tzinfo is None:
        raise EventoInvalido("ocurrido_en debe llevar zona horaria")
    return valor.astimezone(UTC).isoformat(timespec="microseconds")


def canonico(datos: Mapping[str, Any]) -> str:
    """JSON estable (claves ordenadas, sin espacios): la misma entrada da siempre el mismo texto."""
    return json.dumps(datos, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def calcular_hash(
    anterior: str,
    *,
    id: str,
    dispositivo: str,
    seq: int,
    usuario: str,
    ocurrido_en: datetime,
    tipo: str,
    datos: Mapping[str, Any],
) -> str:
    contenido = canonico(
        {
            "anterior": anterior,
            "id": id,
            "dispositivo": dispositivo,
            "seq": seq,
            "usuario": usuario,
            "ocurrido_en": _instante(ocurrido_en),
            "tipo": tipo,
            "datos": dict(datos),
        }
    )
    return hashlib.sha256(contenido.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Evento:
    id: str
    dispositivo: str
    seq: int
    usuario: str
    ocurrido_en: datetime
    tipo: str
    datos: Mapping[str, Any] = field(default_factory=dict)
    hash: str = ""

    def hash_esperado(self, anterior: str) -> str:
        return calcular_hash(
            anterior,
            id=self.id,
            dispositivo=self.dispositivo,
            seq=self.seq,
            usuario=self.usuario,
            ocurrido_en=self.ocurrido_en,
            tipo=self.tipo,
            datos=self.datos,
        )
