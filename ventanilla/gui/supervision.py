"""El panel de supervisión: lo que pasó (bitácora), lo que está por romper la ley (términos),
lo que espera una decisión (anulaciones), cómo va la oficina (indicadores) y los informes.

`PanelSupervision(almacen, usuario)` es un QWidget que la ventana principal pone en su sección
«Supervisión». Arriba, el periodo que miran la bitácora, los indicadores y los informes; los
términos y las anulaciones son siempre los de hoy. Todo se calcula fuera del hilo de la
interfaz (`gui/operaciones.py`) con las funciones de `informes/`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import avisos
from ventanilla.gui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.gui.supervision_anulaciones import PestanaAnulaciones
from ventanilla.gui.supervision_bitacora import PestanaBitacora
from ventanilla.gui.supervision_indicadores import PestanaIndicadores
from ventanilla.gui.supervision_informes import PestanaInformes
from ventanilla.gui.supervision_terminos import PestanaTerminos
from ventanilla.informes.periodo import Periodo, anio_de, mes_de, semana_de, trimestre_de

__all__ = ["BarraPeriodo", "PanelSupervision"]

_PRESETS = {
    "Hoy": lambda hoy: Periodo(hoy, hoy),
    "Esta semana": semana_de,
    "Este mes": mes_de,
    "Este trimestre": trimestre_de,
    "Este año": anio_de,
}


def _qdate(dia: date) -> QDate:
    return QDate(dia.year, dia.month, dia.day)


def _fecha(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class BarraPeriodo(QWidget):
    """Elegir el periodo: atajos (hoy, esta semana...) o dos fechas."""

    cambiado = Signal(object)
    """Emite el `Periodo` elegido."""

    def __init__(self, hoy: date | None = None) -> None:
        super().__init__()
        self._hoy = hoy or date.today()
        self.atajo = QComboBox()
        self.atajo.addItems([*_PRESETS, "Otro periodo"])
        self.desde = QDateEdit()
        self.hasta = QDateEdit()
        for campo in (self.desde, self.hasta):
            campo.setCalendarPopup(True)
            campo.setDisplayFormat("dd/MM/yyyy")
        self.actualizar = QPushButton("Actualizar")
        self.aviso = QLabel()
        fila = QHBoxLayout(self)
        fila.setContentsMargins(0, 0, 0, 0)
        campos: tuple[tuple[str, QWidget], ...] = (("Periodo", self.atajo), ("Desde", self.desde), ("Hasta", self.hasta))
        for etiqueta, control in campos:
            texto = QLabel(etiqueta)
            texto.setBuddy(control)
            fila.addWidget(texto)
            fila.addWidget(control)
        fila.addWidget(self.actualizar)
        fila.addWidget(self.aviso, 1)
        self.atajo.setAccessibleName("Periodo")
        self.desde.setAccessibleName("Desde")
        self.hasta.setAccessibleName("Hasta")
        self.atajo.currentTextChanged.connect(self._al_elegir_atajo)
        self.actualizar.clicked.connect(self._emitir)
        self._al_elegir_atajo("Hoy")

    @property
    def periodo(self) -> Periodo:
        return Periodo(_fecha(self.desde.date()), _fecha(self.hasta.date()))

    def _al_elegir_atajo(self, texto: str) -> None:
        if texto in _PRESETS:
            periodo = _PRESETS[texto](self._hoy)
            self.desde.setDate(_qdate(periodo.desde))
            self.hasta.setDate(_qdate(periodo.hasta))

    def _emitir(self) -> None:
        if self.hasta.date() < self.desde.date():
            self.aviso.setText("La fecha «Hasta» es anterior a «Desde»: corríjala para actualizar.")
            return
        self.aviso.setText("")
        self.cambiado.emit(self.periodo)


class PanelSupervision(QWidget):
    def __init__(self, almacen: Almacen, usuario: str, *, hoy: date | None = None) -> None:
        super().__init__()
        self.almacen = almacen
        self.usuario = usuario
        self.barra = BarraPeriodo(hoy)
        self.pestanas = QTabWidget()
        self.bitacora = PestanaBitacora(almacen)
        self.terminos = PestanaTerminos(almacen)
        self.anulaciones = PestanaAnulaciones(almacen, usuario)
        self.indicadores = PestanaIndicadores(almacen)
        self.informes = PestanaInformes(almacen)
        for pestana, nombre in (
            (self.bitacora, "&Bitácora"), (self.terminos, "&Términos"), (self.anulaciones, "&Anulaciones"),
            (self.indicadores, "&Indicadores"), (self.informes, "In&formes"),
        ):
            self.pestanas.addTab(pestana, nombre)
        titulo = QLabel("Supervisión")
        titulo.setObjectName("titulo")
        letra = titulo.font()
        letra.setPointSizeF(letra.pointSizeF() * 1.5)
        letra.setBold(True)
        titulo.setFont(letra)
        capa = QVBoxLayout(self)
        capa.addWidget(titulo)
        capa.addWidget(self.barra)
        capa.addWidget(self.pestanas, 1)
        self.setAccessibleName("Supervisión")
        self.barra.cambiado.connect(self.actualizar)
        avisos().cambiado.connect(self._al_cambiar_almacen)
        self.actualizar(self.barra.periodo)

    def actualizar(self, periodo: Periodo) -> None:
        """Vuelve a leer todo (cada pestaña en su propio trabajo de fondo)."""
        self.bitacora.actualizar(periodo)
        self.indicadores.actualizar(periodo)
        self.informes.periodo = periodo
        self.terminos.actualizar()
        self.anulaciones.actualizar()

    def _al_cambiar_almacen(self, que: frozenset[str]) -> None:
        if "solicitudes" in que or "eventos" in que:
            self.actualizar(self.barra.periodo)
