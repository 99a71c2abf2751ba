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


def _sumar(resultado: Caracterizacion, datos: dict[str, Any], signo: int) -> None:
    for campo, valor in datos.items():
        for uno in valor if isinstance(valor, list) else [valor]:
            resultado[campo][etiqueta_valor(uno)] += signo


def caracterizar(
    sesion: Session, desde: datetime, hasta: datetime, total: int, excluidas: Collection[str] = ()
) -> Caracterizacion:
    """Cuenta por campo y valor las solicitudes recibidas en [desde, hasta) cuyo peticionario
    autorizó caracterizarse. `excluidas`: ids que no cuentan (anuladas al corte); `total`: las
    solicitudes del periodo, para saber cuántas no tienen caracterización."""
    cx = conexion_cruda(sesion)
    resultado: Caracterizacion = defaultdict(Counter)
    filas = cx.execute(
        "SELECT je.key, je.value, je.type, count(*) FROM solicitudes s "
        "JOIN ciudadanos c ON c.id = s.ciudadano_id, json_each(c.caracterizacion) je "
        "WHERE s.recibido_en >= ? AND s.recibido_en < ? AND c.caracterizacion IS NOT NULL "
        "GROUP BY je.key, je.value, je.type",
        (iso_utc(desde), iso_utc(hasta)),
    )
    for campo, valor, tipo, cuenta in filas:
        if tipo == "array":
            valores: list[Any] = json.loads(valor)
        elif tipo in ("true", "false"):
            valores = [tipo == "true"]
        else:
            valores = [valor]
        for uno in valores:
            resultado[campo][etiqueta_valor(uno)] += cuenta
    con = cx.execute(
        "SELECT count(*) FROM solicitudes s JOIN ciudadanos c ON c.id = s.ciudadano_id "
        "WHERE s.recibido_en >= ? AND s.recibido_en < ? AND c.caracterizacion IS NOT NULL "
        "AND c.caracterizacion != 'null' AND c.caracterizacion != '{}'",
        (iso_utc(desde), iso_utc(hasta)),
    ).fetchone()[0]
    lista = list(excluidas)
    for i in range(0, len(lista), 500):
        lote = lista[i : i + 500]
        for (texto,) in cx.execute(
            f"SELECT c.caracterizacion FROM solicitudes s JOIN ciudadanos c ON c.id = s.ciudadano_id "
            f"WHERE s.id IN ({','.join('?' * len(lote))}) AND c.caracterizacion IS NOT NULL",
            lote,
        ):
            datos = json.loads(texto) or {}
            if datos:
                con -= 1
                _sumar(resultado, datos, -1)
    resultado[""][CON] = con
    resultado[""][SIN] = total - con
    return {campo: Counter({v: n for v, n in c.items() if n}) for campo, c in resultado.items()}
