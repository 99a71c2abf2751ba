"""Accesorios compartidos: un almacén nuevo por prueba, en su propio directorio de datos, y un
PostgreSQL real (uno por sesión, una base vacía por prueba)."""

from __future__ import annotations

import os

# Las pruebas nunca escriben en el llavero real de quien las corre: sin llavero, la clave del
# almacén va al archivo de respaldo del directorio del equipo (lo que pasa en una máquina sin
# escritorio). Las pruebas del llavero instalan el suyo.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from postgres_real import base_pg, postgres

from ventanilla.datos.almacen import Almacen

__all__ = ["almacen", "base_pg", "directorio_datos", "postgres", "solicitud_valida"]


@pytest.fixture
def directorio_datos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Un directorio de equipo propio (VENTANILLA_DATOS) para la prueba."""
    carpeta = tmp_path / "equipo"
    monkeypatch.setenv("VENTANILLA_DATOS", str(carpeta))
    return carpeta


@pytest.fixture
def almacen(directorio_datos: Path) -> Iterator[Almacen]:
    abierto = Almacen.abrir(directorio_datos)
    yield abierto
    abierto.cerrar()


@pytest.fixture
def solicitud_valida() -> dict[str, Any]:
    """Una petición completa y válida, como la escribiría un funcionario."""
    return {
        "tipo": "peticion",
        "canal": "presencial",
        "asunto": "Solicitud de poda de árbol en el andén",
        "descripcion": "El árbol frente a la vivienda amenaza con caer sobre la vía.",
        "dependencia": "Medio Ambiente",
        "folios": 2,
        "recibido": None,
        "consentimiento": False,
        "ciudadano": {
            "tipo_documento": "CC",
            "numero_documento": "75071234",
            "nombres": "María",
            "apellidos": "Gómez Ñáñez",
            "telefono": "3001234567",
            "correo": "maria.gomez@example.co",
            "direccion": "Calle 19 # 21-44",
        },
    }
