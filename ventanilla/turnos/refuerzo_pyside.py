"""Un arreglo para PySide6 6.12 en Python 3.11: `Signal.emit()` devuelve `True` sin sumarle una
referencia, así que cada emisión le resta una. Tras unos cientos de emisiones el conteo de `True`
llega a cero, Python lo destruye y el proceso aborta («bool_dealloc»). Sumarle una reserva enorme
de referencias a `True` y `False` lo evita. Desde Python 3.12 son inmortales y no hace falta.

Se aplica al importar este módulo, una sola vez por proceso; lo importan los módulos con Qt.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["reforzar_booleanos"]

_RESERVA = 1 << 40
_aplicado = False


def reforzar_booleanos() -> None:
    global _aplicado
    if _aplicado or sys.version_info >= (3, 12):
        return
    for valor in (True, False):
        ctypes.c_ssize_t.from_address(id(valor)).value += _RESERVA
    _aplicado = True


reforzar_booleanos()
