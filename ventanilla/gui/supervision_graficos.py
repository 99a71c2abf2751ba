"""Gráficos de barras (QtCharts) para lo que la gente prefiere ver antes que leer: atraso por
dependencia, oportunidad de respuesta, tiempos por tipo, canales, espera por hora.

Cada serie lleva nombre en la leyenda y las barras su valor, y el gráfico tiene una
descripción accesible con las cifras: el color nunca es lo único que dice algo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtGui import QPainter

from ventanilla.gui.qt import QColor, Qt

__all__ = ["COLORES", "Grafico"]

COLORES = {
    "Vencidas": "#B3261E",
    "Fuera de término": "#7A4B00",
    "Por vencer": "#C77700",
    "A tiempo": "#1D6B33",
    "Vigentes": "#1D6B33",
    "Promedio": "#0A58A8",
    "Percentil 90": "#4B5561",
}
_OTROS = ("#0A58A8", "#4B5561", "#1D6B33", "#7A4B00")


class Grafico(QChartView):
    """Barras horizontales (una o varias series, apiladas o lado a lado) con su leyenda."""

    def __init__(self, titulo: str, *, apilado: bool = False) -> None:
        super().__init__()
        self.titulo = titulo
        self.apilado = apilado
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.setAccessibleName(titulo)
        # Un solo gráfico y dos ejes por vista, que se reutilizan: crear y soltar QChart en cada
        # actualización deja objetos de C++ que el recolector de Python libera dos veces.
        grafico = QChart()
        grafico.setTitle(titulo)
        grafico.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        grafico.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._categorias = QBarCategoryAxis()
        self._valores = QValueAxis()
        self._valores.setLabelFormat("%.0f")
        grafico.addAxis(self._categorias, Qt.AlignmentFlag.AlignLeft)
        grafico.addAxis(self._valores, Qt.AlignmentFlag.AlignBottom)
        self.setChart(grafico)
        self._grafico = grafico
        self.mostrar([], {})

    def mostrar(self, categorias: list[str], series: Mapping[str, Sequence[float]]) -> None:
        grafico = self._grafico
        grafico.removeAllSeries()
        grafico.legend().setVisible(len(series) > 1)
        serie = QHorizontalStackedBarSeries() if self.apilado else QHorizontalBarSeries()
        for i, (nombre, valores) in enumerate(series.items()):
            conjunto = QBarSet(nombre)
            conjunto.append([float(v) for v in valores])
            conjunto.setColor(QColor(COLORES.get(nombre, _OTROS[i % len(_OTROS)])))
            serie.append(conjunto)
        serie.setLabelsVisible(True)
        grafico.addSeries(serie)
        self._categorias.clear()
        self._categorias.append(categorias)
        columnas = list(zip(*series.values()))
        maximo = max((sum(c) if self.apilado else max(c) for c in columnas), default=0)
        self._valores.setRange(0, max(float(maximo) * 1.1, 4.0))
        self._valores.applyNiceNumbers()
        serie.attachAxis(self._categorias)
        serie.attachAxis(self._valores)
        partes = [
            f"{categoria}: " + ", ".join(f"{nombre} {valores[j]:g}" for nombre, valores in series.items())
            for j, categoria in enumerate(categorias)
        ]
        self.setAccessibleDescription(". ".join(partes) if partes else "Sin datos.")
