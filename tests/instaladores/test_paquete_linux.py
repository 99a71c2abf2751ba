"""El paquete de Linux se construye, arranca bajo Xvfb, dice su versión y abre y cierra un almacén."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.instaladores.conftest import RAIZ, entorno
from ventanilla import __version__
from ventanilla.dominio.calendario import BOGOTA

pytestmark = pytest.mark.lento


def _correr(ejecutable: Path, *argumentos: str, env: dict[str, str], entrada: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ejecutable), *argumentos], env=env, input=entrada, capture_output=True, text=True, timeout=300, check=False)


def _archivos(carpeta: Path) -> set[str]:
    return {str(p.relative_to(carpeta)) for p in carpeta.rglob("*")}


def test_dice_su_version(paquete: Path, tmp_path: Path) -> None:
    resultado = _correr(paquete / "ventanilla", "--version", env=entorno(tmp_path))
    assert (resultado.returncode, resultado.stdout.strip()) == (0, f"ventanilla {__version__}")


def test_arranca_bajo_xvfb_y_abre_y_cierra_el_almacen_cifrado(paquete: Path, pantalla: str, tmp_path: Path) -> None:
    datos = tmp_path / "equipo"
    resultado = _correr(paquete / "ventanilla", "--diagnostico", env=entorno(datos, pantalla))
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    informe = json.loads(resultado.stdout)
    assert informe["qt"] == {"plataforma": "xcb", "ventana_expuesta": True}
    assert informe["almacen"]["almacen_cifrado"] is True
    assert informe["almacen"]["dependencias"] > 0
    assert (datos / "ventanilla.db").is_file()
    assert not (datos / "ventanilla.db-wal").exists(), "el almacén quedó cerrado (sin WAL pendiente)"
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is not None:
        assert subprocess.run([sqlite3, str(datos / "ventanilla.db"), ".tables"], capture_output=True, check=False).returncode != 0


def test_no_lleva_gtk_ni_escribe_en_su_propia_carpeta(paquete: Path, tmp_path: Path) -> None:
    antes = _archivos(paquete)
    assert not [a for a in antes if "libgtk" in a or "libqgtk3" in a]
    resultado = _correr(paquete / "ventanilla", "auditoria", "verificar", env=entorno(tmp_path / "equipo"))
    assert resultado.returncode == 0, resultado.stderr
    assert "íntegra" in resultado.stdout
    assert _archivos(paquete) == antes


def test_instalar_y_actualizar_conserva_datos_y_ajustes(
    paquete: Path, tmp_path: Path, solicitud_valida: dict[str, object]
) -> None:
    prefijo, datos = tmp_path / "prefijo", tmp_path / "equipo"
    instalar = RAIZ / "instaladores" / "linux" / "instalar.sh"
    assert subprocess.run([str(instalar), str(paquete), str(prefijo)], capture_output=True, timeout=600, check=False).returncode == 0
    orden = prefijo / "bin" / "ventanilla"
    ahora = datetime.now(BOGOTA) - timedelta(minutes=5)
    solicitud = {**solicitud_valida, "recibido": ahora.replace(tzinfo=None).isoformat(timespec="seconds")}
    radicada = _correr(orden, "radicar", env=entorno(datos), entrada=json.dumps(solicitud))
    assert radicada.returncode == 0, radicada.stderr
    radicado = json.loads(radicada.stdout)["radicado"]

    actualizada = subprocess.run([str(instalar), str(paquete), str(prefijo)], capture_output=True, timeout=600, check=False)
    assert actualizada.returncode == 0, actualizada.stderr
    encontrada = _correr(orden, "buscar", radicado, env=entorno(datos))
    assert encontrada.returncode == 0 and radicado in encontrada.stdout
    assert (prefijo / "share" / "applications" / "ventanilla.desktop").is_file()
    assert (prefijo / "share" / "icons" / "hicolor" / "256x256" / "apps" / "ventanilla.png").is_file()
    assert (prefijo / "lib" / "ventanilla" / "actual").resolve().name == __version__
