"""El motor de SQLite con los ajustes que el almacén necesita.

SQLite admite un solo escritor: toda escritura abre su transacción con `BEGIN IMMEDIATE`, así el
bloqueo se toma al empezar y no a mitad (donde un choque obligaría a repetir todo). Las lecturas
usan `BEGIN` diferido y, en modo WAL, no bloquean a nadie.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

__all__ = ["crear_motor", "MODO_ESCRITURA"]

MODO_ESCRITURA = "ventanilla_escritura"
"""Opción de ejecución que marca una conexión como de escritura (BEGIN IMMEDIATE)."""


def crear_motor(archivo: Path) -> Engine:
    motor = create_engine(f"sqlite:///{archivo}", future=True)

    @event.listens_for(motor, "connect")
    def _al_conectar(conexion: Any, _registro: Any) -> None:
        # El driver no debe abrir transacciones por su cuenta: las abre el evento "begin".
        conexion.isolation_level = None
        cursor = conexion.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(motor, "begin")
    def _al_empezar(conexion: Any) -> None:
        if conexion.get_execution_options().get(MODO_ESCRITURA):
            conexion.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conexion.exec_driver_sql("BEGIN")

    return motor
