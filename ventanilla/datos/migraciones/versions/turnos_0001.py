"""Turnos: la tabla de lectura de turnos y la de radicados hechos durante un turno.

Revision ID: turnos_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "turnos_0001"
down_revision = "0001_base"
branch_labels = ("turnos",)
depends_on = None

_INSTANTE = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "turnos",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("codigo", sa.String(8), nullable=False),
        sa.Column("servicio", sa.String(32), nullable=False, index=True),
        sa.Column("numero", sa.Integer(), nullable=False),
        sa.Column("jornada", sa.String(64), nullable=False, index=True),
        sa.Column("preferencial", sa.String(32)),
        sa.Column("ciudadano_id", sa.String(36)),
        sa.Column("dispositivo", sa.String(36), nullable=False),
        sa.Column("estado", sa.String(16), nullable=False, index=True),
        sa.Column("ventanilla", sa.Integer()),
        sa.Column("llamadas", sa.Integer(), nullable=False),
        sa.Column("servicio_prestado", sa.String(32)),
        sa.Column("emitido_en", _INSTANTE, nullable=False, index=True),
        sa.Column("llamado_en", _INSTANTE),
        sa.Column("iniciado_en", _INSTANTE),
        sa.Column("terminado_en", _INSTANTE),
    )
    op.create_table(
        "turno_solicitudes",
        sa.Column("turno_id", sa.String(36), primary_key=True),
        sa.Column("solicitud_id", sa.String(36), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("turno_solicitudes")
    op.drop_table("turnos")
