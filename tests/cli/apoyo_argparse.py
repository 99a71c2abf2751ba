"""Lo que comparten las pruebas de los argumentos en español: correr la orden y el inglés de argparse."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Sequence

from ventanilla.cli import main

__all__ = ["INGLES_DE_ARGPARSE", "correr"]

INGLES_DE_ARGPARSE = re.compile(
    r"\b(?:usage|options|optional arguments|positional arguments|subcommands|show this help|"
    r"message and exit|version number|the following|are required|is required|unrecognized|"
    r"invalid|expected|arguments?|not allowed|ambiguous|could match|choose from|maybe you meant|"
    r"ignored|explicit|unexpected|unknown parser|conflicting|deprecated|warning|default|"
    r"can't open|must be|one of)\b|error:",
    re.IGNORECASE,
)
"""Frases y palabras con que argparse escribe en inglés; ninguna debe llegar al usuario."""


def correr(argumentos: Sequence[str]) -> tuple[int, str, str]:
    """`ventanilla ARGUMENTOS` en este proceso: código de salida, salida y salida de errores."""
    salida, errores = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(salida), contextlib.redirect_stderr(errores):
        try:
            codigo = main(list(argumentos))
        except SystemExit as salida_controlada:
            codigo = int(salida_controlada.code or 0)
    return codigo, salida.getvalue(), errores.getvalue()
