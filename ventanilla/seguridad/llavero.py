"""Secretos del equipo en el llavero del sistema, o en un archivo protegido si no hay llavero.

El llavero del sistema (Windows Credential Locker, Secret Service en Linux, Keychain en macOS)
guarda el secreto cifrado con la sesión del usuario del sistema operativo: se desbloquea cuando
el usuario inicia sesión en el equipo. Donde no hay llavero (un portátil sin escritorio, un
servidor) el secreto queda en un archivo 0600 del directorio del equipo y se avisa: quien copie
el directorio entero se lleva también la clave.

Si el archivo de respaldo existe se usa sin consultar el llavero; así abrir no paga la carga de
`keyring` en equipos que ya sabemos sin llavero.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["AVISO_SIN_LLAVERO", "ORIGEN_ARCHIVO", "ORIGEN_LLAVERO", "SERVICIO", "Llavero"]

SERVICIO = "ventanilla"
ORIGEN_LLAVERO = "llavero del sistema"
ORIGEN_ARCHIVO = "archivo protegido"
AVISO_SIN_LLAVERO = (
    "Este equipo no tiene llavero del sistema: la clave «{nombre}» quedó en el archivo {archivo} "
    "(solo legible por este usuario). Quien copie el directorio de datos completo puede abrir el "
    "almacén. Active un llavero (Secret Service en Linux) para protegerla mejor."
)
_ARCHIVO_ID = "equipo.id"

_registro = logging.getLogger("ventanilla.seguridad")


def _escribir_privado(ruta: Path, contenido: str) -> None:
    """Escribe un archivo que solo su dueño puede leer, sin un instante en que otros puedan."""
    temporal = ruta.with_name(ruta.name + ".nuevo")
    descriptor = os.open(temporal, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as salida:
        salida.write(contenido)
        salida.flush()
        os.fsync(salida.fileno())
    os.chmod(temporal, 0o600)
    os.replace(temporal, ruta)


@dataclass
class Llavero:
    """Los secretos de un directorio de equipo (cada directorio, su propia entrada)."""

    directorio: Path
    avisos: list[str] = field(default_factory=list)

    def _identificador(self) -> str:
        ruta = self.directorio / _ARCHIVO_ID
        if not ruta.exists():
            self.directorio.mkdir(parents=True, exist_ok=True)
            ruta.write_text(str(uuid.uuid4()), encoding="utf-8")
        return ruta.read_text(encoding="utf-8").strip()

    def _cuenta(self, nombre: str) -> str:
        return f"{nombre}@{self._identificador()}"

    def archivo(self, nombre: str) -> Path:
        return self.directorio / f".{nombre}"

    def origen(self, nombre: str) -> str:
        return ORIGEN_ARCHIVO if self.archivo(nombre).exists() else ORIGEN_LLAVERO

    def leer(self, nombre: str) -> str | None:
        archivo = self.archivo(nombre)
        if archivo.exists():
            return archivo.read_text(encoding="utf-8").strip()
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(SERVICIO, self._cuenta(nombre))
        except KeyringError:
            return None

    def guardar(self, nombre: str, valor: str) -> str:
        """Guarda el secreto y devuelve dónde quedó (`ORIGEN_LLAVERO` u `ORIGEN_ARCHIVO`)."""
        import keyring
        from keyring.errors import KeyringError

        cuenta = self._cuenta(nombre)
        try:
            keyring.set_password(SERVICIO, cuenta, valor)
            if keyring.get_password(SERVICIO, cuenta) == valor:
                return ORIGEN_LLAVERO
        except KeyringError:
            pass
        archivo = self.archivo(nombre)
        _escribir_privado(archivo, valor)
        aviso = AVISO_SIN_LLAVERO.format(nombre=nombre, archivo=archivo)
        self.avisos.append(aviso)
        _registro.warning(aviso)
        return ORIGEN_ARCHIVO
