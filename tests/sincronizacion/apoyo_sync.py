"""Apoyo de las pruebas de sincronización: un PostgreSQL real, servidores uvicorn reales y equipos."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from keyring.backends import fail
from piezas import falta
from sqlalchemy import create_engine, select, text

from ventanilla.central.bd import Central
from ventanilla.central.equipos import crear_codigo
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila
from ventanilla.servicios.radicacion import radicar
from ventanilla.sincronizacion.inscripcion import inscribir


def _bin_pg() -> Path:
    """Los programas de PostgreSQL: `VENTANILLA_PG_BIN`, o los del paquete de Debian (postgresql-NN)."""
    elegido = os.environ.get("VENTANILLA_PG_BIN")
    if elegido:
        return Path(elegido)
    versiones = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda r: int(r.parent.name) if r.parent.name.isdigit() else 0)
    return versiones[-1] if versiones else Path("initdb").parent


BIN_PG = _bin_pg()
RAIZ = Path(__file__).resolve().parents[2]


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def esperar(condicion: Any, plazo: float = 30.0, mensaje: str = "la condición") -> Any:
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        valor = condicion()
        if valor:
            return valor
        time.sleep(0.05)
    raise AssertionError(f"pasó el plazo de {plazo} s esperando {mensaje}")


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


@pytest.fixture(autouse=True)
def sin_llavero(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Máquina sin escritorio: sin llavero del sistema, el token va al archivo (también en subprocesos)."""
    anterior = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(anterior)


@dataclass
class ServidorVivo:
    """Un `ventanilla servidor` real (uvicorn en su propio proceso) sobre una base dada."""

    url_bd: str
    directorio: Path
    puerto: int = field(default_factory=puerto_libre)
    proceso: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.puerto}"

    def entorno(self) -> dict[str, str]:
        return {**os.environ, "VENTANILLA_DB_URL": self.url_bd, "VENTANILLA_DATOS": str(self.directorio)}

    def iniciar(self) -> None:
        with open(self.directorio / "servidor.log", "ab") as registro:
            self.proceso = subprocess.Popen(
                [sys.executable, "-m", "ventanilla.cli", "servidor", "--puerto", str(self.puerto)],
                env=self.entorno(), stdout=subprocess.DEVNULL, stderr=registro,
            )

        def responde() -> bool:
            assert self.proceso is not None and self.proceso.poll() is None, "el servidor murió al arrancar"
            try:
                return httpx.get(f"{self.url}/api/v1/version", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        esperar(responde, 60, "que el servidor responda")

    def matar(self) -> None:
        if self.proceso is not None and self.proceso.poll() is None:
            self.proceso.kill()
            self.proceso.wait(10)

    def codigo(self, serie: str) -> str:
        central = Central.abrir(self.url_bd, self.directorio)
        try:
            with central.escribir() as conexion:
                return crear_codigo(conexion, serie=serie, punto=f"Punto {serie}", serie_num=100, creado_por="pruebas")[0]
        finally:
            central.cerrar()

    def consultar(self, sql: str) -> list[Any]:
        motor = create_engine(self.url_bd)
        try:
            with motor.connect() as conexion:
                return list(conexion.execute(text(sql)))
        finally:
            motor.dispose()


@pytest.fixture
def servidor(base_pg: str, tmp_path: Path) -> Iterator[ServidorVivo]:
    carpeta = tmp_path / "servidor"
    carpeta.mkdir()
    vivo = ServidorVivo(base_pg, carpeta)
    vivo.iniciar()
    yield vivo
    vivo.matar()


def nuevo_equipo(carpeta: Path) -> Almacen:
    return Almacen.abrir(carpeta)


def inscrito(servidor: ServidorVivo, carpeta: Path, serie: str) -> Almacen:
    almacen = nuevo_equipo(carpeta)
    inscribir(almacen, servidor.url, servidor.codigo(serie))
    return almacen


def radicar_varias(almacen: Almacen, cuantas: int, prefijo_documento: int) -> list[str]:
    radicados = []
    for i in range(cuantas):
        datos = {
            "tipo": "peticion", "canal": "brigada", "asunto": f"Solicitud {i}", "dependencia": "Medio Ambiente",
            "folios": 1, "recibido": "2026-11-20T09:00:00",
            "ciudadano": {"tipo_documento": "CC", "numero_documento": str(prefijo_documento + i), "nombres": f"Persona {i}"},
        }
        radicados.append(radicar(almacen, datos, usuario="admin").radicado)
    return radicados


def huella_de_ids(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()


def ids_locales(almacen: Almacen) -> list[str]:
    with almacen.leer() as sesion:
        return list(sesion.scalars(select(EventoFila.id)))


def ids_del_servidor(servidor: ServidorVivo) -> list[str]:
    return [fila[0] for fila in servidor.consultar("SELECT id FROM eventos")]


def ejecutar_cli(carpeta: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ventanilla.cli", *args], env={**os.environ, "VENTANILLA_DATOS": str(carpeta)},
        check=False, capture_output=True, text=True, timeout=120, **kwargs,
    )
