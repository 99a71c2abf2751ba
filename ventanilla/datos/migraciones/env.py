"""Entorno de Alembic: corre las migraciones sobre la conexión que le pasa el almacén."""

from __future__ import annotations

from alembic import context

conexion = context.config.attributes["connection"]
context.configure(connection=conexion, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
