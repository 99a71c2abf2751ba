"""Anexos de una solicitud: archivos o imágenes escaneadas, copiados al equipo por su contenido.

Cada archivo se guarda una sola vez en `anexos/ab/abcdef…` (su sha256) dentro del directorio
del equipo: dos copias del mismo documento ocupan un solo lugar, y el nombre no puede chocar ni
cambiar. La solicitud guarda la descripción de cada anexo con su huella, que basta para
encontrarlo.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Anexo", "describir_anexo", "guardar_anexo", "ruta_de_anexo"]

_CARPETA = "anexos"
_BLOQUE = 1 << 20


@dataclass(frozen=True)
class Anexo:
    nombre: str
    sha256: str
    tamano: int
    ruta: Path

    @property
    def descripcion(self) -> str:
        """Lo que se anota en la solicitud: el nombre original y la huella."""
        return describir_anexo(self.nombre, self.sha256)


def describir_anexo(nombre: str, sha256: str) -> str:
    return f"{nombre} (sha256:{sha256[:16]})"


def ruta_de_anexo(directorio: Path, sha256: str) -> Path:
    return directorio / _CARPETA / sha256[:2] / sha256


def _huella(origen: Path) -> tuple[str, int]:
    suma = hashlib.sha256()
    tamano = 0
    with open(origen, "rb") as archivo:
        while bloque := archivo.read(_BLOQUE):
            suma.update(bloque)
            tamano += len(bloque)
    return suma.hexdigest(), tamano


def guardar_anexo(directorio: Path, origen: Path) -> Anexo:
    """Copia `origen` al equipo (si no estaba ya) y devuelve su descripción."""
    sha256, tamano = _huella(origen)
    destino = ruta_de_anexo(directorio, sha256)
    if not destino.exists():
        destino.parent.mkdir(parents=True, exist_ok=True)
        temporal = destino.with_suffix(".tmp")
        shutil.copyfile(origen, temporal)
        os.replace(temporal, destino)
    return Anexo(nombre=origen.name, sha256=sha256, tamano=tamano, ruta=destino)
