"""La clave del almacén: 256 bits al azar por equipo, guardada en el llavero del sistema.

Es una clave «cruda» (no una frase): SQLCipher no tiene que derivarla con PBKDF2 en cada
conexión, y abrir el almacén sigue costando milisegundos. No depende de la contraseña de ningún
usuario de la aplicación: el almacén lo comparten todos los que inician sesión en el equipo, y la
clave la protege la sesión del sistema operativo (que es la que desbloquea el llavero).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from ventanilla.seguridad.llavero import Llavero

__all__ = [
    "NOMBRE_CLAVE",
    "AlmacenIlegible",
    "ClaveNoDisponible",
    "aviso_sin_llavero",
    "clave_del_almacen",
    "huella",
    "nueva_clave",
    "validar_clave",
]

NOMBRE_CLAVE = "clave-almacen"
_HEX64 = re.compile(r"[0-9a-f]{64}")


class AlmacenIlegible(RuntimeError):
    """El almacén (o una copia) no se puede abrir: falta la clave o no es la suya."""


class ClaveNoDisponible(AlmacenIlegible):
    """El almacén está cifrado y este equipo no tiene su clave (ni en el llavero ni en archivo)."""


def nueva_clave() -> str:
    return secrets.token_hex(32)


def validar_clave(clave: str) -> str:
    limpia = clave.strip().lower()
    if not _HEX64.fullmatch(limpia):
        raise ClaveNoDisponible("La clave del almacén debe tener 64 cifras hexadecimales (256 bits).")
    return limpia


def huella(clave: str) -> str:
    """Un identificador corto de la clave que no la revela (para los manifiestos de respaldo)."""
    import hashlib

    return hashlib.sha256(("ventanilla-huella:" + clave).encode("ascii")).hexdigest()[:16]


def clave_del_almacen(directorio: Path, *, crear: bool) -> str:
    """La clave del almacén de `directorio`; la crea (y la guarda) si `crear` y no existe."""
    llavero = Llavero(directorio)
    guardada = llavero.leer(NOMBRE_CLAVE)
    if guardada:
        return validar_clave(guardada)
    if not crear:
        raise ClaveNoDisponible(
            f"El almacén de {directorio} está cifrado y este equipo no tiene su clave: ni el llavero "
            "del sistema ni el archivo de respaldo la guardan. Restaure la clave (ver "
            "docs/seguridad.md) o restaure una copia con `ventanilla restaurar ORIGEN --clave-archivo`."
        )
    clave = nueva_clave()
    llavero.guardar(NOMBRE_CLAVE, clave)
    return clave


def aviso_sin_llavero(directorio: Path) -> str | None:
    """El aviso para mostrar (barra de estado, diagnóstico) si la clave quedó en archivo, o None."""
    from ventanilla.seguridad.llavero import AVISO_SIN_LLAVERO, ORIGEN_ARCHIVO

    llavero = Llavero(directorio)
    if llavero.origen(NOMBRE_CLAVE) != ORIGEN_ARCHIVO:
        return None
    return AVISO_SIN_LLAVERO.format(nombre=NOMBRE_CLAVE, archivo=llavero.archivo(NOMBRE_CLAVE))
