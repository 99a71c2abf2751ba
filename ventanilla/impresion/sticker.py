"""El rótulo (sticker) que se pega en el documento radicado: radicado, fecha y hora, folios,
Code 128 y QR.

Su medida depende del rollo de etiquetas de cada ventanilla (100 × 50 mm por defecto); todo se
acomoda a ella. Es para el archivo y los lectores de la entidad, por eso su QR lleva solo el
radicado.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.colors import white
from reportlab.lib.units import mm

from ventanilla.impresion.codigos import dibujar_code128, dibujar_qr
from ventanilla.impresion.datos import DatosRadicado
from ventanilla.impresion.formato import fecha_hora_corta
from ventanilla.impresion.fuentes import NEGRITA, NORMAL
from ventanilla.impresion.lienzo import NEGRO, Hoja, ajustar_tamano, crear_lienzo

__all__ = ["MEDIDA_MINIMA", "sticker"]

MEDIDA_MINIMA = (60.0, 30.0)
"""El rótulo más pequeño (mm) en el que los códigos siguen legibles."""


def _texto(hoja: Hoja, linea: str, fuente: str, tamano: float, ancho: float, invertido: bool = False) -> None:
    tamano = ajustar_tamano(linea, fuente, tamano, ancho, minimo=5)
    hoja.y -= tamano * 1.25
    if invertido and hoja.canvas is not None:
        hoja.canvas.setFillColor(NEGRO)
        hoja.canvas.rect(hoja.x0 - 1, hoja.y - tamano * 0.1, ancho + 2, tamano * 1.25, stroke=0, fill=1)
    hoja.escribir(hoja.x0, hoja.y + tamano * 0.15, linea, fuente, tamano,
                  white if invertido else NEGRO)


def sticker(
    datos: DatosRadicado, ancho_mm: float = 100, alto_mm: float = 50, copia: datetime | None = None
) -> bytes:
    """El PDF del rótulo, de `ancho_mm` × `alto_mm`. `copia`: instante de la reimpresión."""
    if ancho_mm < MEDIDA_MINIMA[0] or alto_mm < MEDIDA_MINIMA[1]:
        raise ValueError(
            f"El rótulo debe medir al menos {MEDIDA_MINIMA[0]:.0f} × {MEDIDA_MINIMA[1]:.0f} mm."
        )
    ancho, alto = ancho_mm * mm, alto_mm * mm
    destino = io.BytesIO()
    lienzo = crear_lienzo(destino, (ancho, alto), f"Rótulo {datos.radicado}", datos.entidad.nombre)
    margen = 3 * mm
    hoja = Hoja(lienzo, ancho, alto, margen)
    alto_barras = max(8 * mm, alto * 0.3)
    lado_qr = min(alto - 2 * margen - alto_barras - 2 * mm, ancho * 0.3)
    dibujar_qr(lienzo, datos.radicado, hoja.x1 - lado_qr, hoja.arriba - lado_qr, lado_qr)
    columna = hoja.util - lado_qr - 2 * mm
    base = alto_mm / 50
    _texto(hoja, datos.entidad.nombre, NEGRITA, 7 * base, columna)
    _texto(hoja, datos.radicado, NEGRITA, 13 * base, columna)
    _texto(hoja, f"Recibido: {fecha_hora_corta(datos.recibido_en)}", NORMAL, 7.5 * base, columna)
    _texto(hoja, f"Folios: {datos.folios} · Anexos: {len(datos.anexos)}", NORMAL, 7.5 * base, columna)
    if copia is not None:
        hoja.y -= 0.8 * mm
        _texto(hoja, f"COPIA · {fecha_hora_corta(copia)}", NEGRITA, 7 * base, columna, invertido=True)
    dibujar_code128(lienzo, datos.radicado, hoja.x0, margen, ancho=hoja.util, alto=alto_barras)
    lienzo.showPage()
    lienzo.save()
    return destino.getvalue()
