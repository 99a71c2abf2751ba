"""Lo que hace una prueba cuando falta una pieza real (Xvfb, CUPS, PostgreSQL, un programa).

Con `CI=true` la falta es un fallo, nunca una omisión callada; en la máquina de un desarrollador
sin la pieza, la prueba se omite diciendo qué instalar (`make sistema`).
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

__all__ = ["falta"]


def falta(mensaje: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(mensaje)
    pytest.skip(mensaje)
