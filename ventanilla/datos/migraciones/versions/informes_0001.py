"""Informes: índice de eventos por instante y solicitud (qué cambió después de un corte).

Revision ID: informes_0001
"""

from __future__ import annotations

from alembic import op

revision = "informes_0001"
down_revision = "0001_base"
branch_labels = ("informes",)
depends_on = None


def upgrade() -> None:
    op.create_index("ix_informes_eventos_ocurrido_solicitud", "eventos", ["ocurrido_en", "solicitud_id"])


def downgrade() -> None:
    op.drop_index("ix_informes_eventos_ocurrido_solicitud", table_name="eventos")
