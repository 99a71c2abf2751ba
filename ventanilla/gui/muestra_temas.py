"""Ventana de muestra de los temas: un formulario corto con cada clase de control.

Sirve para mirar un tema o un tamaño de texto sin abrir la aplicación entera, para las capturas
de `docs/capturas/` y como ventana de prueba del lector de accesibilidad (AT-SPI). No guarda
nada: "Radicar" solo valida y anuncia el resultado.

    python -m ventanilla.gui.muestra_temas --tema oscuro --escala 150
    python -m ventanilla.gui.muestra_temas --tema claro --escala 200 --captura tema.png
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TypeVar, cast

from ventanilla.gui.accesibilidad import anunciar, etiquetar, nombrar
from ventanilla.gui.preferencias_visuales import PreferenciasVisuales, instalar_atajos_globales
from ventanilla.gui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.temas import SISTEMA, TEMAS, gestor

__all__ = ["NOMBRE_APLICACION", "VentanaMuestra", "main"]

NOMBRE_APLICACION = "Ventanilla muestra"
W = TypeVar("W", bound=QWidget)
_TIPOS_DOCUMENTO = ("Cédula de ciudadanía", "Tarjeta de identidad", "Cédula de extranjería", "NIT")
_TIPOS_SOLICITUD = ("Petición", "Queja", "Reclamo", "Sugerencia", "Denuncia")


def _nombrado(widget: W, nombre: str, ejemplo: str | None = None) -> W:
    """El widget con su objectName (y su texto de ejemplo, si es un campo)."""
    widget.setObjectName(nombre)
    if ejemplo is not None and isinstance(widget, QLineEdit):
        widget.setPlaceholderText(ejemplo)
    return widget


class VentanaMuestra(QMainWindow):
    """El formulario de muestra, dentro de un área desplazable para que nada se corte al 200 %."""

    def __init__(self, preferencias: PreferenciasVisuales | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Muestra de temas · Ventanilla")
        self.setObjectName("ventana_muestra")
        contenido = QWidget()
        contenido.setObjectName("contenido")
        columna = QVBoxLayout(contenido)

        titulo = QLabel("Radicar solicitud (muestra)")
        titulo.setProperty("rol", "titulo")
        titulo.setWordWrap(True)
        ayuda = QLabel("Los campos con * son obligatorios. Nada de lo que escriba aquí se guarda.")
        ayuda.setProperty("rol", "secundario")
        ayuda.setWordWrap(True)
        columna.addWidget(titulo)
        columna.addWidget(ayuda)

        panel = QFrame()
        panel.setProperty("rol", "panel")
        self._formulario = formulario = QFormLayout(panel)
        self.tipo_documento = _nombrado(QComboBox(), "tipo_documento")
        self.tipo_documento.addItems(_TIPOS_DOCUMENTO)
        self.tipo_documento.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tipo_documento.setMinimumContentsLength(12)
        self.documento = _nombrado(QLineEdit(), "documento", "Solo números")
        self.nombres = _nombrado(QLineEdit(), "nombres")
        self.correo = _nombrado(QLineEdit(), "correo", "nombre@dominio.co")
        self.tipo_solicitud = _nombrado(QComboBox(), "tipo_solicitud")
        self.tipo_solicitud.addItems(_TIPOS_SOLICITUD)
        self.asunto = _nombrado(QLineEdit(), "asunto")
        self.descripcion = _nombrado(QPlainTextEdit(), "descripcion")
        self.descripcion.setTabChangesFocus(True)
        self.descripcion.setMinimumHeight(self.descripcion.fontMetrics().height() * 3)
        self.error_documento = _nombrado(QLabel(), "error_documento")
        self.error_documento.setProperty("rol", "error")
        self.error_documento.setWordWrap(True)
        self.error_documento.hide()
        for texto, campo in (
            ("&Tipo de documento", self.tipo_documento),
            ("&Número de documento *", self.documento),
            ("N&ombres y apellidos *", self.nombres),
            ("&Correo electrónico", self.correo),
            ("Tipo de &solicitud", self.tipo_solicitud),
            ("As&unto *", self.asunto),
            ("&Descripción", self.descripcion),
        ):
            etiqueta = QLabel(texto)
            etiquetar(etiqueta, campo)
            formulario.addRow(etiqueta, campo)
            if campo is self.documento:
                formulario.addRow("", self.error_documento)
        nombrar(self.descripcion, "Descripción", "Lo que el ciudadano pide, con sus palabras.")
        self.por_correo = _nombrado(QRadioButton("Respuesta por correo electrónico"), "por_correo")
        self.por_correo.setChecked(True)
        self.fisica = _nombrado(QRadioButton("Respuesta física en la dirección"), "fisica")
        self.caracterizacion = _nombrado(
            QCheckBox("Autoriza caracterización (opcional)"), "caracterizacion"
        )
        for casilla in (self.por_correo, self.fisica, self.caracterizacion):
            formulario.addRow(casilla)
        columna.addWidget(panel)

        for rol, texto in (
            ("exito", "✔ Ciudadano conocido"),
            ("aviso", "⚠ Vence mañana: responda hoy"),
            ("error", "⚠ Vencida hace 2 días hábiles"),
        ):
            estado = QLabel(texto)
            estado.setProperty("rol", rol)
            estado.setWordWrap(True)
            columna.addWidget(estado)

        self.resultado = _nombrado(QLabel(), "resultado")
        self.resultado.setProperty("rol", "exito")
        self.resultado.setWordWrap(True)
        columna.addWidget(self.resultado)

        botones = QHBoxLayout()
        botones.addStretch(1)
        self.limpiar = _nombrado(QPushButton("Limpiar"), "limpiar")
        self.radicar = _nombrado(QPushButton("Radicar"), "radicar")
        self.radicar.setProperty("rol", "primario")
        nombrar(self.radicar, "Radicar", "Valida el formulario de muestra y anuncia el resultado.")
        self.radicar.setDefault(True)
        botones.addWidget(self.limpiar)
        botones.addWidget(self.radicar)
        columna.addLayout(botones)
        columna.addStretch(1)

        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        # Tab ya desplaza hasta el control enfocado: el área no necesita ser una parada sin nombre.
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(contenido)
        self.setCentralWidget(area)
        self.statusBar().showMessage("Ctrl+Shift+C: tema · Ctrl+= y Ctrl+-: tamaño")

        self.radicar.clicked.connect(self._radicar)
        self.limpiar.clicked.connect(self._limpiar)
        if preferencias is not None:
            instalar_atajos_globales(self, preferencias)
        temas = gestor(cast(QApplication, QApplication.instance()))
        temas.cambiado.connect(self._al_cambiar_tema)
        self._al_cambiar_tema(temas.tema_efectivo, temas.escala)

    def _al_cambiar_tema(self, _tema: str, escala: int) -> None:
        """Con texto grande cada etiqueta va sobre su campo: el formulario se reacomoda."""
        self._formulario.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows
            if escala >= 150
            else QFormLayout.RowWrapPolicy.DontWrapRows
        )

    def _radicar(self) -> None:
        documento = self.documento.text().strip()
        if not documento.isdigit():
            mensaje = "Escriba el número de documento, solo con números."
            self.error_documento.setText(mensaje)
            self.error_documento.show()
            self.documento.setProperty("invalido", True)
            self.documento.style().polish(self.documento)
            self.documento.setFocus()
            anunciar(self.documento, mensaje, asertivo=True)
            return
        self.error_documento.hide()
        self.documento.setProperty("invalido", False)
        self.documento.style().polish(self.documento)
        mensaje = f"Solicitud de muestra registrada para el documento {documento}."
        self.resultado.setText(mensaje)
        anunciar(self.resultado, mensaje)

    def _limpiar(self) -> None:
        for campo in (self.documento, self.nombres, self.correo, self.asunto):
            campo.clear()
        self.descripcion.clear()
        self.resultado.clear()
        self.error_documento.hide()


def main(argumentos: Sequence[str] | None = None) -> int:
    """Abre la ventana de muestra; con `--captura` guarda una imagen y sale."""
    lector = argparse.ArgumentParser(description="Muestra de los temas de Ventanilla.")
    lector.add_argument("--tema", choices=(SISTEMA, *TEMAS), default=SISTEMA)
    lector.add_argument("--escala", type=int, default=100)
    lector.add_argument("--captura", help="archivo PNG donde guardar la ventana y salir")
    lector.add_argument("--enfocar", help="objectName del control que recibe el foco")
    opciones = lector.parse_args(argumentos)

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName(NOMBRE_APLICACION)
    guardadas = {"tema": opciones.tema, "escala": opciones.escala}
    preferencias = PreferenciasVisuales(app, lambda: guardadas, guardadas.update)
    preferencias.cargar()
    ventana = VentanaMuestra(preferencias)
    ventana.resize(760, 860)
    ventana.show()
    if opciones.enfocar:
        objetivo = ventana.findChild(QWidget, opciones.enfocar)
        if objetivo is not None:
            ventana.activateWindow()
            objetivo.setFocus(Qt.FocusReason.TabFocusReason)
    if opciones.captura:

        def capturar() -> None:
            ventana.grab().save(opciones.captura)
            app.quit()

        QTimer.singleShot(200, capturar)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
