"""Estado de la sincronización del equipo: cursores, ciudadanos enviados, rechazos, catálogos, anexos.

Revision ID: sincronizacion_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "sincronizacion_0001"
down_revision = "0001_base"
branch_labels = ("sincronizacion",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_estado",
        sa.Column("clave", sa.String(64), primary_key=True),
        sa.Column("valor", sa.JSON, nullable=True),
    )
    op.create_table(
        "sync_ciudadanos",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version_local", sa.Integer, nullable=False),
        sa.Column("version_servidor", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_rechazos",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("creado_en", sa.String(32), nullable=False),
        sa.Column("tipo", sa.String(32), nullable=False),
        sa.Column("referencia", sa.String(64), nullable=False),
        sa.Column("mensaje", sa.Text, nullable=False),
        sa.Column("visto", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "sync_catalogos",
        sa.Column("tipo", sa.String(32), primary_key=True),
        sa.Column("clave", sa.String(64), primary_key=True),
        sa.Column("datos", sa.JSON, nullable=False),
        sa.Column("activo", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_anexos",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("subido_en", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for tabla in ("sync_anexos", "sync_catalogos", "sync_rechazos", "sync_ciudadanos", "sync_estado"):
        op.drop_table(tabla)
