"""El panel de búsqueda: una sola caja para radicado, documento, nombre o palabras del asunto.

Busca mientras se escribe (con una pausa corta) y al pulsar Enter. Un lector de códigos de
barras «escribe» el radicado y Enter: si lo escrito es exactamente un radicado, la solicitud
se abre directamente. Las búsquedas corren fuera del hilo de la interfaz; si llegan
desordenadas, solo cuenta la última.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.ficha import VistaSolicitud
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.modelo_resultados import COLUMNAS, ModeloResultados
from ventanilla.gui.operaciones import avisos, ejecutar
from ventanilla.gui.qt import (
    QHeaderView,
    QKeySequence,
    QModelIndex,
    QShortcut,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ventanilla.servicios.consultas import Ficha, Resultado, buscar, ficha
from ventanilla.servicios.errores import ErrorDeServicio
from ventanilla.servicios.sesion import SesionUsuario

__all__ = ["PanelBusqueda"]

_ANCHOS = {"Radicado": 28, "Recibida": 15, "Tipo": 13, "Peticionario": 17, "Asunto": 16, "Dependencia": 14,
           "Vence": 15}
"""Ancho de cada columna, en caracteres."""


class PanelBusqueda(QWidget):
    def __init__(self, almacen: Almacen, sesion: SesionUsuario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self._consulta = 0
        self.paginas = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.paginas)
        self.layout().setContentsMargins(0, 0, 0, 0)
        lista = QWidget()
        self.form = cargar_formulario("busqueda", lista)
        self.paginas.addWidget(lista)
        self.vista = VistaSolicitud(almacen, sesion)
        self.paginas.addWidget(self.vista)
        self.modelo = ModeloResultados(self)
        tabla = self.form.resultados
        tabla.setModel(self.modelo)
        tabla.verticalHeader().hide()
        cabecera = tabla.horizontalHeader()
        # Anchos fijos en caracteres de la fuente vigente: medir el contenido de cada fila en cada
        # búsqueda costaría más que la búsqueda misma. El término toma el resto.
        caracter = tabla.fontMetrics().averageCharWidth()
        for columna, caracteres in _ANCHOS.items():
            cabecera.setSectionResizeMode(COLUMNAS.index(columna), QHeaderView.ResizeMode.Interactive)
            cabecera.resizeSection(COLUMNAS.index(columna), caracteres * caracter)
        cabecera.setStretchLastSection(True)
        cabecera.setStyleSheet("QHeaderView { padding: 0px; border: none; }")
        tabla.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._pausa = QTimer(self)
        self._pausa.setSingleShot(True)
        self._pausa.setInterval(300)
        self._pausa.timeout.connect(lambda: self.buscar(abrir_exacto=False))
        self.form.texto.textEdited.connect(lambda _t: self._pausa.start())
        self.form.texto.returnPressed.connect(lambda: self.buscar(abrir_exacto=True))
        tabla.activated.connect(self._abrir_fila)
        self.vista.volver.connect(self.volver_a_resultados)
        self.vista.cambiada.connect(self.abrir)
        avisos().cambiado.connect(self._al_cambiar_almacen)
        atajo = QShortcut(QKeySequence("Escape"), self)
        atajo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        atajo.activated.connect(self.escape)
        abajo = QShortcut(QKeySequence("Down"), self.form.texto)
        abajo.setContext(Qt.ShortcutContext.WidgetShortcut)
        abajo.activated.connect(self._a_la_tabla)

    def enfocar(self) -> None:
        """F3: la caja de búsqueda, con lo escrito seleccionado para reemplazarlo."""
        self.paginas.setCurrentIndex(0)
        self.form.texto.setFocus()
        self.form.texto.selectAll()

    def buscar(self, *, abrir_exacto: bool) -> None:
        self._pausa.stop()
        texto = self.form.texto.text().strip()
        self._consulta += 1
        numero = self._consulta
        if not texto:
            self.modelo.poner([])
            self.form.estado.setText("Escriba y pulse Enter.")
            return

        def listos(resultados: list[Resultado]) -> None:
            if numero != self._consulta:
                return
            self.modelo.poner(resultados)
            exacto = len(resultados) == 1 and resultados[0].radicado == texto.upper()
            if abrir_exacto and exacto:
                self.abrir(resultados[0].radicado)
                return
            n = len(resultados)
            estado = f"Sin resultados para «{texto}»." if n == 0 else f"{n} resultado{'s' if n > 1 else ''}, lo más reciente primero."
            self.form.estado.setText(estado)
            anunciar(self, estado)

        ejecutar(self, lambda: buscar(self._almacen, texto), al_terminar=listos, descripcion="Buscando…")

    def abrir(self, radicado: str) -> None:
        """Abre la vista de la solicitud con ese radicado."""

        def lista(datos: Ficha) -> None:
            self.vista.mostrar(datos)
            self.paginas.setCurrentIndex(1)
            self.vista.form.volver.setFocus()
            anunciar(self, f"Solicitud {datos.solicitud.radicado}: {datos.estado_termino.etiqueta}")

        def fallo(error: Exception) -> None:
            if not isinstance(error, ErrorDeServicio):
                raise error
            self.form.estado.setText(str(error))

        ejecutar(self, lambda: ficha(self._almacen, radicado), al_terminar=lista, al_fallar=fallo)

    @property
    def abierta(self) -> str | None:
        """El radicado que se está viendo, o None si se ven los resultados."""
        return self.vista.ficha.solicitud.radicado if self.paginas.currentIndex() == 1 and self.vista.ficha else None

    def volver_a_resultados(self) -> None:
        self.paginas.setCurrentIndex(0)
        self.form.resultados.setFocus()

    def escape(self) -> None:
        if self.paginas.currentIndex() == 1:
            self.vista.escape()
        elif self.form.texto.text():
            self.form.texto.clear()
            self.modelo.poner([])
            self.form.texto.setFocus()

    def _abrir_fila(self, indice: QModelIndex) -> None:
        self.abrir(self.modelo.resultado(indice.row()).radicado)

    def _a_la_tabla(self) -> None:
        if self.modelo.rowCount():
            self.form.resultados.setFocus()
            self.form.resultados.selectRow(0)

    def _al_cambiar_almacen(self, cambios: frozenset[str]) -> None:
        if "solicitudes" in cambios and self.paginas.currentIndex() == 0 and self.form.texto.text().strip():
            self.buscar(abrir_exacto=False)
