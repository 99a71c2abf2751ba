"""La bitácora del día en pantalla: lo que hizo este punto, filtrable y exportable a CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.operaciones import avisos, ejecutar
from ventanilla.gui.qt import (
    QAbstractTableModel,
    QDate,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QWidget,
)
from ventanilla.gui.reacomodo import apilar, seguir_la_escala
from ventanilla.servicios.bitacora import CLASES, Entrada, bitacora_del_dia, exportar_csv, filtrar

__all__ = ["ModeloBitacora", "PanelBitacora"]

_COLUMNAS = ("Hora", "Usuario", "Acción", "Radicado", "Detalle")
_RAIZ = QModelIndex()


class ModeloBitacora(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entradas: list[Entrada] = []

    def poner(self, entradas: list[Entrada]) -> None:
        self.beginResetModel()
        self.entradas = entradas
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _RAIZ) -> int:
        return 0 if parent.isValid() else len(self.entradas)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _RAIZ) -> int:
        return 0 if parent.isValid() else len(_COLUMNAS)

    def headerData(self, seccion: int, orientacion: Qt.Orientation, rol: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientacion == Qt.Orientation.Horizontal and rol == Qt.ItemDataRole.DisplayRole:
            return _COLUMNAS[seccion]
        return None

    def data(self, indice: QModelIndex | QPersistentModelIndex, rol: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not indice.isValid() or rol not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self.entradas[indice.row()]
        return (e.hora, e.usuario_nombre, e.accion, e.radicado, e.detalle)[indice.column()]


class PanelBitacora(QWidget):
    def __init__(self, almacen: Almacen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self._todas: list[Entrada] = []
        self.form = cargar_formulario("bitacora", self)
        self.modelo = ModeloBitacora(self)
        tabla = self.form.tabla
        tabla.setModel(self.modelo)
        tabla.verticalHeader().hide()
        tabla.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tabla.horizontalHeader().setStretchLastSection(True)
        tabla.horizontalHeader().setStyleSheet("QHeaderView { padding: 0px; border: none; }")
        for clave, nombre in CLASES.items():
            self.form.clase.addItem(nombre, clave)
        hoy = date.today()
        self.form.dia.setDate(QDate(hoy.year, hoy.month, hoy.day))
        self.form.dia.dateChanged.connect(lambda _d: self.actualizar())
        self.form.clase.currentIndexChanged.connect(lambda _i: self._filtrar())
        self.form.filtro.textChanged.connect(lambda _t: self._filtrar())
        self.form.exportar.clicked.connect(self._elegir_destino)
        avisos().cambiado.connect(self._al_cambiar_almacen)
        seguir_la_escala(self._al_cambiar_escala)

    def _al_cambiar_escala(self, _tema: str, escala: int) -> None:
        """Con el texto grande los filtros van uno bajo otro: en una fila no caben a lo ancho."""
        apilar([self.form.findChild(QHBoxLayout, "filtros")], escala)

    def _al_cambiar_almacen(self, cambios: frozenset[str]) -> None:
        if "eventos" in cambios and self.isVisible():
            self.actualizar()

    @property
    def dia(self) -> date:
        q = self.form.dia.date()
        return date(q.year(), q.month(), q.day())

    @property
    def visibles(self) -> list[Entrada]:
        return self.modelo.entradas

    def actualizar(self) -> None:
        dia = self.dia
        ejecutar(self, lambda: bitacora_del_dia(self._almacen, dia), al_terminar=self._llegaron)

    def _llegaron(self, entradas: list[Entrada]) -> None:
        self._todas = entradas
        self._filtrar()

    def _filtrar(self) -> None:
        visibles = filtrar(self._todas, clase=self.form.clase.currentData(), texto=self.form.filtro.text())
        self.modelo.poner(visibles)
        radicaciones = sum(1 for e in visibles if e.clase == "radicacion")
        self.form.resumen.setText(
            f"{len(visibles)} de {len(self._todas)} acciones · {radicaciones} radicaciones"
        )

    def _elegir_destino(self) -> None:
        nombre = f"bitacora-{self._almacen.ajustes.serie}-{self.dia.isoformat()}.csv"
        destino, _f = QFileDialog.getSaveFileName(self, "Exportar la bitácora", nombre, "CSV (*.csv)")
        if destino:
            self.exportar(Path(destino))

    def exportar(self, destino: Path) -> None:
        """Escribe en CSV lo que se está viendo (con el filtro aplicado)."""
        entradas = list(self.visibles)

        def listo(cuenta: int) -> None:
            texto = f"Bitácora exportada: {cuenta} acciones en {destino.name}."
            self.form.resumen.setText(texto)
            anunciar(self, texto)

        def fallo(error: Exception) -> None:
            if not isinstance(error, OSError):
                raise error
            self.form.resumen.setText(f"No se pudo exportar: {error.strerror or error}.")

        ejecutar(self, lambda: exportar_csv(entradas, destino), al_terminar=listo, al_fallar=fallo, descripcion="Exportando…")
