"""Un PostgreSQL real para las pruebas: un servidor por sesión y una base vacía por prueba.

Lo usan el servidor central (sus pruebas corren en SQLite y en PostgreSQL), la sincronización y
las jornadas; está en la raíz de `tests/` para que toda la suite comparta un solo servidor.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from piezas import falta
from sqlalchemy import create_engine, text

__all__ = ["BIN_PG", "base_pg", "postgres", "puerto_libre"]


def _bin_pg() -> Path:
    """Los programas de PostgreSQL: `VENTANILLA_PG_BIN`, o los del paquete de Debian (postgresql-NN)."""
    elegido = os.environ.get("VENTANILLA_PG_BIN")
    if elegido:
        return Path(elegido)
    versiones = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda r: int(r.parent.name) if r.parent.name.isdigit() else 0)
    return versiones[-1] if versiones else Path("initdb").parent


BIN_PG = _bin_pg()


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """Un servidor PostgreSQL real en un directorio temporal; da la URL base (sin base de datos)."""
    if not (BIN_PG / "initdb").exists() or shutil.which("runuser") is None:
        falta("falta PostgreSQL (el paquete postgresql de Debian) o runuser")
    # Fuera de la carpeta temporal de pytest (0700 de root): el usuario postgres debe poder entrar.
    carpeta = Path(tempfile.mkdtemp(prefix="ventanilla-pg-"))
    shutil.chown(carpeta, "postgres", "postgres")
    puerto = puerto_libre()
    como_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*como_postgres, BIN_PG / "initdb", "-D", carpeta / "data", "-U", "app", "--auth=trust"],
                   check=True, capture_output=True)
    opciones = f"-k {carpeta} -p {puerto} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    # Con -l el servidor no hereda nuestra salida: si la heredara, run() esperaría su fin para siempre.
    subprocess.run([*como_postgres, BIN_PG / "pg_ctl", "-D", carpeta / "data", "-l", carpeta / "pg.log", "-w",
                    "-o", opciones, "start"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    try:
        yield f"postgresql+psycopg://app@127.0.0.1:{puerto}"
    finally:
        subprocess.run([*como_postgres, BIN_PG / "pg_ctl", "-D", carpeta / "data", "-m", "immediate", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(carpeta, ignore_errors=True)


@pytest.fixture
def base_pg(postgres: str) -> str:
    """Una base de datos nueva y vacía para la prueba; da su URL."""
    nombre = f"t_{uuid.uuid4().hex[:12]}"
    motor = create_engine(f"{postgres}/postgres", isolation_level="AUTOCOMMIT")
    with motor.connect() as conexion:
        conexion.execute(text(f'CREATE DATABASE "{nombre}"'))
    motor.dispose()
    return f"{postgres}/{nombre}"
