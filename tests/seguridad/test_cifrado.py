"""El almacén está cifrado en reposo: sqlite3 no lo abre y strings no encuentra datos de ciudadanos."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.seguridad.conftest import AHORA, binario, radicar_varias
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.esquema import migrar
from ventanilla.datos.motor import crear_motor
from ventanilla.seguridad.cifrado import ClaveIncorrecta, es_texto_plano
from ventanilla.seguridad.clave import ClaveNoDisponible, nueva_clave
from ventanilla.seguridad.respaldo import respaldar
from ventanilla.servicios.consultas import buscar
from ventanilla.servicios.radicacion import radicar

SECRETOS = ("Ñáñez", "Gomez", "Gómez", "75071234", "maria.gomez", "3001234567")


def _cadenas(archivo: Path) -> str:
    salida = subprocess.run([binario("strings"), "-n", "4", str(archivo)], capture_output=True, check=True)
    return salida.stdout.decode("latin-1")


def _sin_secretos(archivo: Path) -> None:
    texto = _cadenas(archivo)
    for secreto in SECRETOS:
        assert secreto.lower() not in texto.lower(), f"«{secreto}» aparece en {archivo.name}"
    assert not re.search(r"7507\d{4}", texto), f"un número de documento aparece en {archivo.name}"


def test_sqlite3_no_abre_el_almacen(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    salida = subprocess.run(
        [binario("sqlite3"), str(almacen.archivo), "SELECT nombres FROM ciudadanos;"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert salida.returncode != 0
    assert "not a database" in salida.stderr
    assert not es_texto_plano(almacen.archivo)


def test_strings_no_encuentra_datos_en_el_almacen_su_wal_ni_sus_copias(
    almacen: Almacen, solicitud_valida: dict[str, Any], tmp_path: Path
) -> None:
    radicar_varias(almacen, solicitud_valida, 5)
    wal = Path(f"{almacen.archivo}-wal")
    assert wal.exists() and wal.stat().st_size > 0, "con el almacén abierto los cambios están en el WAL"
    copia = respaldar(almacen, tmp_path)
    with almacen.leer() as sesion:
        assert sesion.execute(text("SELECT count(*) FROM ciudadanos WHERE apellidos LIKE '%Ñáñez'")).scalar() == 5
    for archivo in (almacen.archivo, wal, copia.archivo, copia.manifiesto):
        _sin_secretos(archivo)


def test_la_busqueda_fts5_funciona_sobre_el_almacen_cifrado(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicar_varias(almacen, solicitud_valida, 3)
    resultados = buscar(almacen, "nanez", hoy=AHORA.date())
    assert [r.documento for r in resultados] == ["CC 75071236", "CC 75071235", "CC 75071234"]


def test_un_almacen_en_claro_se_cifra_en_su_sitio_con_respaldo_cifrado_antes(directorio_datos: Path) -> None:
    directorio_datos.mkdir(parents=True)
    archivo = directorio_datos / "ventanilla.db"
    motor = crear_motor(archivo)
    migrar(motor)
    with motor.begin() as conexion:
        conexion.execute(
            text(
                "INSERT INTO ciudadanos (id, version, tipo_documento, numero_documento, nombres, apellidos, telefono, "
                "correo, direccion, comuna, actualizado_en) VALUES ('c1', 1, 'CC', '75071234', 'María', 'Gómez Ñáñez',"
                " '', '', '', '', '2026-11-23T10:00:00+00:00')"
            )
        )
    motor.dispose()
    assert es_texto_plano(archivo) and "Ñáñez".encode() in archivo.read_bytes()

    almacen = Almacen.abrir(directorio_datos)
    try:
        with almacen.leer() as sesion:
            assert sesion.execute(text("SELECT apellidos FROM ciudadanos WHERE id = 'c1'")).scalar() == "Gómez Ñáñez"
        (previo,) = (directorio_datos / "respaldos").glob("antes-de-cifrar-*.db")
    finally:
        almacen.cerrar()
    for cifrado in (archivo, previo):
        assert not es_texto_plano(cifrado)
        _sin_secretos(cifrado)
    assert not Path(f"{archivo}.cifrando").exists()


def test_sin_la_clave_el_almacen_no_se_abre_y_lo_dice(directorio_datos: Path) -> None:
    Almacen.abrir(directorio_datos).cerrar()
    (directorio_datos / ".clave-almacen").unlink()
    with pytest.raises(ClaveNoDisponible, match="no tiene su clave"):
        Almacen.abrir(directorio_datos)


def test_con_otra_clave_el_almacen_no_se_abre_y_lo_dice(directorio_datos: Path) -> None:
    Almacen.abrir(directorio_datos).cerrar()
    (directorio_datos / ".clave-almacen").write_text(nueva_clave())
    with pytest.raises(ClaveIncorrecta, match="no se abre con la clave de este equipo"):
        Almacen.abrir(directorio_datos)
