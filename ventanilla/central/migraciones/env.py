"""Entorno de Alembic del servidor central: corre sobre la conexión que le pasa `bd.migrar`."""

from __future__ import annotations

from alembic import context

conexion = context.config.attributes["connection"]
context.configure(connection=conexion, render_as_batch=conexion.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
