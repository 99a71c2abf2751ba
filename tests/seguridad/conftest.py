"""Accesorios de seguridad: llavero en memoria, radicaciones de prueba y piezas reales del sistema."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from piezas import falta

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.seguridad.cifrado import conectar
from ventanilla.seguridad.clave import clave_del_almacen
from ventanilla.servicios.radicacion import Radicacion, radicar

AHORA = datetime(2026, 11, 23, 11, 0, tzinfo=BOGOTA)


class LlaveroEnMemoria(KeyringBackend):
    """Un llavero real para `keyring` (su API completa), que guarda en un diccionario."""

    # Por debajo del llavero «que falla»: definir la clase no debe volverla el llavero por defecto.
    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secretos: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secretos.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secretos[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secretos.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def sin_llavero() -> Iterator[None]:
    """Por defecto, un equipo sin llavero: las pruebas no tocan el llavero de quien las corre."""
    anterior = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(anterior)


@pytest.fixture
def llavero_en_memoria(sin_llavero: None) -> LlaveroEnMemoria:
    llavero = LlaveroEnMemoria()
    keyring.set_keyring(llavero)
    return llavero


def binario(nombre: str) -> str:
    """La ruta de un programa del sistema que la prueba usa como pieza real."""
    ruta = shutil.which(nombre)
    if ruta is None:
        falta(f"falta el programa «{nombre}» (make sistema lo instala)")
    return ruta


def radicar_varias(almacen: Almacen, solicitud: dict[str, Any], cuantas: int) -> list[Radicacion]:
    """Radica `cuantas` solicitudes de ciudadanos distintos (documento 75071234, 75071235...)."""
    hechas = []
    for i in range(cuantas):
        datos = {**solicitud, "ciudadano": {**solicitud["ciudadano"], "numero_documento": str(75071234 + i)}}
        hechas.append(radicar(almacen, datos, usuario="admin", ahora=AHORA))
    return hechas


def abrir_crudo(directorio: Path) -> Any:
    """Una conexión SQLCipher directa al almacén, como la usaría quien quiere alterarlo."""
    return conectar(directorio / "ventanilla.db", clave_del_almacen(directorio, crear=False))
