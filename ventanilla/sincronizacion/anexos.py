"""Subir los anexos del equipo (guardados por su sha256 en `anexos/ab/abcd…`), una vez y por trozos.

Se pregunta al servidor cuántos bytes ya tiene de cada uno y se sigue desde ahí: un corte a mitad
de un archivo grande no obliga a empezar de nuevo. Un anexo completo no se vuelve a subir.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.tablas import anexos_subidos

__all__ = ["TROZO", "subir_anexo", "subir_anexos"]

TROZO = 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")


def _locales(directorio: Path) -> Iterator[Path]:
    carpeta = directorio / "anexos"
    if carpeta.is_dir():
        for ruta in sorted(carpeta.glob("*/*")):
            if _SHA.match(ruta.name) and ruta.is_file():
                yield ruta


def subir_anexo(cliente: ClienteSync, ruta: Path) -> None:
    sha, tamano = ruta.name, ruta.stat().st_size
    estado = cliente.pedir("GET", f"/anexos/{sha}")
    desde = int(estado["recibido"]) if estado.get("tamano") == tamano else 0
    if estado.get("completo"):
        return
    with open(ruta, "rb") as archivo:
        while True:
            archivo.seek(desde)
            trozo = archivo.read(TROZO)
            respuesta = cliente.pedir("PUT", f"/anexos/{sha}", params={"tamano": tamano, "desde": desde}, contenido=trozo)
            desde = int(respuesta["recibido"])
            if respuesta["completo"]:
                return


def subir_anexos(almacen: Almacen, cliente: ClienteSync) -> int:
    with almacen.leer() as sesion:
        hechos = set(sesion.scalars(select(anexos_subidos.c.sha256)))
    subidos = 0
    for ruta in _locales(almacen.directorio):
        if ruta.name in hechos:
            continue
        subir_anexo(cliente, ruta)
        with almacen.escribir() as sesion:
            sesion.execute(anexos_subidos.insert().values(sha256=ruta.name, subido_en=datetime.now(UTC).isoformat()))
        subidos += 1
    return subidos
