"""Las piezas de los documentos de hoja completa (constancia y constancia de anulación):
encabezado de la entidad, caja del radicado con su Code 128, secciones, pie y marca de copia.

Carta es el tamaño de las impresoras de oficina en Colombia; A4 queda como ajuste. La variante
de letra grande lleva todo el texto a 18 puntos o más y pone cada etiqueta encima de su valor,
para que nada quede apretado.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ventanilla.impresion.codigos import dibujar_code128, dibujar_qr
from ventanilla.impresion.datos import Entidad
from ventanilla.impresion.formato import fecha_hora
from ventanilla.impresion.fuentes import NEGRITA, NORMAL
from ventanilla.impresion.lienzo import (
    SUPERFICIE,
    Estilo,
    Hoja,
    ajustar_tamano,
    ancho_texto,
    crear_lienzo,
)

__all__ = [
    "GRANDE",
    "MARGEN",
    "NORMAL_CARTA",
    "ROJO",
    "TAMANOS",
    "caja_radicado",
    "documento_de_radicado",
    "encabezado",
    "encabezado_continuacion",
    "estilo_de",
    "marca_de_agua",
    "margen_inferior",
    "nuevo_lienzo",
    "pie",
    "seccion",
    "sello_copia",
]

TAMANOS: dict[str, tuple[float, float]] = {"carta": LETTER, "a4": A4}

NORMAL_CARTA = Estilo(
    cuerpo=10, etiqueta=9, titulo=15, destacado=19, pequeno=7.5, ancho_etiqueta=44 * mm
)
GRANDE = Estilo(
    cuerpo=18, etiqueta=18, titulo=24, destacado=26, pequeno=18, ancho_etiqueta=0, apilado=True
)
MARGEN = 15 * mm
ROJO = HexColor("#B3261E")
GRIS_MARCA = HexColor("#E4E7EB")


def estilo_de(letra_grande: bool) -> Estilo:
    return GRANDE if letra_grande else NORMAL_CARTA


def nuevo_lienzo(destino: io.BytesIO, tamano: str, titulo: str, entidad: Entidad) -> Canvas:
    """Un lienzo del tamaño pedido con los metadatos del documento."""
    if tamano not in TAMANOS:
        raise ValueError(f"El tamaño «{tamano}» no existe: use carta o a4.")
    return crear_lienzo(destino, TAMANOS[tamano], titulo, entidad.nombre)


def _logo(hoja: Hoja, logo: bytes, lado: float) -> None:
    if hoja.canvas is None:
        return
    hoja.canvas.drawImage(
        ImageReader(io.BytesIO(logo)), hoja.x0, hoja.y - lado, lado, lado,
        preserveAspectRatio=True, anchor="c", mask="auto",
    )


def encabezado(hoja: Hoja, entidad: Entidad, estilo: Estilo, qr: str, leyenda_qr: str) -> None:
    """Logo, nombre, NIT y dependencia de la entidad a la izquierda; el QR a la derecha."""
    lado_qr = (34 if estilo.apilado else 25) * mm
    inicio = hoja.y
    x_texto = hoja.x0
    if entidad.logo:
        lado_logo = 20 * mm
        _logo(hoja, entidad.logo, lado_logo)
        x_texto += lado_logo + 4 * mm
    ancho = hoja.x1 - lado_qr - 4 * mm - x_texto
    hoja.parrafo(entidad.nombre, NEGRITA, estilo.titulo + 2, x=x_texto, ancho=ancho,
                 color=estilo.acento, interlinea=1.2)
    detalle = [f"NIT {entidad.nit}", entidad.dependencia, entidad.direccion]
    for linea in filter(None, detalle):
        hoja.parrafo(linea, NORMAL, max(estilo.cuerpo - 0.5, estilo.pequeno), x=x_texto, ancho=ancho,
                     color=estilo.secundario, interlinea=1.25)
    dibujar_qr(hoja.canvas, qr, hoja.x1 - lado_qr, inicio - lado_qr, lado_qr)
    fondo = inicio - lado_qr
    if not estilo.apilado:
        # En letra grande la leyenda tendría 18 pt y no cabe bajo el QR: se omite.
        hoja.escribir(hoja.x1, fondo - estilo.pequeno, leyenda_qr, NORMAL, estilo.pequeno,
                      estilo.secundario, "derecha")
        fondo -= estilo.pequeno * 1.6
    hoja.y = min(hoja.y, fondo)
    hoja.bajar(2 * mm)
    hoja.regla(grosor=1.2, color=estilo.acento)
    hoja.bajar(4 * mm)


def encabezado_continuacion(hoja: Hoja, entidad: Entidad, texto: str, estilo: Estilo) -> None:
    """La línea que encabeza la segunda página y las siguientes."""
    hoja.parrafo(f"{entidad.nombre} · {texto}", NEGRITA, estilo.pequeno, color=estilo.secundario)
    hoja.bajar(2 * mm)
    hoja.regla(grosor=0.8, color=estilo.acento)
    hoja.bajar(5 * mm)


def caja_radicado(hoja: Hoja, etiqueta: str, radicado: str, detalle: str, estilo: Estilo) -> None:
    """Un recuadro con el número de radicado en grande, su detalle y el Code 128.

    El código va a la derecha del número si ambos caben; si no (letra grande, números largos),
    debajo.
    """
    relleno = 4 * mm
    interior = hoja.util - 2 * relleno
    tamano = ajustar_tamano(radicado, NEGRITA, estilo.destacado, interior)
    alto_barras = 14 * mm
    ancho_barras = 68 * mm
    al_lado = (
        ancho_texto(radicado, NEGRITA, tamano) + ancho_barras + 4 * mm <= interior
        and ancho_texto(detalle, NORMAL, estilo.cuerpo) + ancho_barras <= interior
    )
    alto_texto = estilo.etiqueta * 1.4 + tamano * 1.25 + estilo.cuerpo * 1.5
    alto = 2 * relleno + (max(alto_texto, alto_barras) if al_lado else alto_texto + alto_barras + 3 * mm)
    hoja.asegurar(alto)
    tope = hoja.y
    if hoja.canvas is not None:
        hoja.canvas.saveState()
        hoja.canvas.setFillColor(SUPERFICIE)
        hoja.canvas.setStrokeColor(estilo.acento)
        hoja.canvas.setLineWidth(0.8)
        hoja.canvas.roundRect(hoja.x0, tope - alto, hoja.util, alto, 2 * mm, stroke=1, fill=1)
        hoja.canvas.restoreState()
    x = hoja.x0 + relleno
    y = tope - relleno - estilo.etiqueta
    hoja.escribir(x, y, etiqueta, NEGRITA, estilo.etiqueta, estilo.secundario)
    y -= tamano * 1.2
    hoja.escribir(x, y, radicado, NEGRITA, tamano, estilo.texto)
    y -= estilo.cuerpo * 1.5
    hoja.escribir(x, y, detalle, NORMAL, estilo.cuerpo, estilo.texto)
    if al_lado:
        franja = hoja.x1 - relleno - ancho_barras
        base = tope - alto / 2 - alto_barras / 2
    else:
        franja = hoja.x0 + relleno
        ancho_barras = interior
        base = tope - alto + relleno
    if hoja.canvas is not None:
        # El Code 128 necesita fondo blanco: el gris del recuadro baja el contraste del lector.
        hoja.canvas.setFillColor(HexColor("#FFFFFF"))
        hoja.canvas.rect(franja, base - 1.5 * mm, ancho_barras, alto_barras + 3 * mm, stroke=0, fill=1)
        hoja.canvas.setFillColor(HexColor("#000000"))
    dibujar_code128(hoja.canvas, radicado, franja, base, ancho=ancho_barras, alto=alto_barras)
    hoja.y = tope - alto
    hoja.bajar(6 * mm)


def seccion(hoja: Hoja, titulo: str, estilo: Estilo) -> None:
    """El título de un grupo de campos, con una línea debajo."""
    hoja.asegurar(estilo.titulo * 3)
    hoja.parrafo(titulo, NEGRITA, max(estilo.cuerpo + 2, estilo.etiqueta), color=estilo.acento)
    hoja.bajar(1.5 * mm)
    hoja.regla(grosor=0.8, color=estilo.acento)
    hoja.bajar(2 * mm)


def marca_de_agua(hoja: Hoja, texto: str) -> None:
    """«COPIA» en diagonal y gris claro, detrás del contenido de la página."""
    if hoja.canvas is None:
        return
    hoja.canvas.saveState()
    hoja.canvas.setFillColor(GRIS_MARCA)
    hoja.canvas.setFont(NEGRITA, 120)
    hoja.canvas.translate(hoja.ancho / 2, hoja.alto * 0.38)
    hoja.canvas.rotate(35)
    hoja.canvas.drawCentredString(0, -40, texto)
    hoja.canvas.restoreState()


def sello_copia(hoja: Hoja, copia: datetime, estilo: Estilo) -> None:
    """Un recuadro rojo que dice que el documento es una copia y cuándo se reimprimió."""
    texto = f"COPIA · reimpresa el {fecha_hora(copia)}"
    tamano = estilo.etiqueta + 1
    alto = tamano * 2.2
    hoja.asegurar(alto)
    if hoja.canvas is not None:
        hoja.canvas.saveState()
        hoja.canvas.setStrokeColor(ROJO)
        hoja.canvas.setLineWidth(1.5)
        hoja.canvas.roundRect(hoja.x0, hoja.y - alto, hoja.util, alto, 1.5 * mm, stroke=1, fill=0)
        hoja.canvas.restoreState()
    hoja.escribir(hoja.x0 + hoja.util / 2, hoja.y - alto / 2 - tamano * 0.35, texto, NEGRITA, tamano,
                  ROJO, "centro")
    hoja.bajar(alto + 4 * mm)


def pie(hoja: Hoja, texto: str, estilo: Estilo) -> None:
    """La línea al pie de cada página, con su número."""
    tamano = estilo.pequeno
    y = MARGEN - tamano * 1.2
    hoja.escribir(hoja.x0 + hoja.util / 2, y, f"{texto} · Página {hoja.pagina}", NORMAL, tamano,
                  estilo.secundario, "centro")


def margen_inferior(estilo: Estilo) -> float:
    return MARGEN + estilo.pequeno * 1.5


def documento_de_radicado(
    *,
    entidad: Entidad,
    titulo: str,
    radicado: str,
    tamano: str,
    estilo: Estilo,
    copia: datetime | None,
    pie_texto: str,
    qr: str,
    leyenda_qr: str,
    cuerpo: Callable[[Hoja], None],
) -> bytes:
    """Un documento de un radicado en hoja carta o A4: encabezado de la entidad con su QR en la
    primera página, encabezado corto en las siguientes, pie, marca COPIA en las reimpresiones;
    `cuerpo` escribe el contenido."""
    destino = io.BytesIO()
    lienzo = nuevo_lienzo(destino, tamano, f"{titulo} {radicado}", entidad)
    ancho, alto = TAMANOS[tamano]

    def al_empezar(hoja: Hoja) -> None:
        if copia is not None:
            marca_de_agua(hoja, "COPIA")
        pie(hoja, pie_texto, estilo)
        if hoja.pagina == 1:
            encabezado(hoja, entidad, estilo, qr, leyenda_qr)
        else:
            encabezado_continuacion(hoja, entidad, f"{titulo} {radicado}", estilo)

    hoja = Hoja(lienzo, ancho, alto, MARGEN, margen_inferior=margen_inferior(estilo), al_empezar_pagina=al_empezar)
    cuerpo(hoja)
    lienzo.showPage()
    lienzo.save()
    return destino.getvalue()
