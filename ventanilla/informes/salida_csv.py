"""Un informe como CSV para llevarlo a otros sistemas: UTF-8 (con BOM, para que Excel lea las
tildes), separado por comas, números con punto decimal, fechas ISO y porcentajes de 0 a 100.

Un CSV tiene una sola tabla, y un informe varias: cada tabla va como una sección, precedida
por una fila con su título y separada de la siguiente por una fila vacía. Las cifras
destacadas van primero, como la sección «Cifras».
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.informes.modelo import Informe, Parrafo, Tabla

__all__ = ["a_csv", "valor_csv"]


def valor_csv(valor: Any) -> Any:
    if valor is None:
        return ""
    if isinstance(valor, datetime):
        return valor.astimezone(BOGOTA).isoformat(timespec="seconds")
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, float):
        return round(valor, 4)
    return valor


def _tabla(escritor: Any, tabla: Tabla) -> None:
    escritor.writerow([tabla.titulo])
    escritor.writerow([c.titulo for c in tabla.columnas])
    for fila in tabla.filas + ([tabla.totales] if tabla.totales is not None else []):
        escritor.writerow([valor_csv(v) for v in fila])
    escritor.writerow([])


def a_csv(informe: Informe) -> bytes:
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\r\n")
    escritor.writerow([informe.titulo])
    escritor.writerow(["Entidad", informe.entidad, "NIT", informe.nit])
    escritor.writerow(["Desde", informe.desde.isoformat(), "Hasta", informe.hasta.isoformat(),
                       "Estado al", valor_csv(informe.corte)])
    escritor.writerow([])
    if informe.cifras:
        escritor.writerow(["Cifras"])
        escritor.writerow(["Indicador", "Valor"])
        for cifra in informe.cifras:
            escritor.writerow([cifra.etiqueta, valor_csv(cifra.valor)])
        escritor.writerow([])
    for bloque in informe.bloques:
        if isinstance(bloque, Tabla):
            _tabla(escritor, bloque)
        elif isinstance(bloque, Parrafo):
            escritor.writerow([bloque.titulo or "Nota", bloque.texto])
            escritor.writerow([])
    return salida.getvalue().encode("utf-8-sig")
