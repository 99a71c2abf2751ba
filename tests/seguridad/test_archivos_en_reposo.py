"""Borradores y anexos del equipo: nada con datos de un ciudadano queda en claro en el disco.

Se escriben cifrados, se leen de vuelta, lo que dejó en claro una versión anterior se lee y queda
cifrado, y lo que no se puede descifrar se aparta con un mensaje claro, sin borrarlo.
"""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.seguridad.archivos import MAGIA
from ventanilla.servicios.anexos import AnexoIlegible, guardar_anexo, leer_anexo, ruta_de_anexo
from ventanilla.servicios.borradores import (
    BorradorIlegible,
    guardar_borrador,
    leer_borrador,
    ruta_borrador,
)

NOMBRE, DOCUMENTO = "Gómez Ñáñez", "75071234"
BORRADOR = {
    "asunto": "Poda del árbol frente a la casa",
    "ciudadano": {"nombres": "María", "apellidos": NOMBRE, "numero_documento": DOCUMENTO,
                  "telefono": "3001234567", "direccion": "Calle 19 # 21-44"},
}
ESCANEO = f"%PDF-1.7 CÉDULA DE CIUDADANÍA {DOCUMENTO} MARÍA {NOMBRE.upper()}".encode() * 50


def _sin_datos_personales(crudo: bytes) -> bool:
    return all(dato.encode() not in crudo for dato in (NOMBRE, NOMBRE.upper(), DOCUMENTO, "3001234567", "Calle 19"))


def _alterar(ruta: Path) -> bytes:
    alterado = bytearray(ruta.read_bytes())
    alterado[len(alterado) // 2] ^= 1
    ruta.write_bytes(bytes(alterado))
    return bytes(alterado)


def test_un_borrador_queda_cifrado_en_el_disco_y_se_lee_de_vuelta(almacen: Almacen) -> None:
    ruta = guardar_borrador(almacen.directorio, "mgomez", BORRADOR)
    crudo = ruta.read_bytes()
    assert crudo.startswith(MAGIA) and _sin_datos_personales(crudo) and b"numero_documento" not in crudo
    assert stat.S_IMODE(ruta.stat().st_mode) == 0o600
    assert leer_borrador(almacen.directorio, "mgomez") == BORRADOR
    assert [p.name for p in ruta.parent.iterdir()] == [ruta.name], "ni temporales ni copias en claro"


def test_un_borrador_en_claro_de_una_version_anterior_se_lee_y_queda_cifrado(almacen: Almacen) -> None:
    ruta = ruta_borrador(almacen.directorio, "mgomez")
    ruta.parent.mkdir(parents=True)
    ruta.write_text(json.dumps(BORRADOR, ensure_ascii=False), encoding="utf-8")
    assert leer_borrador(almacen.directorio, "mgomez") == BORRADOR
    assert ruta.read_bytes().startswith(MAGIA) and _sin_datos_personales(ruta.read_bytes())
    assert leer_borrador(almacen.directorio, "mgomez") == BORRADOR


def test_un_borrador_alterado_se_aparta_y_lo_dice_en_palabras(almacen: Almacen) -> None:
    ruta = guardar_borrador(almacen.directorio, "mgomez", BORRADOR)
    alterado = _alterar(ruta)
    with pytest.raises(BorradorIlegible) as error:
        leer_borrador(almacen.directorio, "mgomez")
    apartado = error.value.apartado
    assert str(error.value).startswith("No se pudo leer el borrador guardado: fue alterado o es de otro equipo.")
    assert "El formulario empieza vacío" in str(error.value) and f"«{apartado.name}»" in str(error.value)
    assert apartado.parent == ruta.parent and apartado.name.startswith("mgomez.json.ilegible-")
    assert apartado.read_bytes() == alterado, "se aparta tal cual, no se borra"
    assert not ruta.exists() and leer_borrador(almacen.directorio, "mgomez") is None
    guardar_borrador(almacen.directorio, "mgomez", BORRADOR)
    assert leer_borrador(almacen.directorio, "mgomez") == BORRADOR


def test_un_borrador_de_otro_equipo_no_se_lee_y_se_aparta(almacen: Almacen, tmp_path: Path) -> None:
    otro = Almacen.abrir(tmp_path / "otro-equipo")
    try:
        ajeno = guardar_borrador(otro.directorio, "mgomez", BORRADOR)
    finally:
        otro.cerrar()
    ruta = ruta_borrador(almacen.directorio, "mgomez")
    ruta.parent.mkdir(parents=True)
    ruta.write_bytes(ajeno.read_bytes())
    with pytest.raises(BorradorIlegible, match="es de otro equipo") as error:
        leer_borrador(almacen.directorio, "mgomez")
    assert error.value.apartado.read_bytes() == ajeno.read_bytes()
    # Un segundo apartado el mismo segundo no pisa al primero.
    ruta.write_bytes(ajeno.read_bytes())
    with pytest.raises(BorradorIlegible) as segundo:
        leer_borrador(almacen.directorio, "mgomez")
    assert segundo.value.apartado != error.value.apartado and error.value.apartado.exists()


def test_un_anexo_queda_cifrado_con_la_huella_de_su_contenido(almacen: Almacen, tmp_path: Path) -> None:
    origen = tmp_path / "cedula.pdf"
    origen.write_bytes(ESCANEO)
    anexo = guardar_anexo(almacen.directorio, origen)
    assert anexo.sha256 == hashlib.sha256(ESCANEO).hexdigest() and anexo.tamano == len(ESCANEO)
    crudo = anexo.ruta.read_bytes()
    assert crudo.startswith(MAGIA) and _sin_datos_personales(crudo) and b"%PDF" not in crudo
    assert stat.S_IMODE(anexo.ruta.stat().st_mode) == 0o600
    assert leer_anexo(almacen.directorio, anexo.sha256) == ESCANEO


def test_un_anexo_en_claro_de_una_version_anterior_se_lee_y_queda_cifrado(almacen: Almacen) -> None:
    sha = hashlib.sha256(ESCANEO).hexdigest()
    ruta = ruta_de_anexo(almacen.directorio, sha)
    ruta.parent.mkdir(parents=True)
    ruta.write_bytes(ESCANEO)
    assert leer_anexo(almacen.directorio, sha) == ESCANEO
    assert ruta.name == sha and _sin_datos_personales(ruta.read_bytes())
    assert leer_anexo(almacen.directorio, sha) == ESCANEO


def test_un_anexo_alterado_no_se_lee_y_se_aparta(almacen: Almacen, tmp_path: Path) -> None:
    origen = tmp_path / "cedula.pdf"
    origen.write_bytes(ESCANEO)
    anexo = guardar_anexo(almacen.directorio, origen)
    alterado = _alterar(anexo.ruta)
    with pytest.raises(AnexoIlegible, match="fue alterado o es de otro equipo") as error:
        leer_anexo(almacen.directorio, anexo.sha256)
    assert error.value.apartado.read_bytes() == alterado and not anexo.ruta.exists()
    assert guardar_anexo(almacen.directorio, origen).sha256 == anexo.sha256
    assert leer_anexo(almacen.directorio, anexo.sha256) == ESCANEO, "el mismo documento vuelve a su lugar"


def test_al_abrir_el_almacen_se_cifra_lo_que_una_version_anterior_dejo_en_claro(directorio_datos: Path) -> None:
    Almacen.abrir(directorio_datos).cerrar()
    borrador = ruta_borrador(directorio_datos, "mgomez")
    borrador.parent.mkdir(parents=True)
    borrador.write_text(json.dumps(BORRADOR, ensure_ascii=False), encoding="utf-8")
    borrador.with_suffix(".tmp").write_text(json.dumps(BORRADOR, ensure_ascii=False), encoding="utf-8")
    sha = hashlib.sha256(ESCANEO).hexdigest()
    anexo = ruta_de_anexo(directorio_datos, sha)
    anexo.parent.mkdir(parents=True)
    anexo.write_bytes(ESCANEO)
    anexo.with_suffix(".tmp").write_bytes(ESCANEO[:100])

    Almacen.abrir(directorio_datos).cerrar()
    archivos = [p for p in directorio_datos.rglob("*") if p.is_file()]
    assert all(_sin_datos_personales(p.read_bytes()) for p in archivos), "nada en claro en el directorio"
    assert not borrador.with_suffix(".tmp").exists() and not anexo.with_suffix(".tmp").exists()
    assert leer_borrador(directorio_datos, "mgomez") == BORRADOR
    assert leer_anexo(directorio_datos, sha) == ESCANEO

    antes = {p: p.read_bytes() for p in (borrador, anexo)}
    Almacen.abrir(directorio_datos).cerrar()
    assert {p: p.read_bytes() for p in (borrador, anexo)} == antes, "una segunda apertura no reescribe nada"
