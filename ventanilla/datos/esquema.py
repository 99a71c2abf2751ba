"""Migraciones de Alembic aplicadas al arrancar.

Cada área puede llevar su propia rama de migraciones (por ejemplo `turnos`), todas colgando de
`0001_base`; el almacén sube siempre a todas las cabezas ("heads"). Comprobar si hace falta migrar
es barato (una lectura de `alembic_version`), así que arrancar un almacén al día no paga nada más.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ventanilla.datos.motor import MODO_ESCRITURA

__all__ = ["migrar"]

MIGRACIONES = Path(__file__).with_name("migraciones")


def migrar(motor: Engine, carpeta: Path = MIGRACIONES, opcion_escritura: str = MODO_ESCRITURA) -> None:
    """Sube la base a todas las cabezas de las migraciones de `carpeta` (el almacén del equipo
    por defecto; el servidor central pasa las suyas), con la opción que marca su escritura."""
    config = Config()
    config.set_main_option("script_location", str(carpeta))
    cabezas = set(ScriptDirectory.from_config(config).get_heads())
    with motor.connect() as conexion:
        actuales = set(MigrationContext.configure(conexion).get_current_heads())
        conexion.rollback()
    if actuales == cabezas:
        return
    with motor.connect().execution_options(**{opcion_escritura: True}) as conexion:
        config.attributes["connection"] = conexion
        command.upgrade(config, "heads")
        conexion.commit()
        # La conexión que migró no vuelve al pool: después de una transacción que reescribe cientos
        # de MB (rehacer la búsqueda de un millón de solicitudes), radicar y buscar en ella
        # tardaban el doble que en una conexión nueva.
        conexion.invalidate()
    if motor.dialect.name == "sqlite":
        # Una migración que reescribe una tabla grande deja el WAL de ese tamaño hasta que se cierra
        # el almacén (560 MB al rehacer la búsqueda de un millón de solicitudes); vaciarlo, <1 s.
        with motor.connect() as conexion:
            conexion.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
