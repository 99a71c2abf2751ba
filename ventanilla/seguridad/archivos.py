"""Archivos con datos personales fuera del almacén (borradores, anexos, exportaciones), cifrados.

Un portátil perdido no debe dejar leer ni el almacén ni lo que vive a su lado. Estos archivos se
cifran con AES-256-GCM con una clave derivada (HKDF-SHA256) de la del almacén: no hay otra clave
que guardar, y quien no tiene la del almacén tampoco lee esto. GCM autentica: un archivo alterado
no se descifra. Formato: `VCA1` + nonce de 12 bytes + texto cifrado con su etiqueta; el nombre del
archivo va como dato asociado, así un archivo cifrado no se puede hacer pasar por otro.

Uso (en vez de escribir o leer el archivo directamente):

    escribir_cifrado(destino, contenido, directorio)      # en vez de destino.write_bytes(...)
    contenido = leer_cifrado(destino, directorio)

Un archivo que no se puede leer no se borra: `apartar_ilegible` lo renombra para que quien
administra el equipo decida qué hacer con él, y su lugar queda libre.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ventanilla.seguridad.clave import AlmacenIlegible, clave_del_almacen

__all__ = [
    "MAGIA",
    "ArchivoIlegible",
    "apartar_ilegible",
    "cifrar",
    "clave_de_archivos",
    "descifrar",
    "escribir_cifrado",
    "esta_cifrado",
    "leer_cifrado",
]

MAGIA = b"VCA1"
_NONCE = 12


class ArchivoIlegible(AlmacenIlegible):
    """El archivo no es de este equipo, está dañado o fue alterado."""


def clave_de_archivos(directorio: Path) -> bytes:
    """La clave de los archivos del equipo, derivada de la del almacén (que debe existir)."""
    maestra = bytes.fromhex(clave_del_almacen(directorio, crear=False))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"ventanilla-archivos-v1").derive(maestra)


def cifrar(clave: bytes, contenido: bytes, nombre: str) -> bytes:
    nonce = os.urandom(_NONCE)
    return MAGIA + nonce + AESGCM(clave).encrypt(nonce, contenido, nombre.encode("utf-8"))


def descifrar(clave: bytes, sobre: bytes, nombre: str) -> bytes:
    if not sobre.startswith(MAGIA) or len(sobre) < len(MAGIA) + _NONCE + 16:
        raise ArchivoIlegible(f"«{nombre}» no es un archivo cifrado de Ventanilla.")
    nonce = sobre[len(MAGIA) : len(MAGIA) + _NONCE]
    try:
        return AESGCM(clave).decrypt(nonce, sobre[len(MAGIA) + _NONCE :], nombre.encode("utf-8"))
    except InvalidTag:
        raise ArchivoIlegible(f"«{nombre}» fue alterado o es de otro equipo: no se puede leer.") from None


def escribir_cifrado(destino: Path, contenido: bytes, directorio: Path) -> None:
    """Escribe `destino` cifrado, de forma atómica (temporal y `os.replace`), legible solo por su dueño."""
    sobre = cifrar(clave_de_archivos(directorio), contenido, destino.name)
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporal = destino.with_name(destino.name + ".nuevo")
    descriptor = os.open(temporal, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as salida:
        salida.write(sobre)
        salida.flush()
        os.fsync(salida.fileno())
    os.replace(temporal, destino)


def leer_cifrado(origen: Path, directorio: Path) -> bytes:
    return descifrar(clave_de_archivos(directorio), origen.read_bytes(), origen.name)


def esta_cifrado(ruta: Path) -> bool:
    """Si `ruta` empieza como un archivo cifrado de Ventanilla (no dice si se puede descifrar)."""
    with open(ruta, "rb") as archivo:
        return archivo.read(len(MAGIA)) == MAGIA


def apartar_ilegible(ruta: Path) -> Path:
    """Renombra `ruta` a `NOMBRE.ilegible-FECHA` (sin pisar otro apartado) y da el nombre nuevo."""
    base = f"{ruta.name}.ilegible-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}"
    apartado, otro = ruta.with_name(base), 1
    while apartado.exists():
        otro += 1
        apartado = ruta.with_name(f"{base}-{otro}")
    os.replace(ruta, apartado)
    return apartado
