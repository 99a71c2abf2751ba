"""Apoyo de las pruebas de sincronización: un PostgreSQL real, servidores uvicorn reales y equipos."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from keyring.backends import fail
from postgres_real import puerto_libre
from sqlalchemy import create_engine, select, text

from ventanilla.central.bd import Central
from ventanilla.central.equipos import crear_codigo
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila
from ventanilla.servicios.radicacion import radicar
from ventanilla.sincronizacion.inscripcion import inscribir

RAIZ = Path(__file__).resolve().parents[2]


def esperar(condicion: Any, plazo: float = 30.0, mensaje: str = "la condición") -> Any:
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        valor = condicion()
        if valor:
            return valor
        time.sleep(0.05)
    raise AssertionError(f"pasó el plazo de {plazo} s esperando {mensaje}")


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
