"""El esquema que crean las migraciones coincide con los modelos, y abrir un almacén es idempotente."""

from __future__ import annotations

import importlib
import pkgutil

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from ventanilla.datos.almacen import Almacen
from ventanilla import datos
from ventanilla.datos.modelos import Base

# Los modelos de cada área (`modelos_<área>.py`) comparten `Base`.
for _modulo in pkgutil.iter_modules(datos.__path__):
    if _modulo.name.startswith("modelos_"):
        importlib.import_module(f"ventanilla.datos.{_modulo.name}")


def test_las_migraciones_crean_lo_que_dicen_los_modelos(almacen: Almacen) -> None:
    with almacen.motor.connect() as conexion:
        contexto = MigrationContext.configure(conexion, opts={"compare_type": False})
        diferencias = [
            d for d in compare_metadata(contexto, Base.metadata)
            # Tablas sin modelo (la búsqueda FTS5, las de control de la sincronización) se usan por SQL.
            if d[0] != "remove_table"
        ]
    assert diferencias == []


def test_abrir_dos_veces_no_siembra_dos_veces(almacen: Almacen) -> None:
    dispositivo = almacen.ajustes.dispositivo
    otra = Almacen.abrir(almacen.directorio)
    assert otra.ajustes.dispositivo == dispositivo
    assert len(otra.dependencias()) == 12
    with otra.leer() as sesion:
        assert sesion.scalar(text("PRAGMA journal_mode")) == "wal"
        assert sesion.scalar(text("PRAGMA foreign_keys")) == 1
    otra.cerrar()
