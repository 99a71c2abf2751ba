"""Formularios y paneles que se reacomodan con el tamaño del texto.

Las rejillas de cuatro columnas pasan a dos; las filas de controles (`apilar`) pasan a columna.

Una rejilla de pares etiqueta–campo en cuatro columnas (dos pares por fila) no cabe a lo ancho
cuando el texto crece al 150 % o más. En vez de recortar o esconder la mitad derecha tras una
barra de desplazamiento, cada pareja pasa a su propia fila, en el mismo orden de lectura (que
es también el de tabulación), y se vuelve a cuatro columnas al achicar el texto.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ventanilla.gui.qt import QApplication, QGridLayout, QHBoxLayout, QLayoutItem
from ventanilla.gui.temas import gestor

__all__ = ["ESCALA_DOS_COLUMNAS", "apilar", "reacomodar", "seguir_la_escala"]

ESCALA_DOS_COLUMNAS = 150
"""Desde esta escala (%) las rejillas de cuatro columnas pasan a dos."""

_POSICIONES = "_ventanilla_posiciones"


def _posiciones(rejilla: QGridLayout) -> list[tuple[QLayoutItem, int, int, int, int]]:
    """Las posiciones originales (las del formulario de Designer), guardadas la primera vez."""
    guardadas = getattr(rejilla, _POSICIONES, None)
    if guardadas is None:
        guardadas = []
        for indice in range(rejilla.count()):
            fila, columna, filas, columnas = rejilla.getItemPosition(indice)
            guardadas.append((rejilla.itemAt(indice), fila, columna, filas, columnas))
        setattr(rejilla, _POSICIONES, guardadas)
    return guardadas


def reacomodar(rejilla: QGridLayout, dos_columnas: bool) -> None:
    """Pone la rejilla en dos columnas (una pareja por fila) o la devuelve a las cuatro."""
    originales = _posiciones(rejilla)
    while rejilla.count():
        rejilla.takeAt(0)
    for elemento, fila, columna, filas, columnas in originales:
        # addItem le cambia al elemento la alineación por la que recibe: se le pasa la suya.
        alineacion = elemento.alignment()
        if not dos_columnas:
            rejilla.addItem(elemento, fila, columna, filas, columnas, alineacion)
            continue
        derecha = columna >= 2 and columnas <= 2
        rejilla.addItem(
            elemento,
            2 * fila + (1 if derecha else 0),
            columna - 2 if derecha else columna,
            2 * filas - 1,
            min(columnas, 2),
            alineacion,
        )
    rejilla.setColumnStretch(1, 1)
    rejilla.setColumnStretch(3, 0 if dos_columnas else 1)
    rejilla.invalidate()


def seguir_la_escala(al_cambiar: Callable[[str, int], None]) -> None:
    """Llama a `al_cambiar(tema, escala)` ahora y con cada cambio de tema o de escala.

    `al_cambiar` debe ser un método de un QObject: así la conexión muere con él.
    """
    temas = gestor(QApplication.instance())
    temas.cambiado.connect(al_cambiar)
    al_cambiar("", temas.escala)


def apilar(filas: Iterable[QHBoxLayout], escala: int) -> None:
    """Desde `ESCALA_DOS_COLUMNAS`, cada fila de controles va en columna; debajo, vuelve a ser fila."""
    direccion = (
        QHBoxLayout.Direction.TopToBottom if escala >= ESCALA_DOS_COLUMNAS else QHBoxLayout.Direction.LeftToRight
    )
    for fila in filas:
        fila.setDirection(direccion)
