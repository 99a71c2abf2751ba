"""Las impresoras del sistema y el envío de un PDF a una de ellas, a través de Qt.

Se imprime con QPrinter en todas las plataformas (CUPS en Linux, el spooler en Windows): cada
página del PDF se rasteriza con QtPdf a la resolución de la impresora (como mucho 300 ppp, de
sobra para que los códigos se lean) y se pinta a página completa, en una hoja de la medida exacta
del documento, para que un rótulo o un rollo de 80 mm no se escalen a carta. `docs/impresion.md`
explica por qué no se entrega el PDF a `lp`.

`imprimir_pdf` es síncrona y no toca widgets: la interfaz la llama desde un hilo de trabajo.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

__all__ = [
    "ErrorDeImpresion",
    "ImpresoraNoDisponible",
    "asegurar_aplicacion",
    "impresora_predeterminada",
    "impresoras",
    "imprimir_pdf",
]

PPP_MAXIMO = 300


class ErrorDeImpresion(RuntimeError):
    """El documento no se pudo enviar a la impresora."""


class ImpresoraNoDisponible(ErrorDeImpresion):
    """La impresora pedida no existe en este equipo."""


def asegurar_aplicacion() -> None:
    """Qt necesita una QGuiApplication para imprimir; la línea de órdenes no tiene ventanas, así
    que se crea una sin pantalla si hace falta."""
    actual = QCoreApplication.instance()
    if isinstance(actual, QGuiApplication):
        return
    if actual is not None:
        raise ErrorDeImpresion("Para imprimir hace falta una QGuiApplication, no una QCoreApplication.")
    argumentos = ["ventanilla"]
    sin_pantalla = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and sin_pantalla and "QT_QPA_PLATFORM" not in os.environ:
        argumentos += ["-platform", "offscreen"]
    QGuiApplication(argumentos)


def impresoras() -> list[str]:
    """Los nombres de las impresoras del sistema."""
    asegurar_aplicacion()
    return list(QPrinterInfo.availablePrinterNames())


def impresora_predeterminada() -> str | None:
    asegurar_aplicacion()
    return QPrinterInfo.defaultPrinterName() or None


def _cargar(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    documento = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    documento.load(buffer)
    if documento.status() != QPdfDocument.Status.Ready or documento.pageCount() < 1:
        raise ErrorDeImpresion(f"El documento no es un PDF legible ({documento.error().name}).")
    return documento, buffer


def imprimir_pdf(pdf: bytes, impresora: str, *, titulo: str = "Ventanilla", copias: int = 1) -> None:
    """Envía `pdf` a la impresora `impresora` y vuelve cuando el trabajo quedó en la cola."""
    asegurar_aplicacion()
    disponibles = QPrinterInfo.availablePrinterNames()
    if impresora not in disponibles:
        lista = ", ".join(disponibles) or "ninguna"
        raise ImpresoraNoDisponible(
            f"La impresora «{impresora}» no está instalada en este equipo. Disponibles: {lista}."
        )
    documento, buffer = _cargar(pdf)
    printer = QPrinter(QPrinterInfo.printerInfo(impresora), QPrinter.PrinterMode.HighResolution)
    printer.setDocName(titulo)
    printer.setCopyCount(copias)
    printer.setFullPage(True)
    ppp = min(printer.resolution(), PPP_MAXIMO)
    pintor = QPainter()
    try:
        for pagina in range(documento.pageCount()):
            medida = documento.pagePointSize(pagina)
            disposicion = QPageLayout(
                QPageSize(medida, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
            if pagina == 0:
                printer.setPageLayout(disposicion)
                if not pintor.begin(printer):
                    raise ErrorDeImpresion(f"La impresora «{impresora}» no aceptó el trabajo.")
            else:
                printer.setPageLayout(disposicion)
                printer.newPage()
            imagen = documento.render(
                pagina, QSize(round(medida.width() * ppp / 72), round(medida.height() * ppp / 72))
            )
            pintor.drawImage(QRectF(pintor.viewport()), imagen)
    finally:
        if pintor.isActive() and not pintor.end():
            raise ErrorDeImpresion(f"No se pudo terminar el trabajo en «{impresora}».")
        buffer.close()
