"""Una hoja que se llena de arriba abajo: párrafos con ajuste de línea, campos alineados y saltos
de página, sobre el lienzo de reportlab.

Los documentos se dibujan directamente sobre el lienzo (sin el motor de plantillas de
reportlab) porque así una constancia se arma en pocos milisegundos y cada elemento queda donde
se decide. La misma hoja sirve para medir sin dibujar (`canvas` None): así los documentos de
rollo térmico calculan primero su largo y luego se dibujan en una página de ese largo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ventanilla.impresion.fuentes import NEGRITA, NORMAL, registrar_fuentes

__all__ = [
    "ACENTO",
    "BORDE",
    "NEGRO",
    "SECUNDARIO",
    "SUPERFICIE",
    "TEXTO",
    "Estilo",
    "Hoja",
    "ajustar_tamano",
    "ancho_texto",
    "crear_lienzo",
    "partir_lineas",
]

TEXTO = HexColor("#1A1F24")
SECUNDARIO = HexColor("#4B5561")
ACENTO = HexColor("#0A58A8")
SUPERFICIE = HexColor("#F3F5F7")
BORDE = HexColor("#7D8894")
NEGRO = HexColor("#000000")


def crear_lienzo(destino: BinaryIO, medida: tuple[float, float], titulo: str, autor: str) -> Canvas:
    """Un lienzo con las fuentes DejaVu ya activas (ninguna fuente base de PDF sin incrustar) y los
    metadatos del documento."""
    registrar_fuentes()
    lienzo = Canvas(destino, pagesize=medida, pageCompression=1, initialFontName=NORMAL,
                    initialFontSize=10)
    lienzo.setTitle(titulo)
    lienzo.setAuthor(autor)
    lienzo.setCreator("Ventanilla")
    return lienzo


@dataclass(frozen=True)
class Estilo:
    """Tamaños (puntos) de un documento. `apilado`: la etiqueta va encima del valor."""

    cuerpo: float
    etiqueta: float
    titulo: float
    destacado: float
    pequeno: float
    ancho_etiqueta: float
    apilado: bool = False
    interlinea: float = 1.3
    texto: Color = TEXTO
    secundario: Color = SECUNDARIO
    acento: Color = ACENTO


class Hoja:
    """El cursor vertical de una página y lo que se dibuja bajo él."""

    def __init__(
        self,
        canvas: Canvas | None,
        ancho: float,
        alto: float,
        margen: float,
        *,
        margen_inferior: float | None = None,
        al_empezar_pagina: Callable[[Hoja], None] | None = None,
    ) -> None:
        self.canvas = canvas
        self.ancho = ancho
        self.alto = alto
        self.x0 = margen
        self.x1 = ancho - margen
        self.arriba = alto - margen
        self.abajo = margen if margen_inferior is None else margen_inferior
        self.y = self.arriba
        self.pagina = 1
        self._al_empezar = al_empezar_pagina
        if al_empezar_pagina is not None:
            al_empezar_pagina(self)

    @property
    def util(self) -> float:
        return self.x1 - self.x0

    def bajar(self, alto: float) -> None:
        self.y -= alto

    def asegurar(self, alto: float) -> None:
        """Salta de página si lo que sigue (de `alto` puntos) no cabe en esta."""
        if self.y - alto < self.abajo - 0.01 and self.y < self.arriba:
            self.saltar()

    def saltar(self) -> None:
        if self.canvas is not None:
            self.canvas.showPage()
        self.pagina += 1
        self.y = self.arriba
        if self._al_empezar is not None:
            self._al_empezar(self)

    def escribir(
        self,
        x: float,
        y: float,
        texto: str,
        fuente: str,
        tamano: float,
        color: Color = TEXTO,
        alinear: str = "izquierda",
    ) -> None:
        """Una línea en una posición fija, sin mover el cursor."""
        if self.canvas is None:
            return
        self.canvas.setFont(fuente, tamano)
        self.canvas.setFillColor(color)
        if alinear == "centro":
            self.canvas.drawCentredString(x, y, texto)
        elif alinear == "derecha":
            self.canvas.drawRightString(x, y, texto)
        else:
            self.canvas.drawString(x, y, texto)

    def parrafo(
        self,
        texto: str,
        fuente: str,
        tamano: float,
        *,
        x: float | None = None,
        ancho: float | None = None,
        color: Color = TEXTO,
        alinear: str = "izquierda",
        interlinea: float = 1.3,
    ) -> None:
        """Escribe `texto` con ajuste de línea bajo el cursor y lo baja."""
        x = self.x0 if x is None else x
        ancho = self.util if ancho is None else ancho
        paso = tamano * interlinea
        for bloque in texto.split("\n"):
            for linea in partir_lineas(bloque, fuente, tamano, ancho):
                self.asegurar(paso)
                self.y -= paso
                if alinear == "centro":
                    destino = x + ancho / 2
                elif alinear == "derecha":
                    destino = x + ancho
                else:
                    destino = x
                self.escribir(destino, self.y + tamano * 0.25, linea, fuente, tamano, color, alinear)

    def alto_parrafo(
        self, texto: str, fuente: str, tamano: float, *, ancho: float | None = None,
        interlinea: float = 1.3,
    ) -> float:
        """Lo que ocuparía `parrafo` con los mismos argumentos."""
        ancho = self.util if ancho is None else ancho
        lineas = sum(len(partir_lineas(b, fuente, tamano, ancho)) for b in texto.split("\n"))
        return lineas * tamano * interlinea

    def campo(self, etiqueta: str, valor: str, estilo: Estilo, *, regla: bool = True) -> None:
        """Una fila «Etiqueta   valor» alineada en dos columnas (o apilada en letra grande)."""
        if estilo.apilado:
            self.asegurar(estilo.etiqueta * 1.3 + estilo.cuerpo * 1.3)
            self.parrafo(etiqueta, NEGRITA, estilo.etiqueta, color=estilo.secundario)
            self.parrafo(valor, NORMAL, estilo.cuerpo, color=estilo.texto)
            self.bajar(estilo.cuerpo * 0.4)
            return
        ancho_valor = self.util - estilo.ancho_etiqueta
        lineas = partir_lineas(valor, NORMAL, estilo.cuerpo, ancho_valor)
        paso = estilo.cuerpo * estilo.interlinea
        self.asegurar(paso * min(len(lineas), 3))
        inicio = self.y
        self.escribir(
            self.x0, inicio - paso + estilo.cuerpo * 0.25, etiqueta, NEGRITA, estilo.etiqueta,
            estilo.secundario,
        )
        self.parrafo(
            valor, NORMAL, estilo.cuerpo, x=self.x0 + estilo.ancho_etiqueta, ancho=ancho_valor,
            color=estilo.texto, interlinea=estilo.interlinea,
        )
        self.bajar(estilo.cuerpo * 0.3)
        if regla:
            self.regla(grosor=0.4, color=HexColor("#D5DAE0"))
        self.bajar(estilo.cuerpo * 0.3)

    def regla(self, grosor: float = 0.6, color: Color = BORDE, guiones: tuple[float, ...] = ()) -> None:
        """Una línea horizontal de margen a margen a la altura del cursor."""
        if self.canvas is None:
            return
        self.canvas.saveState()
        self.canvas.setStrokeColor(color)
        self.canvas.setLineWidth(grosor)
        if guiones:
            self.canvas.setDash(list(guiones))
        self.canvas.line(self.x0, self.y, self.x1, self.y)
        self.canvas.restoreState()


def _partir_palabra(palabra: str, fuente: str, tamano: float, ancho: float) -> list[str]:
    """Corta una palabra más larga que la línea (una dirección web), de preferencia tras «/», «?»,
    «=» o «&»."""
    trozos: list[str] = []
    while stringWidth(palabra, fuente, tamano) > ancho and len(palabra) > 1:
        corte = len(palabra) - 1
        while corte > 1 and stringWidth(palabra[:corte], fuente, tamano) > ancho:
            corte -= 1
        preferido = max(palabra.rfind(signo, 0, corte) for signo in "/?=&")
        if preferido > corte // 2:
            corte = preferido + 1
        trozos.append(palabra[:corte])
        palabra = palabra[corte:]
    trozos.append(palabra)
    return trozos


def partir_lineas(texto: str, fuente: str, tamano: float, ancho: float) -> list[str]:
    """Las líneas de `texto` en `ancho`, cortando solo en espacios normales: un espacio de no
    separación (U+00A0, como en «10:42 a. m.») mantiene unidas sus palabras."""
    lineas: list[str] = []
    actual = ""
    espacio = stringWidth(" ", fuente, tamano)
    ocupado = 0.0
    for palabra in texto.split(" "):
        medida = stringWidth(palabra, fuente, tamano)
        if actual and ocupado + espacio + medida <= ancho:
            actual += " " + palabra
            ocupado += espacio + medida
            continue
        if actual:
            lineas.append(actual)
        *enteras, actual = _partir_palabra(palabra, fuente, tamano, ancho)
        lineas.extend(enteras)
        ocupado = stringWidth(actual, fuente, tamano)
    lineas.append(actual)
    return lineas


def ancho_texto(texto: str, fuente: str, tamano: float) -> float:
    return float(stringWidth(texto, fuente, tamano))


def ajustar_tamano(texto: str, fuente: str, maximo: float, ancho: float, minimo: float = 6) -> float:
    """El mayor tamaño (≤ `maximo`) con el que `texto` cabe en una línea de `ancho`."""
    natural = ancho_texto(texto, fuente, maximo)
    if natural <= ancho:
        return maximo
    return max(minimo, maximo * ancho / natural)

