"""Con un llavero real (gnome-keyring por D-Bus) la clave del almacén vive en él y no en el disco."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.seguridad.conftest import binario

HIJO = """
import json, os, sys
import keyring
from keyring.backends.SecretService import Keyring
keyring.set_keyring(Keyring())
from ventanilla.datos.almacen import Almacen
from ventanilla.seguridad.llavero import Llavero
directorio = sys.argv[1]
for _ in range(2):
    Almacen.abrir().cerrar()
llavero = Llavero(__import__("pathlib").Path(directorio))
print(json.dumps({"archivos": sorted(os.listdir(directorio)), "origen": llavero.origen("clave-almacen"),
                  "clave": llavero.leer("clave-almacen")}))
"""


@pytest.mark.lento
def test_la_clave_queda_en_gnome_keyring(tmp_path: Path) -> None:
    sesion, demonio = binario("dbus-run-session"), binario("gnome-keyring-daemon")
    datos = tmp_path / "equipo"
    guion = (
        f'printf clave-del-llavero | "{demonio}" --unlock --components=secrets >/dev/null '
        f'&& exec "{sys.executable}" -c "$HIJO" "{datos}"'
    )
    resultado = subprocess.run(
        [sesion, "--", "sh", "-c", guion],
        env={"HIJO": HIJO, "VENTANILLA_DATOS": str(datos), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultado.returncode == 0, resultado.stderr
    informe = json.loads(resultado.stdout.strip().splitlines()[-1])
    assert informe["archivos"] == ["equipo.id", "ventanilla.db"], "ni .clave-almacen ni nada en claro"
    assert informe["origen"] == "llavero del sistema"
    assert len(informe["clave"]) == 64
    assert informe["clave"].encode() not in (datos / "ventanilla.db").read_bytes()
