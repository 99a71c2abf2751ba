"""Los mensajes de validación bajo un campo: se parten en líneas y no ensanchan el formulario.

Una etiqueta con `wordWrap` parte su texto en los espacios, pero pide al menos el ancho de su
palabra más larga, y el mensaje de un correo mal escrito repite lo escrito («El correo
«maria.fernanda.gomez.ocampo@…» no es válido…»): al 200 % esa sola palabra ensancharía la rejilla
entera. `preparar_mensaje` hace que la etiqueta tome el ancho que su columna le da, sin pedir
ninguno, y `mostrar_mensaje` pone el texto con cortes invisibles (U+200B) dentro de las palabras
largas, para que también ellas pasen a la línea siguiente; el nombre accesible lleva el texto tal
cual, sin esos cortes.
"""

from __future__ import annotations

import re

from ventanilla.gui.qt import QLabel, QSizePolicy

__all__ = ["con_cortes", "mostrar_mensaje", "preparar_mensaje"]

CORTE = "\u200b"
"""Espacio de ancho cero: no se ve, pero la línea se puede partir ahí."""

_LARGO = 16
"""Las palabras de más letras que estas se parten; un tramo sin signos, cada tantas letras."""

_PALABRA_LARGA = re.compile(rf"\S{{{_LARGO + 1},}}")
_DESPUES_DE_SIGNO = re.compile(r"(?<=[.@_/+\-])")


def _partir(palabra: str) -> str:
    tramos = [t for t in _DESPUES_DE_SIGNO.split(palabra) if t]
    trozos = [t[i : i + _LARGO] for t in tramos for i in range(0, len(t), _LARGO)]
    return CORTE.join(trozos)


def con_cortes(texto: str) -> str:
    """`texto` con cortes invisibles dentro de cada palabra de más de 16 letras: después de cada
    signo (. @ _ / + -) y, en un tramo sin signos, cada 16 letras."""
    return _PALABRA_LARGA.sub(lambda palabra: _partir(palabra.group()), texto)


def preparar_mensaje(etiqueta: QLabel) -> None:
    """Una etiqueta de mensaje que parte sus líneas y no le pide ancho a su disposición."""
    etiqueta.setWordWrap(True)
    politica = etiqueta.sizePolicy()
    politica.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    etiqueta.setSizePolicy(politica)


def mostrar_mensaje(etiqueta: QLabel, mensaje: str | None) -> None:
    """Muestra `mensaje` en la etiqueta (con cortes en sus palabras largas), o la oculta sin él."""
    etiqueta.setText(con_cortes(mensaje or ""))
    etiqueta.setAccessibleName(mensaje or "")
    etiqueta.setVisible(bool(mensaje))
