"""Los catálogos con que nace un servidor: los mismos CSV que siembran cada equipo.

Así un equipo recién inscrito y el servidor hablan de las mismas dependencias y comunas desde el
primer día; después, el servidor es el dueño de los catálogos.
"""

from __future__ import annotations

import csv
import io

from sqlalchemy import Connection, select

from ventanilla.central.catalogos import poner
from ventanilla.central.tablas import catalogo
from ventanilla.dominio.radicados import PLANTILLA_POR_DEFECTO
from ventanilla.rutas import recurso

__all__ = ["sembrar_si_vacio"]


def _csv(nombre: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(recurso("semillas", nombre).read_text(encoding="utf-8"))))


def sembrar_si_vacio(conexion: Connection) -> bool:
    if conexion.scalar(select(catalogo.c.clave).limit(1)) is not None:
        return False
    for fila in _csv("dependencias.csv"):
        poner(conexion, "dependencias", fila["codigo"], {"nombre": fila["nombre"], "nombre_largo": fila["nombre_largo"]})
    for fila in _csv("comunas.csv"):
        poner(conexion, "comunas", fila["codigo"], {"nombre": fila["nombre"], "clase": fila["clase"]})
    for fila in _csv("servicios.csv"):
        datos: dict[str, object] = {"nombre": fila["nombre"], "letra": fila["letra"]}
        if fila.get("espera_objetivo_min", "").isdigit():
            datos["espera_objetivo_min"] = int(fila["espera_objetivo_min"])
        poner(conexion, "servicios", fila["clave"], datos)
    poner(conexion, "plantillas", "vigente", {"texto": PLANTILLA_POR_DEFECTO})
    poner(conexion, "entidad", "vigente", {"codigo": "MZL", "nombre": "Alcaldía de Manizales", "nit": "890801053-7"})
    return True
