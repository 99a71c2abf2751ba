"""Documentos impresos de la ventanilla: constancia, rótulo, recibo térmico, turno y anulación.

Cada función recibe datos planos (`datos.py`) y devuelve los bytes de un PDF; `impresora.py`
los envía a una impresora del sistema.
"""

from __future__ import annotations

from ventanilla.impresion.constancia import constancia
from ventanilla.impresion.datos import (
    DOCUMENTOS,
    DatosAnulacion,
    DatosRadicado,
    DatosTurno,
    Entidad,
    Peticionario,
)

__all__ = [
    "DOCUMENTOS",
    "DatosAnulacion",
    "DatosRadicado",
    "DatosTurno",
    "Entidad",
    "Peticionario",
    "constancia",
]
