"""Accesorios de las jornadas: una jornada programada, preparada y abierta en un almacén nuevo."""

from __future__ import annotations

from typing import Any

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.servicios.jornadas import (
    Jornada,
    abrir_jornada,
    preparar_jornada,
    programar_jornada,
)

DATOS_JORNADA: dict[str, Any] = {
    "nombre": "Gobierno en la Calle, comuna San José",
    "fecha": "2026-11-28",
    "lugar": "Parque Liborio, carrera 16 con calle 20",
    "comuna": "C02",
    "dependencias": ["HAC", "SAL", "DSO", "PLA"],
    "servicios": ["radicacion", "orientacion", "hacienda", "social"],
    "equipo": ["admin"],
    "portatiles": 2,
}


@pytest.fixture
def datos_jornada() -> dict[str, Any]:
    return dict(DATOS_JORNADA)


@pytest.fixture
def jornada_abierta(almacen: Almacen) -> Jornada:
    programada = programar_jornada(almacen, DATOS_JORNADA, usuario="admin")
    preparar_jornada(almacen, programada.id, {"bateria": True, "impresora": True}, usuario="admin")
    return abrir_jornada(almacen, programada.id, usuario="admin")
