"""La pestaña «Términos»: lo que hoy está abierto, por dependencia (vigentes, por vencer,
vencidas, en espera y el próximo vencimiento), un gráfico para ver de un vistazo dónde se
acumula el atraso y la lista de las solicitudes por vencer y vencidas con su fecha.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.terminos import EstadoTermino as E
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSortFilterProxyModel,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.supervision_graficos import Grafico
from ventanilla.gui.supervision_tabla import ORDEN, ModeloTabla
from ventanilla.informes.formato import fecha_corta
from ventanilla.informes.supervision import Atraso, atraso

__all__ = ["PestanaTerminos", "nueva_vista"]


def nueva_vista(modelo: ModeloTabla, nombre: str) -> QTableView:
    vista = QTableView()
    orden = QSortFilterProxyModel(vista)
    orden.setSourceModel(modelo)
    orden.setSortRole(ORDEN)
    vista.setModel(orden)
    vista.setSortingEnabled(True)
    vista.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    vista.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    vista.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    vista.horizontalHeader().setStretchLastSection(True)
    vista.setAccessibleName(nombre)
    return vista


class PestanaTerminos(QWidget):
    def __init__(self, almacen: Almacen) -> None:
        super().__init__()
        self.almacen = almacen
        self.resumen = QLabel()
        self.resumen.setWordWrap(True)
        self.por_dependencia = ModeloTabla(self)
        self.lista = ModeloTabla(self)
        self.grafico = Grafico("Abiertas por dependencia", apilado=True)
        arriba = QSplitter(Qt.Orientation.Horizontal)
        arriba.addWidget(nueva_vista(self.por_dependencia, "Abiertas por dependencia"))
        arriba.addWidget(self.grafico)
        arriba.setSizes([620, 560])
        divisor = QSplitter(Qt.Orientation.Vertical)
        divisor.addWidget(arriba)
        divisor.addWidget(nueva_vista(self.lista, "Solicitudes por vencer y vencidas"))
        capa = QVBoxLayout(self)
        capa.addWidget(self.resumen)
        capa.addWidget(divisor, 1)

    def actualizar(self) -> None:
        self.resumen.setText("Calculando los términos…")
        ejecutar(self, lambda: atraso(self.almacen), al_terminar=self._mostrar,
                 al_fallar=lambda e: self.resumen.setText(f"No se pudieron calcular los términos: {e}"),
                 descripcion="Calculando los términos…")

    def _mostrar(self, datos: Atraso) -> None:
        total = datos.resumen.total
        self.resumen.setText(
            f"Hoy, {fecha_corta(datos.hoy)}: {total.de(E.VENCIDA)} vencidas ⚠, {total.de(E.POR_VENCER)} por vencer ◷, "
            f"{total.de(E.VIGENTE)} vigentes y {total.de(E.EN_ESPERA_DEL_CIUDADANO)} en espera del ciudadano."
        )
        self.por_dependencia.cambiar(datos.por_dependencia)
        self.lista.cambiar(datos.lista)
        filas = datos.por_dependencia.filas
        series = {"Vencidas": [int(f[3]) for f in filas], "Por vencer": [int(f[2]) for f in filas],
                  "Vigentes": [int(f[1]) for f in filas]}
        self.grafico.mostrar([str(f[0]) for f in filas], series)
