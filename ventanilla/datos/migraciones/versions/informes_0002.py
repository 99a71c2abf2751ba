"""Informes: índices de solicitudes por estado y por tipo con su recibo (las listas de un periodo).

Revision ID: informes_0002
"""

from __future__ import annotations

from alembic import op

revision = "informes_0002"
down_revision = "informes_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_informes_solicitudes_estado_recibido", "solicitudes", ["estado", "recibido_en"])
    op.create_index("ix_informes_solicitudes_tipo_recibido", "solicitudes", ["tipo", "recibido_en"])


def downgrade() -> None:
    op.drop_index("ix_informes_solicitudes_tipo_recibido", table_name="solicitudes")
    op.drop_index("ix_informes_solicitudes_estado_recibido", table_name="solicitudes")
