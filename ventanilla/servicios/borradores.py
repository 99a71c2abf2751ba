"""Borradores del formulario de radicación: lo escrito nunca se pierde.

Cada usuario tiene un borrador por equipo, en el directorio de datos del equipo. Se escribe de
forma atómica (archivo temporal y `os.replace`), así un corte de luz a mitad deja el borrador
anterior entero y nunca uno a medias. Lleva datos personales: vive junto al almacén y recibe
su mismo cuidado.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

__all__ = ["descartar_borrador", "guardar_borrador", "leer_borrador", "ruta_borrador"]

_CARPETA = "borradores"


def ruta_borrador(directorio: Path, usuario: str) -> Path:
    seguro = re.sub(r"[^A-Za-z0-9_.-]", "_", usuario) or "_"
    return directorio / _CARPETA / f"{seguro}.json"


def guardar_borrador(directorio: Path, usuario: str, datos: dict[str, Any]) -> Path:
    """Guarda (o reemplaza) el borrador del usuario."""
    destino = ruta_borrador(directorio, usuario)
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporal = destino.with_suffix(".tmp")
    with open(temporal, "w", encoding="utf-8") as archivo:
        json.dump(datos, archivo, ensure_ascii=False)
        archivo.flush()
        os.fsync(archivo.fileno())
    os.replace(temporal, destino)
    return destino


def leer_borrador(directorio: Path, usuario: str) -> dict[str, Any] | None:
    """El borrador guardado, o None si no hay (o si no se puede leer)."""
    origen = ruta_borrador(directorio, usuario)
    try:
        datos = json.loads(origen.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return datos if isinstance(datos, dict) else None


def descartar_borrador(directorio: Path, usuario: str) -> None:
    ruta_borrador(directorio, usuario).unlink(missing_ok=True)
