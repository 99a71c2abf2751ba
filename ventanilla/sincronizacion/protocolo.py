"""El vocabulario que comparten el servidor y los equipos: versión, cabeceras y forma de un evento.

Puro, sin red ni base de datos: lo importan los dos lados. Cambiar la forma de un mensaje obliga a
subir `VERSION_PROTOCOLO`, y un lado que habla otra versión recibe una explicación en palabras.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ventanilla.dominio.eventos import Evento

__all__ = [
    "CABECERA_HORA",
    "CABECERA_HORA_EQUIPO",
    "CABECERA_PROTOCOLO",
    "PREFIJO",
    "VERSION_PROTOCOLO",
    "evento_a_json",
    "evento_de_json",
    "mensaje_de_version",
]

VERSION_PROTOCOLO = 1
PREFIJO = "/api/v1"
CABECERA_PROTOCOLO = "X-Ventanilla-Protocolo"
CABECERA_HORA = "X-Ventanilla-Hora"
"""La hora del servidor (UTC, ISO 8601) en cada respuesta: el equipo la anota en cada sincronización."""
CABECERA_HORA_EQUIPO = "X-Ventanilla-Hora-Equipo"
"""La hora del equipo al enviar: el servidor anota el desfase de cada equipo."""


def evento_a_json(evento: Evento) -> dict[str, Any]:
    return {
        "id": evento.id,
        "dispositivo": evento.dispositivo,
        "seq": evento.seq,
        "usuario": evento.usuario,
        "ocurrido_en": evento.ocurrido_en.astimezone(UTC).isoformat(timespec="microseconds"),
        "tipo": evento.tipo,
        "datos": dict(evento.datos),
        "hash": evento.hash,
    }


def evento_de_json(datos: dict[str, Any]) -> Evento:
    return Evento(
        id=datos["id"],
        dispositivo=datos["dispositivo"],
        seq=int(datos["seq"]),
        usuario=datos["usuario"],
        ocurrido_en=datetime.fromisoformat(datos["ocurrido_en"]),
        tipo=datos["tipo"],
        datos=datos["datos"],
        hash=datos["hash"],
    )


def mensaje_de_version(del_equipo: int, del_servidor: int) -> str:
    """Qué decirle a quien habla una versión distinta del protocolo (vacío si coinciden)."""
    if del_equipo < del_servidor:
        return (
            f"Este equipo usa la versión {del_equipo} del protocolo de sincronización y el servidor la "
            f"{del_servidor}: actualice Ventanilla en este equipo. Nada se envió ni se perdió; lo "
            "pendiente sigue guardado aquí."
        )
    if del_equipo > del_servidor:
        return (
            f"Este equipo usa la versión {del_equipo} del protocolo de sincronización, más nueva que la "
            f"del servidor ({del_servidor}): hay que actualizar el servidor. Nada se envió ni se perdió; "
            "lo pendiente sigue guardado aquí."
        )
    return ""
