"""Borradores atómicos y cifrados, anexos por contenido y la bitácora del día con su CSV."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.servicios import tramite
from ventanilla.servicios.anexos import guardar_anexo, leer_anexo, ruta_de_anexo
from ventanilla.servicios.bitacora import bitacora_del_dia, exportar_csv, filtrar
from ventanilla.servicios.borradores import (
    BorradorIlegible,
    descartar_borrador,
    guardar_borrador,
    leer_borrador,
    ruta_borrador,
)
from ventanilla.servicios.radicacion import radicar


def test_borrador_se_guarda_entero_y_se_descarta(almacen: Almacen) -> None:
    equipo = almacen.directorio
    datos = {"asunto": "Poda del árbol", "ciudadano": {"nombres": "María José"}}
    guardar_borrador(equipo, "m.gómez/../x", datos)
    assert ruta_borrador(equipo, "m.gómez/../x").parent == equipo / "borradores"
    assert leer_borrador(equipo, "m.gómez/../x") == datos
    assert [p.name for p in (equipo / "borradores").iterdir()] == ["m.g_mez_.._x.json"]
    descartar_borrador(equipo, "m.gómez/../x")
    assert leer_borrador(equipo, "m.gómez/../x") is None


def test_borrador_ilegible_no_rompe_nada(almacen: Almacen) -> None:
    ruta = ruta_borrador(almacen.directorio, "ana")
    ruta.parent.mkdir(parents=True)
    ruta.write_text("{a medias", encoding="utf-8")
    with pytest.raises(BorradorIlegible, match="No se pudo leer el borrador guardado"):
        leer_borrador(almacen.directorio, "ana")
    assert leer_borrador(almacen.directorio, "ana") is None


def test_anexo_se_guarda_una_vez_por_su_contenido(almacen: Almacen, tmp_path: Path) -> None:
    origen = tmp_path / "cedula.pdf"
    origen.write_bytes(b"%PDF-1.4 copia de la cedula")
    copia = tmp_path / "otra-copia.pdf"
    copia.write_bytes(origen.read_bytes())
    equipo = almacen.directorio
    primero = guardar_anexo(equipo, origen)
    segundo = guardar_anexo(equipo, copia)
    assert primero.sha256 == segundo.sha256 and primero.ruta == ruta_de_anexo(equipo, primero.sha256)
    assert leer_anexo(equipo, primero.sha256) == origen.read_bytes()
    assert len(list((equipo / "anexos").rglob("*"))) == 2  # una carpeta y un archivo
    assert primero.descripcion.startswith("cedula.pdf (sha256:")


def test_bitacora_del_dia_de_este_equipo(almacen: Almacen, solicitud_valida: dict[str, Any], tmp_path: Path) -> None:
    hoy = datetime(2026, 11, 23, 15, 0, tzinfo=BOGOTA)
    solicitud_valida["recibido"] = None
    ayer = radicar(almacen, solicitud_valida, usuario="admin", ahora=hoy - timedelta(days=1)).radicado
    uno = radicar(almacen, solicitud_valida, usuario="admin", ahora=hoy).radicado
    tramite.asignar(almacen, uno, "Hacienda", usuario="admin", ahora=hoy + timedelta(minutes=5))
    entradas = bitacora_del_dia(almacen, hoy.date())
    assert [(e.accion, e.radicado) for e in entradas] == [("Asignó", uno), ("Radicó", uno)]
    assert ayer not in {e.radicado for e in entradas}
    assert entradas[0].detalle == "a Hacienda" and entradas[0].usuario_nombre == "Administrador del equipo"
    assert "Gómez" not in " ".join(e.detalle for e in entradas)  # sin datos personales
    assert [e.accion for e in filtrar(entradas, clase="radicacion")] == ["Radicó"]
    assert filtrar(entradas, texto="hacienda") == entradas[:1]
    destino = tmp_path / "bitacora.csv"
    assert exportar_csv(entradas, destino) == 2
    with destino.open(encoding="utf-8-sig", newline="") as archivo:
        filas = list(csv.reader(archivo, delimiter=";"))
    assert filas[0] == ["Fecha", "Hora", "Usuario", "Acción", "Radicado", "Detalle"]
    assert filas[2][:2] == ["2026-11-23", "15:00:00"] and filas[2][4] == uno
