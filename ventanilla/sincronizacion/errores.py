"""Las fallas de la sincronización, separadas por lo que hay que hacer con ellas.

    ErrorDeSincronizacion
    ├── NoInscrito              el equipo no tiene servidor o token: inscribirlo
    ├── SinConexion             la red o el servidor fallaron: reintentar más tarde (nada se perdió)
    └── RechazoDelServidor      el servidor dijo que no: parar y mostrarlo a una persona
        ├── NoAutorizado        401/403: token ausente, desconocido o revocado
        ├── VersionIncompatible 426: el equipo o el servidor deben actualizarse
        └── Conflicto           409: el servidor tiene otra versión de lo enviado; queda en revisión
"""

from __future__ import annotations

__all__ = [
    "Conflicto",
    "ErrorDeSincronizacion",
    "NoAutorizado",
    "NoInscrito",
    "RechazoDelServidor",
    "SinConexion",
    "VersionIncompatible",
    "rechazo_para",
]


class ErrorDeSincronizacion(Exception):
    """Algo impidió sincronizar; el mensaje lo explica en español."""


class NoInscrito(ErrorDeSincronizacion):
    """El equipo aún no está inscrito en un servidor."""


class SinConexion(ErrorDeSincronizacion):
    """No se llegó al servidor o la respuesta se cortó: reintentar con espera creciente."""


class RechazoDelServidor(ErrorDeSincronizacion):
    """El servidor respondió que no; reintentar no cambiaría nada."""

    def __init__(self, estado: int, mensaje: str) -> None:
        super().__init__(mensaje)
        self.estado = estado


class NoAutorizado(RechazoDelServidor):
    """El token del equipo falta, no se reconoce o fue revocado."""


class VersionIncompatible(RechazoDelServidor):
    """El equipo y el servidor hablan versiones distintas del protocolo."""


class Conflicto(RechazoDelServidor):
    """Lo enviado choca con lo que el servidor ya tiene; quedó para revisión."""


def rechazo_para(estado: int, mensaje: str) -> RechazoDelServidor:
    if estado in (401, 403):
        return NoAutorizado(estado, mensaje)
    if estado == 426:
        return VersionIncompatible(estado, mensaje)
    if estado == 409:
        return Conflicto(estado, mensaje)
    return RechazoDelServidor(estado, mensaje)
