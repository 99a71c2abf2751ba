"""Las órdenes `servidor codigo-inscripcion`, `inscribir` y `sync`: salida JSON y códigos de salida."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from apoyo_sync import ServidorVivo, ejecutar_cli, radicar_varias

from ventanilla.central.bd import Central
from ventanilla.central.equipos import revocar
from ventanilla.datos.almacen import Almacen

pytestmark = pytest.mark.lento


def test_codigo_inscribir_y_sync_de_punta_a_punta(servidor: ServidorVivo, tmp_path: Path) -> None:
    usuario = subprocess.run(
        [sys.executable, "-m", "ventanilla.cli", "servidor", "crear-usuario", "--login", "ana", "--nombre", "Ana Gómez",
         "--rol", "administrador", "--rol", "supervisor"],
        check=False, env={**servidor.entorno(), "VENTANILLA_CLAVE": "clave-de-ana-1"}, capture_output=True, text=True,
        timeout=120,
    )
    assert usuario.returncode == 0, usuario.stderr
    sesion = httpx.post(f"{servidor.url}/api/v1/sesiones", json={"login": "ana", "clave": "clave-de-ana-1"})
    assert sesion.status_code == 200 and sesion.json()["token"].startswith("ad_")
    creado = subprocess.run(
        [sys.executable, "-m", "ventanilla.cli", "servidor", "codigo-inscripcion", "--serie", "brig7"],
        check=False, env=servidor.entorno(), capture_output=True, text=True, timeout=120,
    )
    assert creado.returncode == 0, creado.stderr
    codigo = creado.stdout.strip().splitlines()[-1]
    carpeta = tmp_path / "equipo"
    inscripcion = ejecutar_cli(carpeta, "inscribir", "--servidor", servidor.url, "--codigo", codigo)
    assert inscripcion.returncode == 0, inscripcion.stderr
    assert json.loads(inscripcion.stdout)["serie"] == "BRIG7"
    assert (carpeta / "token-equipo").stat().st_mode & 0o077 == 0
    repetida = ejecutar_cli(tmp_path / "otro", "inscribir", "--servidor", servidor.url, "--codigo", codigo)
    assert repetida.returncode == 4 and "ya se usó" in repetida.stderr

    equipo = Almacen.abrir(carpeta)
    radicar_varias(equipo, 2, 90_000_000)
    equipo.cerrar()
    bien = ejecutar_cli(carpeta, "sync")
    assert bien.returncode == 0, bien.stderr
    assert json.loads(bien.stdout)["enviados"] == 2
    assert "eventos enviados: 2" in bien.stderr

    central = Central.abrir(servidor.url_bd, servidor.directorio)
    with central.escribir() as conexion:
        assert revocar(conexion, Almacen.abrir(carpeta).ajustes.dispositivo)
    central.cerrar()
    revocado = ejecutar_cli(carpeta, "sync", "--silencio")
    assert revocado.returncode == 4
    assert "revocó" in json.loads(revocado.stdout)["error"]

    servidor.matar()
    caido = ejecutar_cli(carpeta, "sync", "--silencio")
    assert caido.returncode == 3 and json.loads(caido.stdout)["sin_conexion"] is True


def test_sync_sin_inscribir_lo_dice(tmp_path: Path) -> None:
    resultado = ejecutar_cli(tmp_path / "suelto", "sync")
    assert resultado.returncode == 5
    assert "no está inscrito" in json.loads(resultado.stdout)["error"]
    assert os.environ.get("VENTANILLA_DB_URL") is None
