"""Accesorios del paquete de Linux: se construye una vez por sesión y se prueba bajo un Xvfb real."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from piezas import falta

RAIZ = Path(__file__).resolve().parents[2]
ESPECIFICACION = RAIZ / "instaladores" / "linux" / "ventanilla.spec"


def _falta(mensaje: str) -> NoReturn:
    falta(mensaje)


@pytest.fixture(scope="session")
def paquete(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """La carpeta del paquete construido con PyInstaller (unos minutos en una máquina cargada)."""
    if importlib.util.find_spec("PyInstaller") is None:
        _falta("falta PyInstaller (está en el extra «pruebas» del proyecto)")
    salida = tmp_path_factory.mktemp("paquete")
    resultado = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(salida / "dist"), "--workpath", str(salida / "build"), str(ESPECIFICACION)],
        cwd=RAIZ,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert resultado.returncode == 0, resultado.stderr[-4000:]
    carpeta = salida / "dist" / "ventanilla"
    assert (carpeta / "ventanilla").is_file()
    return carpeta


@pytest.fixture(scope="session")
def pantalla() -> Iterator[str]:
    """Un servidor X real (Xvfb); devuelve su DISPLAY cuando ya acepta clientes."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        _falta("falta Xvfb (make sistema lo instala)")
    lector, escritor = os.pipe()
    proceso = subprocess.Popen(
        [xvfb, "-displayfd", str(escritor), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(escritor,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(escritor)
    numero = b""
    while not numero.endswith(b"\n"):
        trozo = os.read(lector, 16)
        assert trozo, "Xvfb terminó sin anunciar su pantalla"
        numero += trozo
    os.close(lector)
    yield f":{numero.decode().strip()}"
    proceso.terminate()
    proceso.wait(timeout=30)


def entorno(datos: Path, pantalla: str | None = None) -> dict[str, str]:
    """El entorno de un equipo: su directorio de datos y, si hay, la pantalla X (sin offscreen)."""
    variables = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    variables["VENTANILLA_DATOS"] = str(datos)
    variables["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # no tocar el llavero de quien prueba
    if pantalla is not None:
        variables["DISPLAY"] = pantalla
        variables["QT_QPA_PLATFORM"] = "xcb"
    return variables
