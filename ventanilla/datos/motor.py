"""El motor de SQLite con los ajustes que el almacén necesita.

SQLite admite un solo escritor: toda escritura abre su transacción con `BEGIN IMMEDIATE`, así el
bloqueo se toma al empezar y no a mitad (donde un choque obligaría a repetir todo). Las lecturas
usan `BEGIN` diferido y, en modo WAL, no bloquean a nadie.

Con `clave`, el archivo se abre con SQLCipher (cifrado en reposo, clave cruda de 256 bits: sin
derivación por conexión); WAL y FTS5 funcionan igual. Sin clave, SQLite en claro.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, QueuePool, create_engine, event

__all__ = ["crear_motor", "MODO_ESCRITURA"]

MODO_ESCRITURA = "ventanilla_escritura"
"""Opción de ejecución que marca una conexión como de escritura (BEGIN IMMEDIATE)."""


def crear_motor(archivo: Path, clave: str | None = None) -> Engine:
    if clave is None:
        motor = create_engine(f"sqlite:///{archivo}", future=True)
    else:
        from ventanilla.seguridad.cifrado import url_cifrada

        # El mismo pool que SQLite en claro (el dialecto de SQLCipher usaría uno por hilo).
        motor = create_engine(url_cifrada(archivo, clave), poolclass=QueuePool)

    @event.listens_for(motor, "connect")
    def _al_conectar(conexion: Any, _registro: Any) -> None:
        # El driver no debe abrir transacciones por su cuenta: las abre el evento "begin".
        conexion.isolation_level = None
        cursor = conexion.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        # 64 MB de caché de páginas por conexión: con un millón de solicitudes los índices no caben
        # en los 8 MB por defecto, y cada página leída de nuevo se descifra otra vez.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()

    @event.listens_for(motor, "begin")
    def _al_empezar(conexion: Any) -> None:
        if conexion.get_execution_options().get(MODO_ESCRITURA):
            conexion.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conexion.exec_driver_sql("BEGIN")

    return motor
