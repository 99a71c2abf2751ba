"""La constancia de anulación de un radicado (Acuerdo 060 de 2001 del AGN).

Un número anulado queda usado para siempre: la constancia dice quién pidió la anulación y por
qué, quién la aprobó y cuándo, y que el número no se volverá a asignar. Lleva el Code 128 y el QR
del radicado anulado, para que el archivo lo encuentre al escanearla.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm

from ventanilla.impresion.datos import DatosAnulacion
from ventanilla.impresion.formato import fecha_hora
from ventanilla.impresion.fuentes import NEGRITA, NORMAL
from ventanilla.impresion.lienzo import Estilo, Hoja
from ventanilla.impresion.pagina import (
    ROJO,
    caja_radicado,
    documento_de_radicado,
    estilo_de,
    seccion,
    sello_copia,
)

__all__ = ["constancia_anulacion", "filas_anulacion"]

TITULO = "Constancia de anulación de radicado"


def filas_anulacion(datos: DatosAnulacion) -> list[tuple[str, str]]:
    """Los campos en el orden en que se imprimen (etiqueta, valor)."""
    return [
        ("Fecha de recibo", fecha_hora(datos.recibido_en)),
        ("Tipo de solicitud", datos.tipo_nombre),
        ("Asunto", datos.asunto),
        ("Punto de radicación", f"{datos.punto} (serie {datos.serie})"),
        ("Solicitada por", datos.solicitada_por),
        ("Justificación", datos.justificacion),
        ("Aprobada por", datos.aprobada_por),
        ("Fecha de anulación", fecha_hora(datos.anulada_en)),
    ]


def _cuerpo(hoja: Hoja, datos: DatosAnulacion, estilo: Estilo, copia: datetime | None) -> None:
    hoja.parrafo(TITULO, NEGRITA, estilo.titulo, color=estilo.texto)
    hoja.bajar(3 * mm)
    if copia is not None:
        sello_copia(hoja, copia, estilo)
    caja_radicado(hoja, "Radicado anulado", datos.radicado, f"Anulado el {fecha_hora(datos.anulada_en)}",
                  estilo)
    seccion(hoja, "Datos de la anulación", estilo)
    filas = filas_anulacion(datos)
    for indice, (etiqueta, valor) in enumerate(filas):
        hoja.campo(etiqueta, valor, estilo, regla=indice < len(filas) - 1)
    hoja.bajar(5 * mm)
    hoja.parrafo(
        f"El número de radicado {datos.radicado} queda anulado y no se asignará a ninguna otra "
        "solicitud (Acuerdo 060 de 2001 del Archivo General de la Nación).",
        NEGRITA, estilo.cuerpo, color=ROJO,
    )
    _firmas(hoja, estilo, [("Solicitó", datos.solicitada_por), ("Aprobó", datos.aprobada_por)])


def _firmas(hoja: Hoja, estilo: Estilo, firmas: list[tuple[str, str]]) -> None:
    """Líneas de firma lado a lado (una debajo de otra en letra grande)."""
    columnas = 1 if estilo.apilado else len(firmas)
    ancho = (hoja.util - (columnas - 1) * 10 * mm) / columnas
    for inicio in range(0, len(firmas), columnas):
        fila = firmas[inicio:inicio + columnas]
        hoja.asegurar(18 * mm + estilo.cuerpo * 4)
        hoja.bajar(16 * mm)
        tope = hoja.y
        fondo = tope
        for indice, (cargo, nombre) in enumerate(fila):
            x = hoja.x0 + indice * (ancho + 10 * mm)
            if hoja.canvas is not None:
                hoja.canvas.setStrokeColor(estilo.secundario)
                hoja.canvas.setLineWidth(0.6)
                hoja.canvas.line(x, tope, x + ancho, tope)
            hoja.y = tope
            hoja.parrafo(cargo, NEGRITA, estilo.etiqueta, x=x, ancho=ancho, color=estilo.secundario)
            hoja.parrafo(nombre, NORMAL, estilo.cuerpo, x=x, ancho=ancho, color=estilo.texto)
            fondo = min(fondo, hoja.y)
        hoja.y = fondo


def constancia_anulacion(
    datos: DatosAnulacion,
    tamano: str = "carta",
    letra_grande: bool = False,
    copia: datetime | None = None,
) -> bytes:
    """El PDF de la constancia de anulación. `copia`: instante de la reimpresión."""
    estilo = estilo_de(letra_grande)
    return documento_de_radicado(
        entidad=datos.entidad,
        titulo=TITULO,
        radicado=datos.radicado,
        tamano=tamano,
        estilo=estilo,
        copia=copia,
        pie_texto=TITULO,
        qr=datos.radicado,
        leyenda_qr="Radicado anulado",
        cuerpo=lambda hoja: _cuerpo(hoja, datos, estilo, copia),
    )
