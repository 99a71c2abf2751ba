"""Dónde vive cada cosa: los recursos que viajan dentro del paquete y los datos de cada equipo.

Los recursos (`recursos/`, formularios `ui/`) se encuentran siempre por importlib.resources, nunca
por rutas relativas al directorio de trabajo, para que funcionen igual instalados, en el paquete
de PyInstaller o desde el repositorio. Los datos de un equipo (su almacén, ajustes, anexos) viven
bajo un solo directorio: el de la plataforma o el que diga `VENTANILLA_DATOS`; así varios equipos
pueden correr lado a lado en una máquina.
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import platformdirs

__all__ = ["recurso", "formulario", "directorio_datos"]


def recurso(*partes: str) -> Traversable:
    """Un archivo o carpeta de `ventanilla/recursos/`."""
    destino = resources.files("ventanilla").joinpath("recursos")
    for parte in partes:
        destino = destino.joinpath(parte)
    return destino


def formulario(nombre: str) -> Traversable:
    """Un formulario de Qt Designer de `ventanilla/ui/` (`nombre` sin extensión)."""
    return resources.files("ventanilla").joinpath("ui", f"{nombre}.ui")


def directorio_datos() -> Path:
    """El directorio de este equipo; se crea si no existe."""
    elegido = os.environ.get("VENTANILLA_DATOS")
    ruta = Path(elegido) if elegido else Path(platformdirs.user_data_dir("ventanilla", "ventanilla"))
    ruta.mkdir(parents=True, exist_ok=True)
    return ruta
