"""Borradores del formulario de radicación: lo escrito nunca se pierde, y nunca queda en claro.

Cada usuario tiene un borrador por equipo, en el directorio de datos del equipo. Lleva datos
personales (nombre, documento, teléfono, dirección, el texto de la solicitud), así que se guarda
cifrado con la clave de archivos del equipo (`seguridad/archivos.py`), de forma atómica: un corte
de luz a mitad deja el borrador anterior entero y nunca uno a medias.

Un borrador en claro de una versión anterior se lee una vez y se reescribe cifrado (también lo
hace `cifrar_borradores_en_claro` al abrir el almacén). Uno que no se puede descifrar (alterado,
de otro equipo) se aparta con otro nombre y se avisa con `BorradorIlegible`: el formulario
empieza vacío, pero el archivo no se borra.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from ventanilla.seguridad.archivos import (
    ArchivoIlegible,
    apartar_ilegible,
    escribir_cifrado,
    esta_cifrado,
    leer_cifrado,
)

__all__ = [
    "BorradorIlegible",
    "cifrar_borradores_en_claro",
    "descartar_borrador",
    "guardar_borrador",
    "leer_borrador",
    "ruta_borrador",
]

_CARPETA = "borradores"
_registro = logging.getLogger("ventanilla.seguridad")


class BorradorIlegible(ArchivoIlegible):
    """El borrador guardado no se pudo leer; quedó aparte en `apartado`."""

    def __init__(self, apartado: Path) -> None:
        super().__init__(
            "No se pudo leer el borrador guardado: fue alterado o es de otro equipo. El formulario "
            f"empieza vacío; el archivo quedó aparte como «{apartado.name}»."
        )
        self.apartado = apartado


def ruta_borrador(directorio: Path, usuario: str) -> Path:
    seguro = re.sub(r"[^A-Za-z0-9_.-]", "_", usuario) or "_"
    return directorio / _CARPETA / f"{seguro}.json"


def guardar_borrador(directorio: Path, usuario: str, datos: dict[str, Any]) -> Path:
    """Guarda (o reemplaza) el borrador del usuario, cifrado."""
    destino = ruta_borrador(directorio, usuario)
    escribir_cifrado(destino, json.dumps(datos, ensure_ascii=False).encode("utf-8"), directorio)
    return destino


def _como_borrador(contenido: bytes) -> dict[str, Any] | None:
    try:
        datos = json.loads(contenido.decode("utf-8"))
    except ValueError:
        return None
    return datos if isinstance(datos, dict) else None


def leer_borrador(directorio: Path, usuario: str) -> dict[str, Any] | None:
    """El borrador guardado, o None si no hay. Lanza `BorradorIlegible` si no se pudo leer."""
    origen = ruta_borrador(directorio, usuario)
    try:
        contenido = leer_cifrado(origen, directorio)
    except ArchivoIlegible:
        return _de_version_anterior(origen, directorio)
    except OSError:
        return None
    datos = _como_borrador(contenido)
    if datos is None:
        raise BorradorIlegible(apartar_ilegible(origen))
    return datos


def _de_version_anterior(origen: Path, directorio: Path) -> dict[str, Any] | None:
    """Un borrador que no se descifra: si es uno en claro de una versión anterior, se lee y queda
    cifrado; si no, se aparta."""
    try:
        crudo = origen.read_bytes()
    except OSError:
        return None
    datos = _como_borrador(crudo)
    if datos is None:
        raise BorradorIlegible(apartar_ilegible(origen))
    escribir_cifrado(origen, crudo, directorio)
    return datos


def descartar_borrador(directorio: Path, usuario: str) -> None:
    ruta_borrador(directorio, usuario).unlink(missing_ok=True)


def cifrar_borradores_en_claro(directorio: Path) -> int:
    """Cifra en su sitio los borradores que una versión anterior dejó en claro; da cuántos.

    Los temporales a medio escribir de esas versiones (`*.tmp`, en claro) se borran: el borrador
    entero es el `.json`. Un archivo que no es un borrador legible se deja para `leer_borrador`,
    que lo aparta y lo dice en el formulario.
    """
    carpeta = directorio / _CARPETA
    if not carpeta.is_dir():
        return 0
    cifrados = 0
    for ruta in sorted(carpeta.iterdir()):
        try:
            if ruta.suffix == ".tmp":
                ruta.unlink()
            elif ruta.suffix == ".json" and not esta_cifrado(ruta):
                crudo = ruta.read_bytes()
                if _como_borrador(crudo) is not None:
                    escribir_cifrado(ruta, crudo, directorio)
                    cifrados += 1
        except OSError as error:
            _registro.warning("No se pudo cifrar el borrador %s: %s", ruta.name, error)
    return cifrados
