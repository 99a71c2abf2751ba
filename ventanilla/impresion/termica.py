"""Los papeles de rollo térmico de 80 mm: el recibo de radicación y el turno de la fila.

El rollo no tiene largo fijo: cada documento se mide primero (la misma función de dibujo sobre
una hoja sin lienzo) y luego se dibuja en una página de exactamente ese largo, para que la
impresora no bote papel en blanco. Solo negro, sin grises: la impresora térmica no los hace.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

from reportlab.lib.colors import white
from reportlab.lib.units import mm

from ventanilla.impresion.codigos import dibujar_code128, dibujar_qr
from ventanilla.impresion.datos import DatosRadicado, DatosTurno
from ventanilla.impresion.formato import fecha_hora, fecha_larga
from ventanilla.impresion.fuentes import CURSIVA, NEGRITA, NORMAL, registrar_fuentes
from ventanilla.impresion.lienzo import NEGRO, Hoja, ajustar_tamano, crear_lienzo

__all__ = ["ANCHO_ROLLO", "recibo", "ticket_turno"]

ANCHO_ROLLO = 80 * mm
MARGEN = 4 * mm
"""Las impresoras de 80 mm imprimen unos 72 mm: 4 mm de cada lado quedan en blanco."""


def _centrado(hoja: Hoja, texto: str, fuente: str, tamano: float, interlinea: float = 1.25) -> None:
    hoja.parrafo(texto, fuente, tamano, color=NEGRO, alinear="centro", interlinea=interlinea)


def _separador(hoja: Hoja) -> None:
    hoja.bajar(2 * mm)
    hoja.regla(grosor=0.8, color=NEGRO, guiones=(2, 2))
    hoja.bajar(2 * mm)


def _invertido(hoja: Hoja, texto: str, tamano: float) -> None:
    """Texto blanco sobre una franja negra, de margen a margen (avisos como «COPIA»)."""
    tamano = ajustar_tamano(texto, NEGRITA, tamano, hoja.util - 4 * mm)
    alto = tamano * 1.8
    if hoja.canvas is not None:
        hoja.canvas.setFillColor(NEGRO)
        hoja.canvas.rect(hoja.x0, hoja.y - alto, hoja.util, alto, stroke=0, fill=1)
    hoja.escribir(hoja.x0 + hoja.util / 2, hoja.y - alto / 2 - tamano * 0.35, texto, NEGRITA, tamano,
                  white, "centro")
    hoja.bajar(alto + 1.5 * mm)


def _campo(hoja: Hoja, etiqueta: str, valor: str, tamano: float = 8.5) -> None:
    hoja.parrafo(etiqueta, NEGRITA, tamano - 1, color=NEGRO, interlinea=1.2)
    hoja.parrafo(valor, NORMAL, tamano, color=NEGRO, interlinea=1.2)
    hoja.bajar(1 * mm)


def _encabezado(hoja: Hoja, nombre: str, lineas: list[str]) -> None:
    _centrado(hoja, nombre, NEGRITA, 12)
    for linea in filter(None, lineas):
        _centrado(hoja, linea, NORMAL, 8)
    _separador(hoja)


def _rollo(titulo: str, autor: str, dibujar: Callable[[Hoja], None]) -> bytes:
    registrar_fuentes()
    medida = Hoja(None, ANCHO_ROLLO, 10_000 * mm, MARGEN)
    dibujar(medida)
    alto = medida.arriba - medida.y + 2 * MARGEN
    destino = io.BytesIO()
    lienzo = crear_lienzo(destino, (ANCHO_ROLLO, alto), titulo, autor)
    dibujar(Hoja(lienzo, ANCHO_ROLLO, alto, MARGEN))
    lienzo.showPage()
    lienzo.save()
    return destino.getvalue()


def recibo(datos: DatosRadicado, copia: datetime | None = None) -> bytes:
    """El recibo de radicación en rollo de 80 mm. `copia`: instante de la reimpresión."""

    def dibujar(hoja: Hoja) -> None:
        entidad = datos.entidad
        _encabezado(hoja, entidad.nombre, [f"NIT {entidad.nit}", entidad.dependencia])
        _centrado(hoja, "RECIBO DE RADICACIÓN", NEGRITA, 10)
        if copia is not None:
            hoja.bajar(1 * mm)
            _invertido(hoja, f"COPIA · {fecha_hora(copia)}", 8.5)
        hoja.bajar(1 * mm)
        tamano = ajustar_tamano(datos.radicado, NEGRITA, 15, hoja.util)
        _centrado(hoja, datos.radicado, NEGRITA, tamano)
        hoja.bajar(2 * mm)
        alto_barras = 13 * mm
        dibujar_code128(hoja.canvas, datos.radicado, hoja.x0, hoja.y - alto_barras, ancho=hoja.util,
                        alto=alto_barras)
        hoja.bajar(alto_barras + 2 * mm)
        _centrado(hoja, f"Recibida el {fecha_hora(datos.recibido_en)}", NORMAL, 8.5)
        _separador(hoja)
        peticionario = datos.peticionario
        _campo(hoja, "Peticionario", peticionario.nombre if peticionario else "Anónimo")
        if peticionario is not None:
            _campo(hoja, "Documento", peticionario.documento)
        _campo(hoja, "Tipo de solicitud", datos.tipo_nombre)
        _campo(hoja, "Asunto", datos.asunto)
        _campo(hoja, "Dependencia", datos.dependencia)
        vence = fecha_larga(datos.vence_el) if datos.vence_el else "Sin término legal"
        _campo(hoja, "Fecha de vencimiento", vence)
        _campo(hoja, "Folios y anexos", f"{datos.folios} folios · {len(datos.anexos)} anexos")
        _campo(hoja, "Recibió", f"{datos.funcionario} · {datos.punto} (serie {datos.serie})")
        _separador(hoja)
        lado = 30 * mm
        dibujar_qr(hoja.canvas, datos.url_consulta or datos.radicado, hoja.x0 + (hoja.util - lado) / 2,
                   hoja.y - lado, lado)
        hoja.bajar(lado)
        consulta = datos.url_consulta or f"la {datos.entidad.dependencia}"
        _centrado(hoja, f"Consulte el estado de su solicitud en {consulta}", NORMAL, 7.5)
        _separador(hoja)
        hoja.parrafo(datos.aviso_privacidad, NORMAL, 6.5, color=NEGRO, interlinea=1.25)

    return _rollo(f"Recibo de radicación {datos.radicado}", datos.entidad.nombre, dibujar)


def ticket_turno(datos: DatosTurno) -> bytes:
    """El turno de la fila en rollo de 80 mm, con un QR de su código."""

    def dibujar(hoja: Hoja) -> None:
        _encabezado(hoja, datos.entidad.nombre, [datos.entidad.dependencia, datos.sede])
        _centrado(hoja, "Su turno", NORMAL, 11)
        _centrado(hoja, datos.codigo, NEGRITA, ajustar_tamano(datos.codigo, NEGRITA, 54, hoja.util),
                  interlinea=1.1)
        hoja.bajar(1 * mm)
        _centrado(hoja, datos.servicio, NEGRITA, 12)
        if datos.preferencial:
            hoja.bajar(1.5 * mm)
            _invertido(hoja, "ATENCIÓN PREFERENCIAL", 11)
        hoja.bajar(1 * mm)
        _separador(hoja)
        antes = datos.personas_antes
        espera = "No hay nadie antes de usted" if antes == 0 else (
            "1 persona antes de usted" if antes == 1 else f"{antes} personas antes de usted"
        )
        _centrado(hoja, espera, NEGRITA, 10)
        _centrado(hoja, f"Emitido el {fecha_hora(datos.emitido_en)}", NORMAL, 8.5)
        hoja.bajar(2 * mm)
        lado = 24 * mm
        dibujar_qr(hoja.canvas, datos.codigo, hoja.x0 + (hoja.util - lado) / 2, hoja.y - lado, lado)
        hoja.bajar(lado + 1 * mm)
        _centrado(hoja, "Espere su llamado en la pantalla y conserve este turno hasta ser atendido.",
                  CURSIVA, 8)

    return _rollo(f"Turno {datos.codigo}", datos.entidad.nombre, dibujar)
