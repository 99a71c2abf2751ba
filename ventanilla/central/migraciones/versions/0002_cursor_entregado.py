"""El cursor de recepción que el servidor entregó a cada equipo (la otra mitad del punto de control).

Revision ID: c0002_cursor_entregado
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002_cursor_entregado"
down_revision = "c0001_central"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dispositivos") as tabla:
        tabla.add_column(sa.Column("cursor_entregado", sa.BigInteger, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("dispositivos") as tabla:
        tabla.drop_column("cursor_entregado")
