"""Carga los formularios de Qt Designer (`ventanilla/ui/*.ui`) en tiempo de ejecución.

Cada ventana o panel *contiene* su formulario (`self.form`) en vez de heredar de él: la clase
de Python da el comportamiento y el `.ui` la disposición, que se puede abrir y retocar en
Designer sin tocar código. Los `.ui` viajan como datos del paquete y se encuentran solo a
través de `rutas.formulario`. Por qué en tiempo de ejecución y no con pyside6-uic: ver
`docs/interfaz.md`.
"""

from __future__ import annotations

from typing import Any

from ventanilla.gui.qt import QBuffer, QByteArray, QIODevice, QUiLoader, QVBoxLayout, QWidget
from ventanilla.rutas import formulario

__all__ = ["ErrorDeFormulario", "cargar_formulario"]

_CARGADOR: QUiLoader | None = None


class ErrorDeFormulario(RuntimeError):
    """Un `.ui` del paquete no se pudo leer (instalación dañada)."""


def cargar_formulario(nombre: str, dueno: QWidget) -> Any:
    """Carga `ui/<nombre>.ui` como hijo de `dueno`, ocupándolo entero, y lo devuelve.

    Los widgets con nombre del formulario quedan como atributos: `form.asunto`, `form.radicar`.
    """
    global _CARGADOR
    if _CARGADOR is None:
        _CARGADOR = QUiLoader()
    datos = QBuffer()
    datos.setData(QByteArray(formulario(nombre).read_bytes()))
    datos.open(QIODevice.OpenModeFlag.ReadOnly)
    form = _CARGADOR.load(datos, dueno)
    if form is None:
        raise ErrorDeFormulario(f"No se pudo cargar el formulario «{nombre}»: {_CARGADOR.errorString()}")
    disposicion = dueno.layout() or QVBoxLayout(dueno)
    disposicion.setContentsMargins(0, 0, 0, 0)
    disposicion.addWidget(form)
    return form
