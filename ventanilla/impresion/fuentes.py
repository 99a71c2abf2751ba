"""Las fuentes DejaVu Sans que viajan con la aplicación, registradas una vez en reportlab.

Una constancia debe verse igual en cualquier equipo y conservar tildes y eñes: por eso el PDF
lleva incrustada una fuente libre con todos los glifos del español, nunca una fuente base de
PDF (que no trae «ñ» en todas las impresoras) ni una del sistema (que cambia de equipo a equipo).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ventanilla.rutas import recurso

__all__ = ["CURSIVA", "NEGRITA", "NEGRITA_CURSIVA", "NORMAL", "registrar_fuentes"]

NORMAL = "DejaVuSans"
NEGRITA = "DejaVuSans-Bold"
CURSIVA = "DejaVuSans-Oblique"
NEGRITA_CURSIVA = "DejaVuSans-BoldOblique"


@cache
def registrar_fuentes() -> None:
    """Registra la familia DejaVu Sans en reportlab (una sola vez por proceso)."""
    for nombre in (NORMAL, NEGRITA, CURSIVA, NEGRITA_CURSIVA):
        with resources.as_file(recurso("fuentes", f"{nombre}.ttf")) as ruta:
            pdfmetrics.registerFont(TTFont(nombre, str(ruta)))
    pdfmetrics.registerFontFamily(
        NORMAL, normal=NORMAL, bold=NEGRITA, italic=CURSIVA, boldItalic=NEGRITA_CURSIVA
    )
