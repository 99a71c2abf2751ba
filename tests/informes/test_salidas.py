"""Los nueve informes salen en PDF, XLSX (celdas tipadas) y CSV, y las tres salidas coinciden."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.informes import TIPOS_INFORME, Periodo, armar, generar
from ventanilla.informes.salida_csv import a_csv
from ventanilla.informes.salida_pdf import a_pdf
from ventanilla.informes.salida_xlsx import a_xlsx

PERIODO = Periodo(date(2026, 7, 1), date(2026, 9, 30))
AHORA = datetime(2026, 11, 20, 12, 0, tzinfo=BOGOTA)


@pytest.mark.parametrize("tipo", list(TIPOS_INFORME))
def test_cada_informe_en_los_tres_formatos(datos: Any, tipo: str, tmp_path: Path) -> None:
    informe = armar(datos.almacen, tipo, PERIODO, ahora=AHORA)
    pdf = a_pdf(informe)
    assert pdf.startswith(b"%PDF")
    archivo = tmp_path / f"{tipo}.pdf"
    archivo.write_bytes(pdf)
    texto = subprocess.run(["pdftotext", "-layout", str(archivo), "-"], capture_output=True, text=True, check=True).stdout
    assert informe.titulo.split()[0] in texto and "Alcaldía de Manizales" in texto and "Página 1 de" in texto
    fuentes = subprocess.run(["pdffonts", str(archivo)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fuentes and all(" yes " in linea for linea in fuentes.splitlines()[2:]), fuentes
    libro = load_workbook(io.BytesIO(a_xlsx(informe)))
    assert libro.sheetnames[0] == "Resumen" and len(libro.sheetnames) == 1 + len(informe.tablas)
    filas = list(csv.reader(io.StringIO(a_csv(informe).decode("utf-8-sig"))))
    assert filas[0] == [informe.titulo]
    for tabla in informe.tablas:
        assert [tabla.titulo] in filas


def test_xlsx_con_fechas_como_fechas_y_numeros_como_numeros(datos: Any) -> None:
    informe = armar(datos.almacen, "oportunidad", PERIODO, ahora=AHORA)
    libro = load_workbook(io.BytesIO(a_xlsx(informe)))
    resumen = libro["Resumen"]
    assert isinstance(resumen["B4"].value, datetime) and resumen["B4"].value.date() == date(2026, 7, 1)
    cifras = {resumen.cell(f, 1).value: resumen.cell(f, 2) for f in range(1, resumen.max_row + 1)}
    assert cifras["Solicitudes recibidas"].value == informe.cifra("Solicitudes recibidas")
    oportunidad = cifras["Oportunidad de respuesta"]
    assert oportunidad.number_format == "0.0%"
    assert oportunidad.value == pytest.approx(informe.cifra("Oportunidad de respuesta") / 100)
    hoja = libro["Solicitudes vencidas sin respues"[:28].strip()]
    tabla = informe.tabla("Solicitudes vencidas sin respuesta")
    assert hoja.cell(4, 1).value == "Radicado"
    primera = [hoja.cell(5, c).value for c in range(1, 7)]
    assert primera[0] == tabla.filas[0][0]
    assert isinstance(primera[3], datetime) and primera[3].date() == tabla.filas[0][3]
    assert isinstance(primera[5], int) and primera[5] == tabla.filas[0][5]
    assert hoja.cell(5, 4).number_format == "DD/MM/YYYY"


def test_csv_dice_lo_mismo_que_la_tabla(datos: Any) -> None:
    informe = armar(datos.almacen, "pqrsd-trimestral", PERIODO, ahora=AHORA)
    filas = list(csv.reader(io.StringIO(a_csv(informe).decode("utf-8-sig"))))
    tabla = informe.tabla("Solicitudes por dependencia")
    inicio = filas.index([tabla.titulo]) + 2
    for esperado, leido in zip(tabla.filas, filas[inicio:]):
        assert leido[0] == esperado[0] and int(leido[1]) == esperado[1] and int(leido[4]) == esperado[4]


def test_generar_rechaza_lo_que_no_existe(datos: Any) -> None:
    from ventanilla.informes import InformeDesconocido

    with pytest.raises(InformeDesconocido, match="mensual"):
        generar(datos.almacen, "mensual", PERIODO, "pdf")
    with pytest.raises(InformeDesconocido, match="docx"):
        generar(datos.almacen, "diario", PERIODO, "docx")
