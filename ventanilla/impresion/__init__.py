"""Documentos impresos de la ventanilla: constancia, rótulo, recibo térmico, turno y anulación.

Cada función recibe datos planos (`datos.py`) y devuelve los bytes de un PDF con las fuentes
incrustadas; `impresora.py` los envía a una impresora del sistema.
"""

from __future__ import annotations

from ventanilla.impresion.anulacion import constancia_anulacion
from ventanilla.impresion.constancia import constancia
from ventanilla.impresion.datos import (
    DOCUMENTOS,
    DatosAnulacion,
    DatosRadicado,
    DatosTurno,
    Entidad,
    Peticionario,
)
from ventanilla.impresion.sticker import sticker
from ventanilla.impresion.termica import recibo, ticket_turno

__all__ = [
    "DOCUMENTOS",
    "DatosAnulacion",
    "DatosRadicado",
    "DatosTurno",
    "Entidad",
    "Peticionario",
    "constancia",
    "constancia_anulacion",
    "recibo",
    "sticker",
    "ticket_turno",
]
