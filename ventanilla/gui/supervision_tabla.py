"""Un modelo de Qt sobre una `Tabla` de los informes: la pantalla muestra exactamente lo que
el PDF y la hoja de cálculo dicen, con el mismo formato de números y fechas.

Ordena por el valor (no por el texto) y marca los estados de término con palabra e icono,
nunca solo con color («Vencida ⚠»).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ventanilla.gui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from ventanilla.informes.formato import celda
from ventanilla.informes.modelo import Tabla, Tipo

__all__ = ["ORDEN", "ModeloTabla"]

ORDEN = Qt.ItemDataRole.UserRole + 1
"""El rol con el valor para ordenar."""

_MARCAS = {"Vencida": "Vencida ⚠", "Por vencer": "Por vencer ◷"}
_NUMERICOS = (Tipo.ENTERO, Tipo.DECIMAL, Tipo.PORCENTAJE)
Indice = QModelIndex | QPersistentModelIndex
_RAIZ = QModelIndex()


class ModeloTabla(QAbstractTableModel):
    def __init__(self, padre: QObject, tabla: Tabla | None = None) -> None:
        super().__init__(padre)
        self._tabla = tabla

    @property
    def tabla(self) -> Tabla | None:
        return self._tabla

    def cambiar(self, tabla: Tabla) -> None:
        self.beginResetModel()
        self._tabla = tabla
        self.endResetModel()

    def fila(self, numero: int) -> list[Any]:
        assert self._tabla is not None
        return self._tabla.filas[numero]

    def rowCount(self, padre: Indice = _RAIZ) -> int:
        return 0 if padre.isValid() or self._tabla is None else len(self._tabla.filas)

    def columnCount(self, padre: Indice = _RAIZ) -> int:
        return 0 if padre.isValid() or self._tabla is None else len(self._tabla.columnas)

    def headerData(self, seccion: int, orientacion: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._tabla is None or orientacion != Qt.Orientation.Horizontal:
            return None
        if rol == Qt.ItemDataRole.DisplayRole:
            return self._tabla.columnas[seccion].titulo
        if rol == Qt.ItemDataRole.TextAlignmentRole and self._tabla.columnas[seccion].tipo in _NUMERICOS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, indice: Indice, rol: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._tabla is None or not indice.isValid():
            return None
        columna = self._tabla.columnas[indice.column()]
        valor = self._tabla.filas[indice.row()][indice.column()]
        if rol in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            texto = celda(valor, columna.tipo)
            return _MARCAS.get(texto, texto)
        if rol == Qt.ItemDataRole.ToolTipRole and columna.tipo is Tipo.TEXTO and isinstance(valor, str) and len(valor) > 40:
            return valor
        if rol == Qt.ItemDataRole.TextAlignmentRole and columna.tipo in _NUMERICOS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if rol == ORDEN:
            if isinstance(valor, (datetime, date)):
                return valor.isoformat()
            if valor is None:
                return -1 if columna.tipo in _NUMERICOS else ""
            return valor
        return None
