"""La constancia de radicación: la prueba, en manos del ciudadano, de que su solicitud se recibió.

Lleva lo que exige DOMINIO.md (entidad y NIT, radicado, fecha y hora, peticionario o «Anónimo»,
canal, tipo, asunto, dependencia, vencimiento legal, folios y anexos, funcionario y punto, cómo
consultar el estado, Code 128 y QR, resumen del aviso de privacidad). El QR lleva la dirección
de consulta con el radicado, para que el ciudadano la abra desde su celular; sin dirección de
consulta, lleva el radicado.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm

from ventanilla.impresion.datos import DatosRadicado
from ventanilla.impresion.formato import fecha_hora, fecha_larga
from ventanilla.impresion.fuentes import NEGRITA, NORMAL
from ventanilla.impresion.lienzo import Estilo, Hoja
from ventanilla.impresion.pagina import (
    caja_radicado,
    documento_de_radicado,
    estilo_de,
    seccion,
    sello_copia,
)

__all__ = ["constancia", "filas_constancia"]

TITULO = "Constancia de radicación"
PIE = "Conserve esta constancia: es la prueba de que su solicitud fue recibida"


def _vencimiento(datos: DatosRadicado) -> str:
    if datos.vence_el is None:
        return "Sin término legal"
    return f"{fecha_larga(datos.vence_el)} ({datos.termino_texto})"


def _anexos(datos: DatosRadicado) -> str:
    if not datos.anexos:
        return "Ninguno"
    return "\n".join(f"{i}. {anexo}" for i, anexo in enumerate(datos.anexos, start=1))


def filas_constancia(datos: DatosRadicado) -> list[tuple[str, str]]:
    """Los campos de la solicitud en el orden en que se imprimen (etiqueta, valor)."""
    peticionario = datos.peticionario
    filas = [("Peticionario", peticionario.nombre if peticionario else "Anónimo")]
    if peticionario is not None:
        filas.append(("Documento", peticionario.documento))
    canal = datos.canal_nombre + (" (petición verbal)" if datos.verbal else "")
    filas += [
        ("Canal", canal),
        ("Tipo de solicitud", datos.tipo_nombre),
        ("Asunto", datos.asunto),
        ("Dependencia", datos.dependencia),
        ("Fecha de vencimiento", _vencimiento(datos)),
        ("Folios", str(datos.folios)),
        ("Anexos", _anexos(datos)),
    ]
    return filas


def _consulta(datos: DatosRadicado) -> str:
    if datos.url_consulta:
        return (
            f"Consulte el estado de su solicitud con el número de radicado {datos.radicado} en "
            f"{datos.url_consulta} (o escanee el código QR), o en la "
            f"{datos.entidad.dependencia}."
        )
    return (
        f"Consulte el estado de su solicitud en la {datos.entidad.dependencia} con el número de "
        f"radicado {datos.radicado}."
    )


def _cuerpo(hoja: Hoja, datos: DatosRadicado, estilo: Estilo, copia: datetime | None) -> None:
    hoja.parrafo(TITULO, NEGRITA, estilo.titulo, color=estilo.texto)
    hoja.bajar(3 * mm)
    if copia is not None:
        sello_copia(hoja, copia, estilo)
    caja_radicado(hoja, "Radicado No.", datos.radicado, f"Recibida el {fecha_hora(datos.recibido_en)}",
                  estilo)
    seccion(hoja, "Datos de la solicitud", estilo)
    filas = filas_constancia(datos)
    for indice, (etiqueta, valor) in enumerate(filas):
        hoja.campo(etiqueta, valor, estilo, regla=indice < len(filas) - 1)
    if datos.verbal:
        hoja.bajar(1 * mm)
        hoja.parrafo(
            "Petición presentada verbalmente y registrada por el funcionario que la recibió "
            "(Ley 1755 de 2015, art. 15; Decreto 1166 de 2016).",
            NORMAL, estilo.cuerpo - (0 if estilo.apilado else 0.5), color=estilo.secundario,
        )
    hoja.bajar(3 * mm)
    seccion(hoja, "Recepción", estilo)
    hoja.campo("Recibió", datos.funcionario, estilo)
    hoja.campo("Punto de radicación", f"{datos.punto} (serie {datos.serie})", estilo, regla=False)
    hoja.bajar(3 * mm)
    seccion(hoja, "Consulta del estado", estilo)
    hoja.parrafo(_consulta(datos), NORMAL, estilo.cuerpo, color=estilo.texto)
    hoja.bajar(4 * mm)
    hoja.asegurar(hoja.alto_parrafo(datos.aviso_privacidad, NORMAL, estilo.pequeno, interlinea=1.35)
                  + 2 * mm)
    hoja.regla(grosor=0.5)
    hoja.bajar(1 * mm)
    hoja.parrafo(datos.aviso_privacidad, NORMAL, estilo.pequeno, color=estilo.secundario,
                 interlinea=1.35)


def constancia(
    datos: DatosRadicado,
    tamano: str = "carta",
    letra_grande: bool = False,
    copia: datetime | None = None,
) -> bytes:
    """El PDF de la constancia. `copia`: instante de la reimpresión (la marca como COPIA)."""
    estilo = estilo_de(letra_grande)
    return documento_de_radicado(
        entidad=datos.entidad,
        titulo=TITULO,
        radicado=datos.radicado,
        tamano=tamano,
        estilo=estilo,
        copia=copia,
        pie_texto=PIE if not letra_grande else "Constancia de radicación",
        qr=datos.url_consulta or datos.radicado,
        leyenda_qr="Consulte su solicitud",
        cuerpo=lambda hoja: _cuerpo(hoja, datos, estilo, copia),
    )
