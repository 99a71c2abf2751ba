"""Los documentos impresos: campos con tildes, letra grande, copias, medidas y fuentes incrustadas."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PIL import Image

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.impresion import (
    constancia,
    constancia_anulacion,
    recibo,
    sticker,
    ticket_turno,
)
from ventanilla.impresion.anulacion import filas_anulacion
from ventanilla.impresion.aviso import aviso_privacidad
from ventanilla.impresion.constancia import filas_constancia
from ventanilla.impresion.muestras import (
    ENTIDAD,
    anulacion_de_muestra,
    radicado_de_muestra,
    turno_de_muestra,
)

Texto = Callable[[bytes], str]
Info = Callable[[bytes, str], str]
REIMPRESION = datetime(2026, 11, 24, 8, 5, tzinfo=BOGOTA)


def _medida(info: str) -> tuple[float, float]:
    ancho, alto = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()  # type: ignore[union-attr]
    return float(ancho), float(alto)


def test_la_constancia_trae_cada_campo_con_tildes(texto_pdf: Texto) -> None:
    datos = radicado_de_muestra()
    texto = texto_pdf(constancia(datos))
    esperados = [
        "Alcaldía de Manizales", "NIT 890801053-7", "Constancia de radicación",
        "MZL-VU01-2026-000123", "Recibida el 23 de noviembre de 2026, 10:42 a. m.",
        "María José Gómez Ríos", "Cédula de ciudadanía 75071234", "Presencial",
        "Petición de interés general o particular", datos.asunto, "Hacienda",
        "16 de diciembre de 2026 (15 días hábiles, Ley 1755 de 2015, art. 14)", "Folios 3",
        "Copia de la cédula de ciudadanía", "Recibo del impuesto predial 2026",
        "Andrés Felipe Ocampo Zuluaga", "Ventanilla Única CAM, módulo 1 (serie VU01)",
        "https://www.manizales.gov.co/pqrsd/consulta?radicado=MZL-VU01-2026-000123",
        re.sub(r"\s+", " ", aviso_privacidad().resumen),
    ]
    faltan = [campo for campo in esperados if campo not in texto]
    assert not faltan, f"Faltan en la constancia: {faltan}"
    for etiqueta, _ in filas_constancia(datos):
        assert etiqueta in texto
    assert "COPIA" not in texto


def test_anonima_sin_termino_y_verbal(texto_pdf: Texto) -> None:
    datos = dataclasses.replace(
        radicado_de_muestra(anonimo=True), tipo="felicitacion", vence_el=None, anexos=(), verbal=True
    )
    texto = texto_pdf(constancia(datos))
    assert "Peticionario Anónimo" in texto
    assert "Documento" not in texto
    assert "Sin término legal" in texto
    assert "Anexos Ninguno" in texto
    assert "Presencial (petición verbal)" in texto
    assert "Decreto 1166 de 2016" in texto


def test_la_copia_dice_copia_y_la_hora_de_reimpresion(texto_pdf: Texto) -> None:
    texto = texto_pdf(constancia(radicado_de_muestra(), copia=REIMPRESION))
    assert "COPIA · reimpresa el 24 de noviembre de 2026, 8:05 a. m." in texto
    for documento in (
        recibo(radicado_de_muestra(), copia=REIMPRESION),
        sticker(radicado_de_muestra(), copia=REIMPRESION),
        constancia_anulacion(anulacion_de_muestra(), copia=REIMPRESION),
    ):
        assert "COPIA" in texto_pdf(documento)


def test_letra_grande_no_baja_de_18_puntos(info_pdf: Info, texto_pdf: Texto) -> None:
    pdf = constancia(radicado_de_muestra(), letra_grande=True)
    cajas = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', info_pdf(pdf, "pdftotext -bbox {} -"))
    alturas = [float(y1) - float(y0) for y0, y1, palabra in cajas if palabra.strip()]
    assert len(alturas) > 100
    assert min(alturas) >= 18 - 0.01
    normal = constancia(radicado_de_muestra())
    cajas_normal = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">', info_pdf(normal, "pdftotext -bbox {} -"))
    assert min(float(y1) - float(y0) for y0, y1 in cajas_normal) < 18
    texto = texto_pdf(pdf)
    for campo in ("María José Gómez Ríos", "Cédula de ciudadanía 75071234", "Hacienda", "Aviso de privacidad"):
        assert campo in texto


@pytest.mark.parametrize(("tamano", "medida"), [("carta", (612, 792)), ("a4", (595.28, 841.89))])
def test_tamano_de_hoja(info_pdf: Info, tamano: str, medida: tuple[float, float]) -> None:
    pdf = constancia(radicado_de_muestra(), tamano)
    ancho, alto = _medida(info_pdf(pdf, "pdfinfo"))
    assert ancho == pytest.approx(medida[0], abs=0.5) and alto == pytest.approx(medida[1], abs=0.5)
    assert "Pages: 1" in re.sub(r"\s+", " ", info_pdf(pdf, "pdfinfo"))


def test_tamano_desconocido() -> None:
    with pytest.raises(ValueError, match="carta o a4"):
        constancia(radicado_de_muestra(), "oficio")


def test_solo_fuentes_dejavu_incrustadas(info_pdf: Info) -> None:
    documentos = [
        constancia(radicado_de_muestra(), copia=REIMPRESION),
        sticker(radicado_de_muestra()),
        recibo(radicado_de_muestra()),
        ticket_turno(turno_de_muestra(preferencial=True)),
        constancia_anulacion(anulacion_de_muestra()),
    ]
    for pdf in documentos:
        filas = info_pdf(pdf, "pdffonts").splitlines()[2:]
        assert filas
        for fila in filas:
            nombre, *_, emb, _sub, uni, _obj, _gen = fila.split()
            assert "DejaVuSans" in nombre and emb == "yes" and uni == "yes", fila


def test_rollo_de_80_mm_crece_con_el_contenido(info_pdf: Info) -> None:
    corto = radicado_de_muestra()
    largo = dataclasses.replace(corto, asunto=corto.asunto * 4)
    ancho, alto_corto = _medida(info_pdf(recibo(corto), "pdfinfo"))
    _, alto_largo = _medida(info_pdf(recibo(largo), "pdfinfo"))
    assert ancho == pytest.approx(80 / 25.4 * 72, abs=0.5)
    assert alto_largo > alto_corto + 40
    assert "Pages: 1" in re.sub(r"\s+", " ", info_pdf(recibo(largo), "pdfinfo"))


def test_sticker_de_la_medida_pedida_y_no_menor_al_minimo(info_pdf: Info) -> None:
    ancho, alto = _medida(info_pdf(sticker(radicado_de_muestra(), 62, 30), "pdfinfo"))
    assert (ancho, alto) == (pytest.approx(62 / 25.4 * 72, abs=0.5), pytest.approx(30 / 25.4 * 72, abs=0.5))
    with pytest.raises(ValueError, match="al menos"):
        sticker(radicado_de_muestra(), 40, 20)


def test_ticket_de_turno(texto_pdf: Texto) -> None:
    texto = texto_pdf(ticket_turno(turno_de_muestra(preferencial=True)))
    for campo in ("Su turno", "P-007", "Radicación de PQRSD", "ATENCIÓN PREFERENCIAL",
                  "4 personas antes de usted", "Emitido el 23 de noviembre de 2026, 10:38 a. m."):
        assert campo in texto
    nadie = dataclasses.replace(turno_de_muestra(), personas_antes=0)
    assert "No hay nadie antes de usted" in texto_pdf(ticket_turno(nadie))


def test_constancia_de_anulacion(texto_pdf: Texto) -> None:
    datos = anulacion_de_muestra()
    texto = texto_pdf(constancia_anulacion(datos))
    for etiqueta, valor in filas_anulacion(datos):
        assert etiqueta in texto and re.sub(r"\s+", " ", valor) in texto
    assert "no se asignará a ninguna otra solicitud" in texto
    assert "Luz Marina Castaño Arango" in texto


def test_logo_de_la_entidad(info_pdf: Info) -> None:
    imagen = io.BytesIO()
    Image.new("RGB", (120, 120), (10, 88, 168)).save(imagen, format="PNG")
    entidad = dataclasses.replace(ENTIDAD, logo=imagen.getvalue())
    pdf = constancia(radicado_de_muestra(entidad=entidad))
    assert len(info_pdf(pdf, "pdfimages -list").splitlines()) == 3
    assert len(info_pdf(constancia(radicado_de_muestra()), "pdfimages -list").splitlines()) == 2


def test_fechas_sin_zona_y_horas_en_bogota(texto_pdf: Texto) -> None:
    with pytest.raises(ValueError, match="zona horaria"):
        dataclasses.replace(radicado_de_muestra(), recibido_en=datetime(2026, 11, 23, 10, 42))
    en_utc = dataclasses.replace(
        radicado_de_muestra(), recibido_en=datetime(2026, 11, 23, 17, 5, tzinfo=UTC)
    )
    assert "Recibida el 23 de noviembre de 2026, 12:05 p. m." in texto_pdf(constancia(en_utc))
    medianoche = dataclasses.replace(
        radicado_de_muestra(), recibido_en=datetime(2026, 11, 24, 5, 10, tzinfo=UTC)
    )
    assert "Recibida el 24 de noviembre de 2026, 12:10 a. m." in texto_pdf(constancia(medianoche))


def test_radicado_con_caracteres_fuera_de_ascii_no_hace_un_codigo_falso() -> None:
    with pytest.raises(ValueError, match="ASCII"):
        sticker(dataclasses.replace(radicado_de_muestra(), radicado="MZL-AÑO-2026-000001"))


def test_aviso_de_privacidad() -> None:
    aviso = aviso_privacidad()
    assert aviso.version
    assert "Ley 1581 de 2012" in aviso.resumen and "Alcaldía de Manizales" in aviso.resumen
    for parte in ("Responsable del tratamiento", "finalidad", "Sus derechos", "Cómo ejercer"):
        assert parte in aviso.completo
    assert len(aviso.resumen) < 700
