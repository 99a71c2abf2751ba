"""Anexos de una solicitud: archivos o imágenes escaneadas, copiados al equipo por su contenido.

Cada archivo se guarda una sola vez en `anexos/ab/abcdef…` (el sha256 de su contenido) dentro
del directorio del equipo: dos copias del mismo documento ocupan un solo lugar, y el nombre no
puede chocar ni cambiar. La solicitud guarda la descripción de cada anexo con su huella, que basta
para encontrarlo.

Un anexo escaneado es un documento de identidad, una carta firmada: en el disco va cifrado con la
clave de archivos del equipo (`seguridad/archivos.py`), y se lee solo con `leer_anexo`. La huella
sigue siendo la del contenido en claro, así que la deduplicación y lo que el servidor verifica no
cambian. Se cifra y se descifra entero, en memoria (el servidor no acepta anexos de más de 200 MB).

Los anexos en claro de versiones anteriores se cifran en su sitio, con el mismo nombre: todos a la
vez al abrir el almacén (`cifrar_anexos_en_claro`, una sola pasada), y cada uno al leerlo.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ventanilla.seguridad.archivos import (
    ArchivoIlegible,
    apartar_ilegible,
    escribir_cifrado,
    esta_cifrado,
    leer_cifrado,
)

__all__ = [
    "Anexo",
    "AnexoIlegible",
    "anexos_guardados",
    "cifrar_anexos_en_claro",
    "describir_anexo",
    "guardar_anexo",
    "leer_anexo",
    "ruta_de_anexo",
]

_CARPETA = "anexos"
_TODOS_CIFRADOS = ".todos-cifrados"
"""Marca (dentro de `anexos/`) de que la pasada de `cifrar_anexos_en_claro` ya terminó entera."""
_SHA = re.compile(r"[0-9a-f]{64}")
_registro = logging.getLogger("ventanilla.seguridad")


class AnexoIlegible(ArchivoIlegible):
    """Un anexo del equipo no se pudo leer; quedó aparte en `apartado`."""

    def __init__(self, sha256: str, apartado: Path) -> None:
        super().__init__(
            f"No se pudo leer el anexo {sha256[:16]}: fue alterado o es de otro equipo. "
            f"El archivo quedó aparte como «{apartado.name}»."
        )
        self.sha256 = sha256
        self.apartado = apartado


@dataclass(frozen=True)
class Anexo:
    nombre: str
    sha256: str
    tamano: int
    """Bytes del contenido en claro (lo que se sube al servidor)."""
    ruta: Path
    """El archivo cifrado del equipo: se lee con `leer_anexo`, nunca directamente."""

    @property
    def descripcion(self) -> str:
        """Lo que se anota en la solicitud: el nombre original y la huella."""
        return describir_anexo(self.nombre, self.sha256)


def describir_anexo(nombre: str, sha256: str) -> str:
    return f"{nombre} (sha256:{sha256[:16]})"


def ruta_de_anexo(directorio: Path, sha256: str) -> Path:
    return directorio / _CARPETA / sha256[:2] / sha256


def guardar_anexo(directorio: Path, origen: Path) -> Anexo:
    """Copia `origen` al equipo, cifrado, y devuelve su descripción.

    Si ya estaba, se vuelve a escribir con los mismos bytes que dieron la huella: así un anexo
    en claro de una versión anterior queda cifrado, y uno dañado queda sano.
    """
    contenido = origen.read_bytes()
    sha256 = hashlib.sha256(contenido).hexdigest()
    destino = ruta_de_anexo(directorio, sha256)
    escribir_cifrado(destino, contenido, directorio)
    return Anexo(nombre=origen.name, sha256=sha256, tamano=len(contenido), ruta=destino)


def leer_anexo(directorio: Path, sha256: str) -> bytes:
    """El contenido en claro de un anexo del equipo.

    Uno en claro de una versión anterior (su contenido da su nombre) se cifra en su sitio al
    leerlo. Uno que no se puede descifrar se aparta y se lanza `AnexoIlegible`.
    """
    ruta = ruta_de_anexo(directorio, sha256)
    try:
        return leer_cifrado(ruta, directorio)
    except ArchivoIlegible:
        crudo = ruta.read_bytes()
        if hashlib.sha256(crudo).hexdigest() != sha256:
            raise AnexoIlegible(sha256, apartar_ilegible(ruta)) from None
    escribir_cifrado(ruta, crudo, directorio)
    return crudo


def anexos_guardados(directorio: Path) -> Iterator[str]:
    """Las huellas de los anexos del equipo, en orden."""
    carpeta = directorio / _CARPETA
    if carpeta.is_dir():
        for ruta in sorted(carpeta.glob("*/*")):
            if _SHA.fullmatch(ruta.name) and ruta.is_file():
                yield ruta.name


def cifrar_anexos_en_claro(directorio: Path) -> int:
    """Cifra en su sitio los anexos que una versión anterior dejó en claro; da cuántos.

    Es idempotente: lo ya cifrado no se toca, y al terminar sin fallas deja una marca para no
    recorrer la carpeta en cada apertura. Los temporales a medio copiar de esas versiones
    (`*.tmp`, en claro) se borran: el anexo entero es el que lleva la huella por nombre.
    """
    carpeta = directorio / _CARPETA
    if not carpeta.is_dir() or (carpeta / _TODOS_CIFRADOS).exists():
        return 0
    cifrados, fallas = 0, 0
    for ruta in sorted(carpeta.glob("*/*")):
        try:
            if ruta.suffix == ".tmp":
                ruta.unlink()
            elif _SHA.fullmatch(ruta.name) and not esta_cifrado(ruta):
                escribir_cifrado(ruta, ruta.read_bytes(), directorio)
                cifrados += 1
        except OSError as error:
            fallas += 1
            _registro.warning("No se pudo cifrar el anexo %s: %s", ruta.name, error)
    if not fallas:
        (carpeta / _TODOS_CIFRADOS).touch()
    return cifrados
