"""Un informe en PDF (reportlab): encabezado de la entidad en cada página, título y periodo,
cifras destacadas, tablas con totales, gráficos de barras donde se leen mejor, y el pie con
la fecha de corte y «Página n de m». Carta horizontal: las tablas de términos tienen once
columnas. La fuente DejaVu Sans va incrustada (tildes y eñes en cualquier equipo).
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ventanilla.impresion.fuentes import NEGRITA, NORMAL, registrar_fuentes
from ventanilla.informes.formato import celda, fecha_hora_corta
from ventanilla.informes.modelo import Cifra, Informe, Parrafo, Tabla, Tipo

__all__ = ["a_pdf"]

ACENTO = HexColor("#0A58A8")
TEXTO = HexColor("#1A1F24")
SECUNDARIO = HexColor("#4B5561")
SUPERFICIE = HexColor("#F3F5F7")
BORDE = HexColor("#C5CCD3")
CLARO = HexColor("#E8F0F9")
PAGINA = landscape(LETTER)
MARGEN = 14 * mm
_NUMERICOS = (Tipo.ENTERO, Tipo.DECIMAL, Tipo.PORCENTAJE)


def _estilos() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=NORMAL, fontSize=8, leading=10, textColor=TEXTO)
    return {
        "celda": base,
        "derecha": ParagraphStyle("derecha", parent=base, alignment=TA_RIGHT),
        "cabeza": ParagraphStyle("cabeza", parent=base, fontName=NEGRITA, textColor=white, fontSize=7.5, leading=9),
        "total": ParagraphStyle("total", parent=base, fontName=NEGRITA),
        "total_derecha": ParagraphStyle("total_derecha", parent=base, fontName=NEGRITA, alignment=TA_RIGHT),
        "titulo": ParagraphStyle("titulo", parent=base, fontName=NEGRITA, fontSize=18, leading=22, textColor=ACENTO),
        "subtitulo": ParagraphStyle("subtitulo", parent=base, fontSize=10.5, leading=14, textColor=SECUNDARIO),
        "seccion": ParagraphStyle("seccion", parent=base, fontName=NEGRITA, fontSize=11.5, leading=14,
                                  textColor=ACENTO, spaceBefore=8, spaceAfter=4),
        "parrafo": ParagraphStyle("parrafo", parent=base, fontSize=9, leading=12.5, spaceAfter=4),
        "nota": ParagraphStyle("nota", parent=base, fontSize=7.2, leading=9, textColor=SECUNDARIO, spaceBefore=2),
        "cifra": ParagraphStyle("cifra", parent=base, fontName=NEGRITA, fontSize=17, leading=20, textColor=ACENTO),
        "cifra_etiqueta": ParagraphStyle("cifra_etiqueta", parent=base, fontSize=7.5, leading=9, textColor=SECUNDARIO),
    }


class _Paginas(Canvas):
    """Un lienzo que guarda las páginas para escribir «Página n de m» al final."""

    informe: Informe

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guardadas: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._guardadas.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._guardadas)
        for estado in self._guardadas:
            self.__dict__.update(estado)
            self._marco(total)
            super().showPage()
        super().save()

    def _marco(self, total: int) -> None:
        inf = self.informe
        ancho, alto = PAGINA
        self.setFillColor(ACENTO)
        self.rect(0, alto - 5 * mm, ancho, 5 * mm, stroke=0, fill=1)
        self.setFillColor(TEXTO)
        self.setFont(NEGRITA, 10.5)
        self.drawString(MARGEN, alto - 12 * mm, inf.entidad)
        self.setFont(NORMAL, 8)
        self.setFillColor(SECUNDARIO)
        self.drawString(MARGEN, alto - 16 * mm, f"NIT {inf.nit} · Ventanilla Única de Atención al Ciudadano")
        self.drawRightString(ancho - MARGEN, alto - 12 * mm, inf.titulo)
        self.drawRightString(ancho - MARGEN, alto - 16 * mm, inf.periodo)
        self.setStrokeColor(ACENTO)
        self.setLineWidth(0.8)
        self.line(MARGEN, alto - 18.5 * mm, ancho - MARGEN, alto - 18.5 * mm)
        self.setStrokeColor(BORDE)
        self.setLineWidth(0.5)
        self.line(MARGEN, 11 * mm, ancho - MARGEN, 11 * mm)
        self.setFont(NORMAL, 7)
        self.drawString(MARGEN, 7 * mm, f"{inf.corte_texto[:1].upper()}{inf.corte_texto[1:]} · "
                                        f"generado el {fecha_hora_corta(inf.generado_en)}")
        self.drawRightString(ancho - MARGEN, 7 * mm, f"Página {self._pageNumber} de {total}")


def _cifras(cifras: list[Cifra], estilos: dict[str, ParagraphStyle], ancho: float) -> Table:
    por_fila = min(len(cifras), 6)
    celdas: list[Any] = [
        [Paragraph(escape(celda(c.valor, c.tipo)) or "—", estilos["cifra"]),
         Paragraph(escape(c.etiqueta), estilos["cifra_etiqueta"])]
        for c in cifras
    ]
    filas = [celdas[i : i + por_fila] for i in range(0, len(celdas), por_fila)]
    filas[-1] += [""] * (por_fila - len(filas[-1]))
    tabla = Table(filas, colWidths=[ancho / por_fila] * por_fila)
    tabla.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), NORMAL),
        ("BACKGROUND", (0, 0), (-1, -1), SUPERFICIE),
        ("LINEBEFORE", (0, 0), (-1, -1), 2.5, ACENTO),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return tabla


class _Barras(Flowable):
    """Barras horizontales: la primera columna de la tabla contra la segunda (hasta 14 filas).

    Se dibujan directo en el lienzo, con la fuente incrustada del informe."""

    ALTO_BARRA, HUECO, ETIQUETA = 11.0, 4.0, 150.0

    def __init__(self, datos: list[tuple[str, float]], tipo: Tipo, ancho: float) -> None:
        super().__init__()
        self.datos, self.tipo = datos, tipo
        self.width = ancho
        self.height = len(datos) * (self.ALTO_BARRA + self.HUECO) + 6

    def draw(self) -> None:
        lienzo = self.canv
        maximo = max(v for _, v in self.datos)
        largo = self.width - self.ETIQUETA - 60
        for i, (nombre, valor) in enumerate(self.datos):
            y = self.height - (i + 1) * (self.ALTO_BARRA + self.HUECO)
            barra = max(largo * valor / maximo, 1)
            lienzo.setFont(NORMAL, 7.5)
            lienzo.setFillColor(TEXTO)
            lienzo.drawRightString(self.ETIQUETA - 6, y + 2.5, nombre[:34])
            lienzo.setFillColor(ACENTO)
            lienzo.rect(self.ETIQUETA, y, barra, self.ALTO_BARRA, stroke=0, fill=1)
            lienzo.setFillColor(SECUNDARIO)
            lienzo.drawString(self.ETIQUETA + barra + 4, y + 2.5,
                              celda(int(valor) if valor.is_integer() else valor, self.tipo))


def _barras(tabla: Tabla, ancho: float) -> _Barras | None:
    datos = [(str(f[0]), float(f[1])) for f in tabla.filas if isinstance(f[1], (int, float)) and f[1]]
    if len(datos) < 2:
        return None
    return _Barras(datos[:14], tabla.columnas[1].tipo, ancho)


def _tabla(tabla: Tabla, estilos: dict[str, ParagraphStyle], ancho: float) -> list[Flowable]:
    partes: list[Flowable] = []
    filas = tabla.filas
    resto = 0
    if tabla.max_filas_pdf is not None and len(filas) > tabla.max_filas_pdf:
        filas, resto = filas[: tabla.max_filas_pdf], len(filas) - tabla.max_filas_pdf
    pesos = [c.ancho for c in tabla.columnas]
    anchos = [ancho * p / sum(pesos) for p in pesos]

    def fila(valores: list[Any], total: bool) -> list[Any]:
        salida = []
        for valor, columna in zip(valores, tabla.columnas):
            numerico = columna.tipo in _NUMERICOS
            estilo = ("total_derecha" if numerico else "total") if total else ("derecha" if numerico else "celda")
            salida.append(Paragraph(escape(celda(valor, columna.tipo)), estilos[estilo]))
        return salida

    cabeza = [Paragraph(escape(c.titulo), ParagraphStyle("c", parent=estilos["cabeza"],
                        alignment=TA_RIGHT if c.tipo in _NUMERICOS else 0)) for c in tabla.columnas]
    cuerpo = [cabeza] + [fila(f, False) for f in filas]
    if not filas:
        cuerpo.append([Paragraph("Sin datos en el periodo.", estilos["nota"])] + [""] * (len(tabla.columnas) - 1))
    if tabla.totales is not None:
        cuerpo.append(fila(tabla.totales, True))
    estilo = [
        ("FONTNAME", (0, 0), (-1, -1), NORMAL),
        ("BACKGROUND", (0, 0), (-1, 0), ACENTO),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, BORDE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for i in range(2, len(cuerpo), 2):
        estilo.append(("BACKGROUND", (0, i), (-1, i), Color(0.965, 0.973, 0.98)))
    if not filas:
        estilo.append(("SPAN", (0, 1), (-1, 1)))
    if tabla.totales is not None:
        estilo += [("BACKGROUND", (0, -1), (-1, -1), CLARO), ("LINEABOVE", (0, -1), (-1, -1), 1, ACENTO)]
    cuadro = Table(cuerpo, colWidths=anchos, repeatRows=1)
    cuadro.setStyle(TableStyle(estilo))
    titulo = Paragraph(escape(tabla.titulo), estilos["seccion"])
    grafico = _barras(tabla, ancho * 0.7) if tabla.grafico == "barras" else None
    if grafico is not None:
        partes.append(KeepTogether([titulo, grafico, Spacer(1, 4)]))
        partes.append(cuadro)
    else:
        partes.append(KeepTogether([titulo, cuadro]) if len(cuerpo) < 25 else titulo)
        if len(cuerpo) >= 25:
            partes.append(cuadro)
    if resto:
        partes.append(Paragraph(f"… y {resto} filas más: la lista completa está en la hoja de cálculo (XLSX).",
                                estilos["nota"]))
    if tabla.nota:
        partes.append(Paragraph(escape(tabla.nota), estilos["nota"]))
    partes.append(Spacer(1, 6))
    return partes


def a_pdf(informe: Informe) -> bytes:
    registrar_fuentes()
    estilos = _estilos()
    destino = io.BytesIO()
    documento = SimpleDocTemplate(
        destino, pagesize=PAGINA, leftMargin=MARGEN, rightMargin=MARGEN, topMargin=24 * mm, bottomMargin=16 * mm,
        title=f"{informe.titulo} · {informe.periodo}", author=informe.entidad, creator="Ventanilla",
        subject=informe.fuente,
        # Sin esto el lienzo arranca en Helvetica, una fuente que el PDF no llevaría incrustada.
        initialFontName=NORMAL,
    )
    ancho = PAGINA[0] - 2 * MARGEN
    historia: list[Flowable] = [
        Paragraph(escape(informe.titulo), estilos["titulo"]),
        Paragraph(escape(f"{informe.periodo} · {informe.corte_texto}"), estilos["subtitulo"]),
    ]
    if informe.fuente:
        historia.append(Paragraph(escape(informe.fuente), estilos["nota"]))
    historia.append(Spacer(1, 8))
    for bloque in informe.bloques:
        if isinstance(bloque, list):
            historia += [_cifras(bloque, estilos, ancho), Spacer(1, 8)]
        elif isinstance(bloque, Parrafo):
            if bloque.titulo:
                historia.append(Paragraph(escape(bloque.titulo), estilos["seccion"]))
            historia.append(Paragraph(escape(bloque.texto), estilos["parrafo"]))
        else:
            historia += _tabla(bloque, estilos, ancho)
    class Lienzo(_Paginas):
        pass

    Lienzo.informe = informe
    documento.build(historia, canvasmaker=Lienzo)
    return destino.getvalue()
