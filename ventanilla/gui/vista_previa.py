"""Vista previa de un documento impreso (constancia, rótulo, recibo, turno, anulación).

El diálogo guarda los bytes del PDF, los muestra con QtPdf y deja elegir impresora, imprimir
(Ctrl+P) o guardar una copia en PDF. Imprimir corre fuera del hilo de la interfaz, por
`operaciones.ejecutar`; quien abre el diálogo puede pasar su propia función de impresión (la que
además anota el evento `documento.impreso`). Se prueba solo con
`python -m ventanilla.gui.vista_previa [constancia|sticker|recibo|turno|anulacion]`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QAbstractSlider

from ventanilla.gui.accesibilidad import anunciar, nombrar
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QApplication,
    QBuffer,
    QByteArray,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QIODevice,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.impresion.impresora import impresora_predeterminada, impresoras, imprimir_pdf

__all__ = ["VistaPrevia"]

Imprimir = Callable[[bytes, str], None]


def _imprimir_por_omision(pdf: bytes, impresora: str) -> None:
    imprimir_pdf(pdf, impresora)


class VistaPrevia(QDialog):
    """Muestra un PDF y lo imprime o lo guarda.

    `impresora`: la preferida para este tipo de documento (si existe en el equipo, queda elegida).
    `imprimir(pdf, impresora)`: lo que hace el botón Imprimir, en un hilo de trabajo.
    """

    impreso = Signal(str)
    """El documento llegó a la cola de la impresora (su nombre)."""
    fallo = Signal(str)
    """No se pudo imprimir (el mensaje que se mostró)."""

    def __init__(
        self,
        pdf: bytes,
        titulo: str,
        *,
        impresora: str | None = None,
        imprimir: Imprimir = _imprimir_por_omision,
        nombre_archivo: str = "documento.pdf",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._imprimir = imprimir
        self._nombre_archivo = nombre_archivo
        self.setWindowTitle(f"Vista previa · {titulo}")
        self.resize(820, 900)

        self._documento = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._documento.load(self._buffer)

        self._vista = QPdfView(self)
        self._vista.setDocument(self._documento)
        self._vista.setPageMode(QPdfView.PageMode.MultiPage)
        self._vista.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # La vista no toma el foco (QPdfView no tiene rol accesible propio); RePág y AvPág la
        # desplazan desde cualquier control del diálogo.
        self._vista.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        nombrar(self._vista, f"Vista previa de {titulo}",
                f"{self._documento.pageCount()} página(s)")

        self._etiqueta_impresora = QLabel("Im&presora:", self)
        self._impresoras = QComboBox(self)
        self._etiqueta_impresora.setBuddy(self._impresoras)
        nombrar(self._impresoras, "Impresora")
        self._llenar_impresoras(impresora)

        self._boton_imprimir = QPushButton("&Imprimir (Ctrl+P)", self)
        self._boton_imprimir.setDefault(True)
        nombrar(self._boton_imprimir, "Imprimir")
        self._boton_guardar = QPushButton("&Guardar como PDF…", self)
        nombrar(self._boton_guardar, "Guardar como PDF")
        self._boton_cerrar = QPushButton("Cerrar (Esc)", self)
        nombrar(self._boton_cerrar, "Cerrar")
        self._estado = QLabel(self)
        self._estado.setWordWrap(True)
        nombrar(self._estado, "Estado de la impresión")

        barra = QHBoxLayout()
        barra.addWidget(self._etiqueta_impresora)
        barra.addWidget(self._impresoras, 1)
        barra.addWidget(self._boton_imprimir)
        barra.addWidget(self._boton_guardar)
        barra.addWidget(self._boton_cerrar)
        columna = QVBoxLayout(self)
        columna.addLayout(barra)
        columna.addWidget(self._estado)
        columna.addWidget(self._vista, 1)

        self._boton_imprimir.clicked.connect(self.imprimir)
        self._boton_guardar.clicked.connect(self._guardar_como)
        self._boton_cerrar.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.imprimir)
        barra_vertical = self._vista.verticalScrollBar()
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage), self,
                  lambda: barra_vertical.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd))
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), self,
                  lambda: barra_vertical.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub))
        self._boton_imprimir.setFocus()

    @property
    def pdf(self) -> bytes:
        return self._pdf

    @property
    def paginas(self) -> int:
        return int(self._documento.pageCount())

    @property
    def impresora_elegida(self) -> str | None:
        nombre = self._impresoras.currentData()
        return str(nombre) if nombre else None

    @property
    def mensaje(self) -> str:
        return str(self._estado.text())

    def _llenar_impresoras(self, preferida: str | None) -> None:
        nombres = impresoras()
        if not nombres:
            self._impresoras.addItem("No hay impresoras instaladas", None)
            self._impresoras.setEnabled(False)
            return
        for nombre in nombres:
            self._impresoras.addItem(nombre, nombre)
        elegida = preferida if preferida in nombres else impresora_predeterminada()
        if elegida in nombres:
            self._impresoras.setCurrentIndex(nombres.index(elegida))

    def _avisar(self, texto: str, *, error: bool = False) -> None:
        self._estado.setText(texto)
        anunciar(self._estado, texto, asertivo=error)

    def imprimir(self) -> None:
        """Envía el PDF a la impresora elegida en un hilo de trabajo."""
        impresora = self.impresora_elegida
        if impresora is None:
            self._avisar("No hay impresoras instaladas: guarde el documento como PDF.", error=True)
            return
        if not self._boton_imprimir.isEnabled():
            return
        self._boton_imprimir.setEnabled(False)
        self._avisar(f"Enviando a {impresora}…")
        pdf, imprimir = self._pdf, self._imprimir
        ejecutar(
            self,
            lambda: imprimir(pdf, impresora),
            al_terminar=lambda _: self._impreso(impresora),
            al_fallar=self._fallido,
            descripcion="Imprimiendo…",
        )

    def _impreso(self, impresora: str) -> None:
        self._boton_imprimir.setEnabled(True)
        self._avisar(f"Documento enviado a {impresora}.")
        self.impreso.emit(impresora)

    def _fallido(self, error: Exception) -> None:
        self._boton_imprimir.setEnabled(True)
        mensaje = f"No se pudo imprimir: {error}"
        self._avisar(mensaje, error=True)
        self.fallo.emit(mensaje)

    def guardar_en(self, ruta: Path) -> None:
        """Escribe el PDF en `ruta`."""
        try:
            ruta.write_bytes(self._pdf)
        except OSError as error:
            self._avisar(f"No se pudo guardar en {ruta}: {error.strerror}.", error=True)
            return
        self._avisar(f"Guardado en {ruta}.")

    def _guardar_como(self) -> None:
        ruta, _ = QFileDialog.getSaveFileName(
            self, "Guardar como PDF", str(Path.home() / self._nombre_archivo), "PDF (*.pdf)"
        )
        if ruta:
            self.guardar_en(Path(ruta))


def _muestra(documento: str) -> tuple[bytes, str]:
    from ventanilla import impresion
    from ventanilla.impresion import muestras

    radicado = muestras.radicado_de_muestra()
    fabricas: dict[str, Callable[[], tuple[bytes, str]]] = {
        "constancia": lambda: (impresion.constancia(radicado), "Constancia de radicación"),
        "sticker": lambda: (impresion.sticker(radicado), "Rótulo de radicado"),
        "recibo": lambda: (impresion.recibo(radicado), "Recibo de radicación"),
        "turno": lambda: (impresion.ticket_turno(muestras.turno_de_muestra()), "Turno"),
        "anulacion": lambda: (
            impresion.constancia_anulacion(muestras.anulacion_de_muestra()),
            "Constancia de anulación",
        ),
    }
    if documento not in fabricas:
        raise SystemExit(f"Documento desconocido: {documento}. Use uno de: {', '.join(fabricas)}.")
    return fabricas[documento]()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    pdf, titulo = _muestra(sys.argv[1] if len(sys.argv) > 1 else "constancia")
    dialogo = VistaPrevia(pdf, titulo)
    dialogo.show()
    sys.exit(app.exec())
