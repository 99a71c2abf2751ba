"""Los resultados de las encuestas de satisfacción, leídos de los eventos `encuesta.respondida`.

Las encuestas llegan de la pantalla o del papel de las brigadas (docs/jornadas.md), son
anónimas y van atadas a una atención (turno, radicado o jornada). Se agrupan por versión del
cuestionario (dos versiones pueden preguntar cosas distintas) y cada versión se resume con
`dominio.jornadas.resumir_encuestas`: promedio y distribución de cada escala de 1 a 5,
porcentaje de «sí». Aquí se añade la parte de respuestas satisfechas (4 «buena» o 5 «muy
buena»). Sin encuestas en el periodo, el informe lo dice.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ventanilla.dominio.jornadas import (
    Cuestionario,
    ResultadoPregunta,
    leer_cuestionario,
    resumir_encuestas,
)
from ventanilla.informes.fotos import conexion_cruda
from ventanilla.informes.periodo import iso_utc
from ventanilla.rutas import recurso

__all__ = ["ATENCIONES", "MEDIOS", "Satisfaccion", "Version", "medir_satisfaccion", "satisfechos"]

SATISFECHO = 4
"""En la escala de 1 a 5, 4 (buena) y 5 (muy buena) cuentan como «satisfecho»."""

ATENCIONES = {"turno": "Turno en la sala", "radicado": "Radicación", "jornada": "Jornada de brigada"}
MEDIOS = {"pantalla": "En pantalla", "papel": "En papel"}


@dataclass
class Version:
    cuestionario: Cuestionario | None
    respuestas: list[dict[str, Any]] = field(default_factory=list)

    @property
    def resultados(self) -> list[ResultadoPregunta]:
        return resumir_encuestas(self.cuestionario, self.respuestas) if self.cuestionario else []


@dataclass
class Satisfaccion:
    encuestas: int = 0
    versiones: dict[str, Version] = field(default_factory=dict)
    por_atencion: Counter[str] = field(default_factory=Counter)
    por_medio: Counter[str] = field(default_factory=Counter)


def satisfechos(resultado: ResultadoPregunta) -> float | None:
    """Porcentaje de respuestas 4 o 5 de una pregunta de escala."""
    if resultado.pregunta.tipo != "escala" or not resultado.respuestas:
        return None
    arriba = sum(n for valor, n in resultado.distribucion.items() if int(valor) >= SATISFECHO)
    return 100 * arriba / resultado.respuestas


def _cuestionarios(sesion: Session) -> dict[str, Cuestionario]:
    semilla = json.loads(recurso("semillas", "encuesta.json").read_text(encoding="utf-8"))
    todos = {c["version"]: leer_cuestionario(c) for c in semilla["cuestionarios"]}
    for version, contenido in conexion_cruda(sesion).execute("SELECT version, contenido FROM cuestionarios"):
        todos[version] = leer_cuestionario(json.loads(contenido))
    return todos


def medir_satisfaccion(sesion: Session, desde: datetime, hasta: datetime) -> Satisfaccion:
    """Las encuestas respondidas en [desde, hasta)."""
    resultado = Satisfaccion()
    cuestionarios = _cuestionarios(sesion)
    por_version: dict[str, list[dict[str, Any]]] = defaultdict(list)
    filas = conexion_cruda(sesion).execute(
        "SELECT datos FROM eventos WHERE tipo = 'encuesta.respondida' AND ocurrido_en >= ? AND ocurrido_en < ? "
        "ORDER BY ocurrido_en, id",
        (iso_utc(desde), iso_utc(hasta)),
    )
    for (texto,) in filas:
        datos = json.loads(texto)
        resultado.encuestas += 1
        resultado.por_atencion[datos["atencion"]] += 1
        resultado.por_medio[datos["medio"]] += 1
        por_version[datos["version"]].append(dict(datos["respuestas"]))
    for version, respuestas in sorted(por_version.items()):
        resultado.versiones[version] = Version(cuestionarios.get(version), respuestas)
    return resultado
