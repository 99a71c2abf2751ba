"""La caracterización de los grupos de valor (enfoque diferencial) de quienes presentaron
solicitudes en un periodo.

Solo existe para los ciudadanos que la autorizaron (Ley 1581): el resto cuenta como «sin
caracterización». Se lee del registro de ciudadanos (datos personales fuera del registro de
eventos), así que refleja su versión actual: si un ciudadano se anonimiza, desaparece también
de los informes que se recalculen.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ventanilla.informes.fotos import conexion_cruda
from ventanilla.informes.periodo import iso_utc

__all__ = ["CAMPOS", "Caracterizacion", "caracterizar", "etiqueta_campo", "etiqueta_valor"]

CAMPOS: dict[str, str] = {
    "sexo": "Sexo",
    "genero": "Identidad de género",
    "identidad_genero": "Identidad de género",
    "rango_edad": "Rango de edad",
    "grupo_etnico": "Grupo étnico",
    "discapacidad": "Discapacidad",
    "victima": "Víctima del conflicto armado",
    "migrante": "Migrante",
    "zona": "Zona rural o urbana",
    "comuna": "Comuna o corregimiento",
    "accesibilidad": "Necesidades de accesibilidad",
}

Caracterizacion = dict[str, Counter[str]]
"""{campo: {valor: solicitudes}}; el campo «» lleva el total con y sin caracterización."""

CON = "Con caracterización autorizada"
SIN = "Sin caracterización (no autorizada o anónima)"


def etiqueta_campo(campo: str) -> str:
    return CAMPOS.get(campo) or campo.replace("_", " ").capitalize()


def etiqueta_valor(valor: Any) -> str:
    if valor is True:
        return "Sí"
    if valor is False:
        return "No"
    texto = str(valor).replace("_", " ").strip()
    return texto[:1].upper() + texto[1:] if texto else "Sin dato"


def _sumar(resultado: Caracterizacion, datos: dict[str, Any], veces: int) -> None:
    for campo, valor in datos.items():
        for uno in valor if isinstance(valor, list) else [valor]:
            resultado[campo][etiqueta_valor(uno)] += veces


def caracterizar(
    sesion: Session, desde: datetime, hasta: datetime, total: int, excluidas: Collection[str] = ()
) -> Caracterizacion:
    """Cuenta por campo y valor las solicitudes recibidas en [desde, hasta) cuyo peticionario
    autorizó caracterizarse. `excluidas`: ids que no cuentan (anuladas al corte); `total`: las
    solicitudes del periodo, para saber cuántas no tienen caracterización.

    Se cuentan las solicitudes de cada ciudadano (un `GROUP BY` sobre el índice de recibo) y se
    cruzan en memoria con los ciudadanos caracterizados (una lectura de esa tabla): mucho menos
    que buscar el ciudadano de cada una de cien mil solicitudes.
    """
    cx = conexion_cruda(sesion)
    caracterizados = {
        ciudadano: datos
        for ciudadano, texto in cx.execute("SELECT id, caracterizacion FROM ciudadanos WHERE caracterizacion IS NOT NULL")
        if (datos := json.loads(texto))
    }
    cuentas: Counter[str] = Counter()
    if caracterizados:
        cuentas.update(dict(cx.execute(
            "SELECT ciudadano_id, count(*) FROM solicitudes WHERE recibido_en >= ? AND recibido_en < ? "
            "AND ciudadano_id IS NOT NULL GROUP BY ciudadano_id",
            (iso_utc(desde), iso_utc(hasta)),
        )))
        lista = list(excluidas)
        for i in range(0, len(lista), 500):
            lote = lista[i : i + 500]
            cuentas.subtract(c for (c,) in cx.execute(
                f"SELECT ciudadano_id FROM solicitudes WHERE id IN ({','.join('?' * len(lote))}) "
                "AND ciudadano_id IS NOT NULL", lote))
    resultado: Caracterizacion = defaultdict(Counter)
    con = 0
    for ciudadano, n in cuentas.items():
        datos = caracterizados.get(ciudadano)
        if datos and n > 0:
            con += n
            _sumar(resultado, datos, n)
    resultado[""][CON] = con
    resultado[""][SIN] = total - con
    return {campo: Counter({v: n for v, n in c.items() if n}) for campo, c in resultado.items()}
