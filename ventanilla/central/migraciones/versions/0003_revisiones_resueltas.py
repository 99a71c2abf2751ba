"""Quién resolvió cada revisión, cuándo, qué decidió y por qué.

Revision ID: c0003_revisiones_resueltas
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003_revisiones_resueltas"
down_revision = "c0002_cursor_entregado"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("revisiones") as tabla:
        tabla.add_column(sa.Column("resuelta_en", sa.String(32)))
        tabla.add_column(sa.Column("resuelta_por", sa.String(64)))
        tabla.add_column(sa.Column("decision", sa.String(16)))
        tabla.add_column(sa.Column("nota", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("revisiones") as tabla:
        for columna in ("nota", "decision", "resuelta_por", "resuelta_en"):
            tabla.drop_column(columna)
