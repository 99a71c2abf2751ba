"""Las negativas de los casos de uso, con un mensaje en español listo para mostrar.

    ErrorDeServicio
    ├── PermisoDenegado     el usuario no tiene el rol que la acción pide
    ├── NoEncontrado        el radicado o el registro no existe
    └── AccionNoPermitida   el estado de la solicitud no admite la acción
"""

from __future__ import annotations

__all__ = ["ErrorDeServicio", "PermisoDenegado", "NoEncontrado", "AccionNoPermitida"]


class ErrorDeServicio(Exception):
    """Un caso de uso se negó a hacer algo; el mensaje explica por qué y qué hacer."""


class PermisoDenegado(ErrorDeServicio):
    """El usuario no tiene el rol que la acción pide."""


class NoEncontrado(ErrorDeServicio):
    """El radicado o el registro pedido no existe en este equipo."""


class AccionNoPermitida(ErrorDeServicio):
    """El estado actual de la solicitud no admite esta acción."""
