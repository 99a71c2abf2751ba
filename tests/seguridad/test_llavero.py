"""La clave del almacén vive en el llavero del sistema; sin llavero, en un archivo 0600 y con aviso."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from tests.seguridad.conftest import LlaveroEnMemoria
from ventanilla.datos.almacen import Almacen
from ventanilla.seguridad.clave import aviso_sin_llavero
from ventanilla.seguridad.llavero import ORIGEN_ARCHIVO, ORIGEN_LLAVERO, SERVICIO, Llavero


def test_con_llavero_la_clave_no_toca_el_disco(directorio_datos: Path, llavero_en_memoria: LlaveroEnMemoria) -> None:
    almacen = Almacen.abrir(directorio_datos)
    almacen.cerrar()
    assert not (directorio_datos / ".clave-almacen").exists()
    ((servicio, cuenta), clave), = llavero_en_memoria.secretos.items()
    assert servicio == SERVICIO and cuenta.startswith("clave-almacen@") and len(clave) == 64
    assert clave not in "".join(p.read_text(errors="ignore") for p in directorio_datos.iterdir() if p.is_file())
    Almacen.abrir(directorio_datos).cerrar()  # la misma clave del llavero lo vuelve a abrir
    assert aviso_sin_llavero(directorio_datos) is None


def test_cada_directorio_de_equipo_tiene_su_propia_clave(tmp_path: Path, llavero_en_memoria: LlaveroEnMemoria) -> None:
    for nombre in ("uno", "dos"):
        Almacen.abrir(tmp_path / nombre).cerrar()
    assert len(set(llavero_en_memoria.secretos.values())) == 2


def test_sin_llavero_la_clave_queda_en_archivo_privado_y_se_avisa(
    directorio_datos: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ventanilla.seguridad"):
        Almacen.abrir(directorio_datos).cerrar()
    archivo = directorio_datos / ".clave-almacen"
    assert stat.S_IMODE(archivo.stat().st_mode) == 0o600
    assert "no tiene llavero del sistema" in caplog.text
    assert Llavero(directorio_datos).origen("clave-almacen") == ORIGEN_ARCHIVO
    aviso = aviso_sin_llavero(directorio_datos)
    assert aviso is not None and ".clave-almacen" in aviso


def test_el_llavero_dice_de_donde_sale_cada_secreto(tmp_path: Path, llavero_en_memoria: LlaveroEnMemoria) -> None:
    llavero = Llavero(tmp_path)
    assert llavero.guardar("token", "abc") == ORIGEN_LLAVERO
    assert llavero.leer("token") == "abc"
    assert llavero.origen("token") == ORIGEN_LLAVERO
    assert llavero.leer("otro") is None
    assert llavero.avisos == []
