"""El token del equipo: en el llavero del sistema (`keyring`) o, si no hay ninguno, en un archivo.

En Windows el llavero es el Administrador de credenciales, sin configurar nada; en un escritorio
Linux, el Secret Service (GNOME Keyring, KWallet). En una máquina sin escritorio no hay llavero:
entonces el token va a `token-equipo` en el directorio del equipo, legible solo por su dueño
(0600), y se avisa, para que la línea de órdenes funcione en cualquier parte.

Durante una rotación (`sincronizacion.rotacion`) el token nuevo se guarda antes como *pendiente*,
en su propia ranura, hasta saber si el servidor lo aceptó.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

__all__ = ["ARCHIVO_TOKEN", "SERVICIO", "borrar_token", "guardar_token", "leer_token"]

SERVICIO = "ventanilla"
ARCHIVO_TOKEN = "token-equipo"
_registro = logging.getLogger("ventanilla.sincronizacion")


def _usuario(dispositivo: str, pendiente: bool) -> str:
    return f"equipo:{dispositivo}" + (":pendiente" if pendiente else "")


def _archivo(directorio: Path, pendiente: bool) -> Path:
    return directorio / (ARCHIVO_TOKEN + (".pendiente" if pendiente else ""))


def guardar_token(directorio: Path, dispositivo: str, token: str, *, pendiente: bool = False) -> str:
    """Guarda el token; devuelve dónde quedó («llavero» o la ruta del archivo)."""
    try:
        keyring.set_password(SERVICIO, _usuario(dispositivo, pendiente), token)
    except (KeyringError, NoKeyringError, RuntimeError) as error:
        archivo = _archivo(directorio, pendiente)
        descriptor = os.open(archivo, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as salida:
            salida.write(token)
        os.chmod(archivo, 0o600)
        _registro.warning(
            "No hay llavero del sistema (%s): el token del equipo quedó en %s, legible solo por su dueño.", error, archivo
        )
        return str(archivo)
    _archivo(directorio, pendiente).unlink(missing_ok=True)
    return "llavero"


def leer_token(directorio: Path, dispositivo: str, *, pendiente: bool = False) -> str | None:
    try:
        token = keyring.get_password(SERVICIO, _usuario(dispositivo, pendiente))
    except (KeyringError, NoKeyringError, RuntimeError):
        token = None
    if token:
        return token
    archivo = _archivo(directorio, pendiente)
    if archivo.exists():
        return archivo.read_text(encoding="utf-8").strip() or None
    return None


def borrar_token(directorio: Path, dispositivo: str, *, pendiente: bool = False) -> None:
    try:
        keyring.delete_password(SERVICIO, _usuario(dispositivo, pendiente))
    except (KeyringError, NoKeyringError, PasswordDeleteError, RuntimeError):
        pass
    _archivo(directorio, pendiente).unlink(missing_ok=True)
