"""Un informe como libro de Excel (openpyxl) con celdas tipadas: fechas como fechas, números
como números, porcentajes como fracciones con formato de porcentaje. Una hoja «Resumen» con el
encabezado y las cifras, y una hoja por tabla, con filtros y la fila de títulos fija.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.informes.modelo import Cifra, Informe, Parrafo, Tabla, Tipo

__all__ = ["FORMATOS", "a_xlsx", "valor_xlsx"]

FORMATOS = {
    Tipo.ENTERO: "#,##0",
    Tipo.DECIMAL: "#,##0.0",
    Tipo.PORCENTAJE: "0.0%",
    Tipo.FECHA: "DD/MM/YYYY",
    Tipo.FECHA_HORA: "DD/MM/YYYY HH:MM",
}
_CABEZA = PatternFill("solid", fgColor="0A58A8")
_TOTAL = PatternFill("solid", fgColor="E8F0F9")
_BLANCO = Font(bold=True, color="FFFFFF")
_NEGRITA = Font(bold=True)


def valor_xlsx(valor: Any, tipo: Tipo) -> Any:
    """El valor como lo guarda la hoja: porcentaje en fracción, fecha y hora sin zona (Bogotá)."""
    if valor is None:
        return None
    if tipo is Tipo.PORCENTAJE and isinstance(valor, (int, float)):
        return valor / 100
    if isinstance(valor, datetime):
        return valor.astimezone(BOGOTA).replace(tzinfo=None) if valor.tzinfo else valor
    return valor


def _nombre_hoja(titulo: str, usados: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", titulo)[:28].strip()
    nombre, n = base, 2
    while nombre.lower() in usados:
        nombre, n = f"{base[:25]} ({n})", n + 1
    usados.add(nombre.lower())
    return nombre


def _escribir_tabla(hoja: Worksheet, tabla: Tabla, fila: int) -> int:
    for j, columna in enumerate(tabla.columnas, start=1):
        c = hoja.cell(fila, j, columna.titulo)
        c.font, c.fill = _BLANCO, _CABEZA
        c.alignment = Alignment(wrap_text=True, vertical="center")
        hoja.column_dimensions[get_column_letter(j)].width = max(12, min(60, 9 * columna.ancho + 4))
    inicio = fila
    for valores in tabla.filas + ([tabla.totales] if tabla.totales is not None else []):
        fila += 1
        for j, (valor, columna) in enumerate(zip(valores, tabla.columnas), start=1):
            c = hoja.cell(fila, j, valor_xlsx(valor, columna.tipo))
            if columna.tipo in FORMATOS:
                c.number_format = FORMATOS[columna.tipo]
    if tabla.totales is not None:
        for j in range(1, len(tabla.columnas) + 1):
            hoja.cell(fila, j).font, hoja.cell(fila, j).fill = _NEGRITA, _TOTAL
    ultima = fila - (1 if tabla.totales is not None else 0)
    if ultima > inicio:
        hoja.auto_filter.ref = f"A{inicio}:{get_column_letter(len(tabla.columnas))}{ultima}"
    hoja.freeze_panes = hoja.cell(inicio + 1, 1)
    if tabla.nota:
        fila += 2
        hoja.cell(fila, 1, tabla.nota).font = Font(italic=True, color="4B5561")
    return fila


def a_xlsx(informe: Informe) -> bytes:
    libro = Workbook()
    resumen = libro.active
    assert resumen is not None
    resumen.title = "Resumen"
    usados = {"resumen"}
    encabezado: list[tuple[str, Any, str | None]] = [
        ("Entidad", informe.entidad, None), ("NIT", informe.nit, None), ("Informe", informe.titulo, None),
        ("Desde", informe.desde, FORMATOS[Tipo.FECHA]), ("Hasta", informe.hasta, FORMATOS[Tipo.FECHA]),
        ("Estado al", valor_xlsx(informe.corte, Tipo.FECHA_HORA), FORMATOS[Tipo.FECHA_HORA]),
        ("Generado", valor_xlsx(informe.generado_en, Tipo.FECHA_HORA), FORMATOS[Tipo.FECHA_HORA]),
        ("Fuente", informe.fuente, None),
    ]
    for i, (etiqueta, valor, formato) in enumerate(encabezado, start=1):
        resumen.cell(i, 1, etiqueta).font = _NEGRITA
        celda = resumen.cell(i, 2, valor)
        if formato:
            celda.number_format = formato
    resumen.column_dimensions["A"].width = 42
    resumen.column_dimensions["B"].width = 60
    fila = len(encabezado) + 2
    for bloque in informe.bloques:
        if isinstance(bloque, list):
            for cifra in bloque:
                fila = _cifra(resumen, fila, cifra)
        elif isinstance(bloque, Parrafo):
            fila += 1
            resumen.cell(fila, 1, bloque.titulo or "Nota").font = _NEGRITA
            resumen.cell(fila, 2, bloque.texto).alignment = Alignment(wrap_text=True)
        else:
            hoja = libro.create_sheet(_nombre_hoja(bloque.titulo, usados))
            hoja.cell(1, 1, bloque.titulo).font = Font(bold=True, size=13, color="0A58A8")
            hoja.cell(2, 1, f"{informe.entidad} · {informe.periodo}").font = Font(color="4B5561")
            _escribir_tabla(hoja, bloque, 4)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def _cifra(hoja: Worksheet, fila: int, cifra: Cifra) -> int:
    hoja.cell(fila, 1, cifra.etiqueta)
    celda = hoja.cell(fila, 2, valor_xlsx(cifra.valor, cifra.tipo))
    if cifra.tipo in FORMATOS:
        celda.number_format = FORMATOS[cifra.tipo]
    celda.alignment = Alignment(horizontal="left")
    return fila + 1
