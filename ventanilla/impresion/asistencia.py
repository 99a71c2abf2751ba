"""La lista de asistencia de una jornada: el formato que firman las personas atendidas.

Es el soporte que piden los planes de atención (las «listas de asistencia» de las ferias de
servicios de Cartago): una hoja carta horizontal con los datos de la jornada, una fila por
persona con su nombre, documento, servicio y dependencia, la marca de que se le informó el aviso
de privacidad y un espacio para su firma. Las filas en blanco del final sirven para quien llega
cuando el portátil no está a mano; al pie va el conteo por servicio y por dependencia.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm

from ventanilla.impresion.datos import Entidad
from ventanilla.impresion.formato import fecha_hora, fecha_larga
from ventanilla.impresion.fuentes import NEGRITA, NORMAL
from ventanilla.impresion.lienzo import ACENTO, SECUNDARIO, SUPERFICIE, TEXTO, Hoja, ajustar_tamano
from ventanilla.impresion.pagina import MARGEN, TAMANOS, nuevo_lienzo

__all__ = ["COLUMNAS", "DatosAsistencia", "FilaAsistencia", "lista_asistencia_pdf"]

TITULO = "Lista de asistencia"
COLUMNAS: tuple[tuple[str, float], ...] = (
    ("N.º", 0.05),
    ("Nombres y apellidos", 0.25),
    ("Documento", 0.15),
    ("Servicio", 0.16),
    ("Dependencia", 0.13),
    ("Aviso", 0.06),
    ("Firma", 0.20),
)
"""Encabezado y fracción del ancho útil de cada columna."""

ALTO_FILA = 9 * mm
TAMANO_FILA = 9.0
GRIS_LINEA = HexColor("#9AA3AD")


@dataclass(frozen=True)
class FilaAsistencia:
    nombre: str
    documento: str
    servicio: str
    dependencia: str
    aviso_privacidad: bool


@dataclass(frozen=True)
class DatosAsistencia:
    entidad: Entidad
    jornada: str
    fecha: date
    lugar: str
    comuna: str
    dependencias: tuple[str, ...]
    filas: tuple[FilaAsistencia, ...]
    funcionario: str
    impresa_en: datetime
    filas_en_blanco: int = 10
    aviso: str = ""


def _encabezado(hoja: Hoja, datos: DatosAsistencia) -> None:
    inicio = hoja.y
    ancho = hoja.util * 0.55
    hoja.parrafo(datos.entidad.nombre, NEGRITA, 14, ancho=ancho, color=ACENTO, interlinea=1.2)
    hoja.parrafo(f"NIT {datos.entidad.nit} · {datos.entidad.dependencia}", NORMAL, 8.5, ancho=ancho,
                 color=SECUNDARIO)
    izquierda = hoja.y
    hoja.y = inicio
    x = hoja.x0 + hoja.util * 0.58
    hoja.parrafo(TITULO, NEGRITA, 14, x=x, ancho=hoja.util * 0.42, alinear="derecha")
    hoja.parrafo(datos.jornada, NORMAL, 9.5, x=x, ancho=hoja.util * 0.42, alinear="derecha")
    hoja.y = min(hoja.y, izquierda) - 2 * mm
    hoja.regla(grosor=1.2, color=ACENTO)
    hoja.bajar(4.5 * mm)
    detalle = (
        f"Fecha: {fecha_larga(datos.fecha)}    Lugar: {datos.lugar}    Comuna o corregimiento: {datos.comuna}"
    )
    hoja.parrafo(detalle, NORMAL, 9, color=TEXTO)
    if datos.dependencias:
        hoja.parrafo("Dependencias: " + ", ".join(datos.dependencias), NORMAL, 9, color=TEXTO)
    hoja.bajar(2.5 * mm)


def _anchos(hoja: Hoja) -> list[float]:
    return [hoja.util * fraccion for _, fraccion in COLUMNAS]


def _celda(hoja: Hoja, x: float, ancho: float, y: float, texto: str, fuente: str = NORMAL) -> None:
    tamano = ajustar_tamano(texto, fuente, TAMANO_FILA, ancho - 2.4 * mm, minimo=6.5)
    recorte = texto
    while recorte and tamano == 6.5 and hoja.canvas is not None and \
            hoja.canvas.stringWidth(recorte, fuente, tamano) > ancho - 2.4 * mm:
        recorte = recorte[:-2] + "…"
    hoja.escribir(x + 1.2 * mm, y, recorte, fuente, tamano, TEXTO)


def _titulos(hoja: Hoja) -> None:
    alto = 7 * mm
    if hoja.canvas is not None:
        hoja.canvas.saveState()
        hoja.canvas.setFillColor(SUPERFICIE)
        hoja.canvas.setStrokeColor(GRIS_LINEA)
        hoja.canvas.rect(hoja.x0, hoja.y - alto, hoja.util, alto, stroke=1, fill=1)
        hoja.canvas.restoreState()
    x = hoja.x0
    for (titulo, _), ancho in zip(COLUMNAS, _anchos(hoja)):
        hoja.escribir(x + 1.2 * mm, hoja.y - alto + 2.3 * mm, titulo, NEGRITA, 8.5, TEXTO)
        x += ancho
    hoja.bajar(alto)


def _fila(hoja: Hoja, numero: int, fila: FilaAsistencia | None) -> None:
    if hoja.y - ALTO_FILA < hoja.abajo:
        hoja.saltar()
        _titulos(hoja)
    base = hoja.y - ALTO_FILA
    if hoja.canvas is not None:
        hoja.canvas.saveState()
        hoja.canvas.setStrokeColor(GRIS_LINEA)
        hoja.canvas.setLineWidth(0.5)
        hoja.canvas.rect(hoja.x0, base, hoja.util, ALTO_FILA, stroke=1, fill=0)
        x = hoja.x0
        for ancho in _anchos(hoja)[:-1]:
            x += ancho
            hoja.canvas.line(x, base, x, hoja.y)
        hoja.canvas.restoreState()
    texto_y = base + ALTO_FILA / 2 - TAMANO_FILA * 0.35
    valores = ["", "", "", "", "", ""] if fila is None else [
        fila.nombre, fila.documento, fila.servicio, fila.dependencia, "Sí" if fila.aviso_privacidad else "No",
    ]
    x = hoja.x0
    anchos = _anchos(hoja)
    _celda(hoja, x, anchos[0], texto_y, str(numero))
    x += anchos[0]
    for valor, ancho in zip(valores, anchos[1:6]):
        if valor:
            _celda(hoja, x, ancho, texto_y, valor)
        x += ancho
    hoja.bajar(ALTO_FILA)


def _conteo(titulo: str, valores: Counter[str]) -> str:
    partes = [f"{nombre or 'Sin dependencia'}: {n}" for nombre, n in sorted(valores.items(), key=lambda p: (-p[1], p[0]))]
    return f"{titulo}: " + ("; ".join(partes) if partes else "ninguno")


def _cierre(hoja: Hoja, datos: DatosAsistencia) -> None:
    hoja.bajar(4 * mm)
    hoja.parrafo(f"Personas registradas en el equipo: {len(datos.filas)}", NEGRITA, 9.5)
    hoja.parrafo(_conteo("Por servicio", Counter(f.servicio for f in datos.filas)), NORMAL, 8.5)
    hoja.parrafo(_conteo("Por dependencia", Counter(f.dependencia for f in datos.filas)), NORMAL, 8.5)
    hoja.bajar(6 * mm)
    hoja.asegurar(14 * mm)
    mitad = hoja.util / 2
    if hoja.canvas is not None:
        hoja.canvas.setStrokeColor(TEXTO)
        hoja.canvas.line(hoja.x0, hoja.y - 8 * mm, hoja.x0 + mitad - 10 * mm, hoja.y - 8 * mm)
        hoja.canvas.line(hoja.x0 + mitad, hoja.y - 8 * mm, hoja.x1, hoja.y - 8 * mm)
    hoja.escribir(hoja.x0, hoja.y - 12 * mm, f"Funcionario responsable: {datos.funcionario}", NORMAL, 8.5)
    hoja.escribir(hoja.x0 + mitad, hoja.y - 12 * mm, "Firma y cargo", NORMAL, 8.5)
    hoja.bajar(16 * mm)
    if datos.aviso:
        hoja.parrafo(datos.aviso, NORMAL, 7, color=SECUNDARIO, interlinea=1.3)


def lista_asistencia_pdf(datos: DatosAsistencia, tamano: str = "carta") -> bytes:
    """El PDF de la lista de asistencia (hoja horizontal), con las filas en blanco al final."""
    destino = io.BytesIO()
    lienzo = nuevo_lienzo(destino, tamano, f"{TITULO} · {datos.jornada}", datos.entidad)
    ancho, alto = landscape(TAMANOS[tamano])
    lienzo.setPageSize((ancho, alto))

    def al_empezar(hoja: Hoja) -> None:
        hoja.escribir(hoja.x0 + hoja.util / 2, MARGEN - 8, f"{TITULO} · {datos.jornada} · impresa el "
                      f"{fecha_hora(datos.impresa_en)} · Página {hoja.pagina}", NORMAL, 7, SECUNDARIO, "centro")
        if hoja.pagina == 1:
            _encabezado(hoja, datos)
        else:
            hoja.parrafo(f"{datos.entidad.nombre} · {TITULO} · {datos.jornada} (continuación)", NEGRITA, 8.5,
                         color=SECUNDARIO)
            hoja.bajar(2 * mm)

    hoja = Hoja(lienzo, ancho, alto, MARGEN, margen_inferior=MARGEN + 4 * mm, al_empezar_pagina=al_empezar)
    _titulos(hoja)
    for numero, fila in enumerate(datos.filas, start=1):
        _fila(hoja, numero, fila)
    for extra in range(datos.filas_en_blanco):
        _fila(hoja, len(datos.filas) + extra + 1, None)
    _cierre(hoja, datos)
    lienzo.showPage()
    lienzo.save()
    return destino.getvalue()
