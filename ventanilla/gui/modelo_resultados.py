"""El modelo de tabla de los resultados de búsqueda (Qt model/view, sin SQL).

Recibe la lista de `consultas.Resultado` ya buscada fuera del hilo de la interfaz; la tabla
solo la pinta. La columna del término lleva palabra, icono y color.
"""

from __future__ import annotations

from typing import Any

from ventanilla.dominio.terminos import TERMINOS
from ventanilla.gui import estado_termino
from ventanilla.gui.fechas import fecha_corta, local
from ventanilla.gui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from ventanilla.servicios.consultas import Resultado

__all__ = ["COLUMNAS", "ModeloResultados"]

COLUMNAS = ("Radicado", "Recibida", "Tipo", "Peticionario", "Asunto", "Dependencia", "Vence", "Término")
_TERMINO = COLUMNAS.index("Término")
_TIPOS_CORTOS = {
    "peticion": "Petición",
    "documentos": "Documentos",
    "consulta": "Consulta",
    "queja": "Queja",
    "reclamo": "Reclamo",
    "sugerencia": "Sugerencia",
    "denuncia": "Denuncia",
    "entre_autoridades": "Entre autoridades",
    "felicitacion": "Felicitación",
    "datos_consulta": "Consulta de datos",
    "datos_reclamo": "Reclamo de datos",
}

Indice = QModelIndex | QPersistentModelIndex
_RAIZ = QModelIndex()


class ModeloResultados(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filas: list[Resultado] = []

    def poner(self, resultados: list[Resultado]) -> None:
        self.beginResetModel()
        self._filas = list(resultados)
        self.endResetModel()

    def refrescar_iconos(self) -> None:
        """Los iconos del término ya están listos: que la tabla los pinte."""
        if self._filas:
            self.dataChanged.emit(self.index(0, _TERMINO), self.index(len(self._filas) - 1, _TERMINO))

    def resultado(self, fila: int) -> Resultado:
        return self._filas[fila]

    def rowCount(self, parent: Indice = _RAIZ) -> int:
        return 0 if parent.isValid() else len(self._filas)

    def columnCount(self, parent: Indice = _RAIZ) -> int:
        return 0 if parent.isValid() else len(COLUMNAS)

    def headerData(self, seccion: int, orientacion: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientacion == Qt.Orientation.Horizontal and rol == Qt.ItemDataRole.DisplayRole:
            return COLUMNAS[seccion]
        return None

    def data(self, indice: Indice, rol: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not indice.isValid():
            return None
        r = self._filas[indice.row()]
        columna = indice.column()
        if rol in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texto(r, columna)
        if columna == _TERMINO:
            if rol == Qt.ItemDataRole.ToolTipRole:
                return estado_termino.texto(r.estado_termino)
            if rol == Qt.ItemDataRole.DecorationRole:
                return estado_termino.icono(r.estado_termino)
            if rol == Qt.ItemDataRole.ForegroundRole:
                return estado_termino.color(r.estado_termino)
        if rol == Qt.ItemDataRole.ToolTipRole and columna == COLUMNAS.index("Recibida"):
            return f"{fecha_corta(local(r.recibido_en).date())}, {local(r.recibido_en):%H:%M}"
        if rol == Qt.ItemDataRole.ToolTipRole and columna == COLUMNAS.index("Tipo"):
            termino = TERMINOS.get(r.tipo)
            return termino.nombre if termino else r.tipo
        if rol == Qt.ItemDataRole.ToolTipRole and columna == COLUMNAS.index("Asunto"):
            return r.asunto
        return None

    @staticmethod
    def _texto(r: Resultado, columna: int) -> str:
        valores = (
            r.radicado,
            fecha_corta(local(r.recibido_en).date()),
            _TIPOS_CORTOS.get(r.tipo, r.tipo),
            f"{r.peticionario} ({r.documento})" if r.documento else r.peticionario,
            r.asunto,
            r.dependencia,
            fecha_corta(r.vence_el) if r.vence_el else "—",
            estado_termino.texto(r.estado_termino),
        )
        return valores[columna]
