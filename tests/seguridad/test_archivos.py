"""Borradores y anexos cifrados con la clave derivada del almacén: ilegibles y a prueba de cambios."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import pytest

from tests.seguridad.conftest import binario
from ventanilla.datos.almacen import Almacen
from ventanilla.seguridad.archivos import ArchivoIlegible, escribir_cifrado, leer_cifrado
from ventanilla.seguridad.clave import nueva_clave

BORRADOR = {"ciudadano": {"nombres": "María", "apellidos": "Gómez Ñáñez", "numero_documento": "75071234"}}


def test_un_borrador_cifrado_no_deja_ver_nada_y_se_lee_de_vuelta(almacen: Almacen) -> None:
    destino = almacen.directorio / "borradores" / "ana.json"
    contenido = json.dumps(BORRADOR, ensure_ascii=False).encode()
    escribir_cifrado(destino, contenido, almacen.directorio)
    assert stat.S_IMODE(destino.stat().st_mode) == 0o600
    texto = subprocess.run([binario("strings"), str(destino)], capture_output=True, check=True).stdout
    assert b"75071234" not in texto and "Ñáñez".encode() not in destino.read_bytes()
    assert leer_cifrado(destino, almacen.directorio) == contenido


def test_un_archivo_alterado_renombrado_o_de_otro_equipo_no_se_lee(almacen: Almacen, tmp_path: Path) -> None:
    destino = almacen.directorio / "anexos" / "ab" / "abcdef"
    escribir_cifrado(destino, b"%PDF-1.7 cedula escaneada", almacen.directorio)
    otro_nombre = destino.with_name("fedcba")
    otro_nombre.write_bytes(destino.read_bytes())
    with pytest.raises(ArchivoIlegible, match="alterado"):
        leer_cifrado(otro_nombre, almacen.directorio)
    alterado = bytearray(destino.read_bytes())
    alterado[-1] ^= 1
    destino.write_bytes(bytes(alterado))
    with pytest.raises(ArchivoIlegible):
        leer_cifrado(destino, almacen.directorio)
    (almacen.directorio / ".clave-almacen").write_text(nueva_clave())
    escribir_cifrado(tmp_path / "x", b"dato", almacen.directorio)
    (almacen.directorio / ".clave-almacen").write_text(nueva_clave())
    with pytest.raises(ArchivoIlegible):
        leer_cifrado(tmp_path / "x", almacen.directorio)
    with pytest.raises(ArchivoIlegible, match="no es un archivo cifrado"):
        (tmp_path / "plano").write_text("hola")
        leer_cifrado(tmp_path / "plano", almacen.directorio)
