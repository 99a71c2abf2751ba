"""Código de barras Code 128 y código QR dibujados como vectores en la página.

Los lectores de la ventanilla leen el Code 128 del rótulo; el celular del ciudadano lee el QR.
Cada código deja su zona de silencio en blanco (10 módulos el Code 128, 4 el QR): sin ella los
lectores fallan aunque el código esté bien impreso.
"""

from __future__ import annotations

from itertools import groupby

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ventanilla.impresion.qr import matriz_qr

__all__ = ["MODULO_MINIMO", "ancho_code128", "dibujar_code128", "dibujar_qr"]

MODULO_MINIMO = 0.19 * mm
"""El módulo más angosto que aceptan los lectores comunes (7,5 milésimas de pulgada)."""

MODULO_MAXIMO = 0.35 * mm
SILENCIO = 10
"""Módulos en blanco a cada lado del Code 128."""
SILENCIO_QR = 4
"""Módulos en blanco alrededor del QR."""


def _code128(valor: str, modulo: float, alto: float) -> Code128:
    if not valor.isascii():
        raise ValueError(f"El Code 128 solo admite caracteres ASCII: «{valor}».")
    return Code128(valor, barWidth=modulo, barHeight=alto, quiet=0, humanReadable=0)


def ancho_code128(valor: str, modulo: float) -> float:
    """El ancho de las barras de `valor` con ese módulo, sin las zonas de silencio."""
    return float(_code128(valor, modulo, 10).width)


def dibujar_code128(
    canvas: Canvas | None, valor: str, x: float, y: float, *, ancho: float, alto: float
) -> tuple[float, float]:
    """Dibuja el código centrado en la franja [x, x + ancho] con su zona de silencio.

    Usa el módulo más ancho que cabe (hasta 0,35 mm) y devuelve (x inicial, ancho) de las barras.
    Con `canvas` None solo mide.
    """
    modulos = ancho_code128(valor, 1.0)
    modulo = min(MODULO_MAXIMO, ancho / (modulos + 2 * SILENCIO))
    if modulo < MODULO_MINIMO:
        raise ValueError(f"El código de «{valor}» no cabe legible en {ancho / mm:.0f} mm.")
    barras = modulos * modulo
    inicio = x + (ancho - barras) / 2
    if canvas is not None:
        canvas.saveState()
        canvas.setFillColor(black)
        _code128(valor, modulo, alto).drawOn(canvas, inicio, y)
        canvas.restoreState()
    return inicio, barras


def dibujar_qr(canvas: Canvas | None, valor: str, x: float, y: float, lado: float) -> None:
    """Dibuja un QR (corrección M) de `lado` puntos, zona de silencio incluida, con esquina en (x, y).

    Los módulos se dibujan como un solo trazado de rectángulos (uno por tramo oscuro de cada
    fila): más liviano que un dibujo de reportlab y sin fuentes base de PDF de por medio.
    """
    if canvas is None:
        return
    matriz = matriz_qr(valor)
    modulo = lado / (len(matriz) + 2 * SILENCIO_QR)
    trazado = canvas.beginPath()
    for fila, modulos in enumerate(matriz):
        columna = 0
        for oscuro, tramo in groupby(modulos):
            largo = sum(1 for _ in tramo)
            if oscuro:
                trazado.rect(
                    x + (columna + SILENCIO_QR) * modulo,
                    y + lado - (fila + SILENCIO_QR + 1) * modulo,
                    largo * modulo,
                    modulo,
                )
            columna += largo
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.drawPath(trazado, stroke=0, fill=1)
    canvas.restoreState()
