"""Jornadas de brigada: jornadas, asistencia, solicitudes de la jornada, cuestionarios, encuestas
y compromisos.

Revision ID: jornadas_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "jornadas_0001"
down_revision = "0001_base"
branch_labels = ("jornadas",)
depends_on = None

_INSTANTE = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "jornadas",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("nombre", sa.String(200), nullable=False),
        sa.Column("fecha", sa.Date(), nullable=False, index=True),
        sa.Column("lugar", sa.String(200), nullable=False),
        sa.Column("comuna", sa.String(16), nullable=False),
        sa.Column("dependencias", sa.JSON(), nullable=False),
        sa.Column("servicios", sa.JSON(), nullable=False),
        sa.Column("equipo", sa.JSON(), nullable=False),
        sa.Column("portatiles", sa.Integer(), nullable=False),
        sa.Column("estado", sa.String(16), nullable=False),
        sa.Column("chequeo", sa.JSON()),
        sa.Column("programada_en", _INSTANTE, nullable=False),
        sa.Column("programada_por", sa.String(64), nullable=False),
        sa.Column("preparada_en", _INSTANTE),
        sa.Column("abierta_en", _INSTANTE),
        sa.Column("cerrada_en", _INSTANTE),
    )
    op.create_table(
        "asistencias",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("jornada_id", sa.String(36), nullable=False, index=True),
        sa.Column("ciudadano_id", sa.String(36), nullable=False, index=True),
        sa.Column("servicio", sa.String(32), nullable=False),
        sa.Column("dependencia", sa.String(16), nullable=False),
        sa.Column("origen", sa.String(16), nullable=False),
        sa.Column("referencia", sa.String(36)),
        sa.Column("aviso_privacidad", sa.Boolean(), nullable=False),
        sa.Column("registrada_en", _INSTANTE, nullable=False),
        sa.Column("usuario", sa.String(64), nullable=False),
        sa.Column("dispositivo", sa.String(36), nullable=False),
        sa.UniqueConstraint("jornada_id", "ciudadano_id", name="uq_asistencias_jornada_ciudadano"),
    )
    op.create_table(
        "jornada_solicitudes",
        sa.Column("jornada_id", sa.String(36), primary_key=True),
        sa.Column("solicitud_id", sa.String(36), primary_key=True),
    )
    op.create_table(
        "cuestionarios",
        sa.Column("version", sa.String(32), primary_key=True),
        sa.Column("contenido", sa.JSON(), nullable=False),
        sa.Column("publicado_en", _INSTANTE, nullable=False),
    )
    op.create_table(
        "encuestas",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("jornada_id", sa.String(36), index=True),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("atencion", sa.String(16), nullable=False),
        sa.Column("atencion_id", sa.String(36)),
        sa.Column("respuestas", sa.JSON(), nullable=False),
        sa.Column("medio", sa.String(16), nullable=False),
        sa.Column("respondida_en", _INSTANTE, nullable=False, index=True),
    )
    op.create_table(
        "compromisos",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("jornada_id", sa.String(36), nullable=False, index=True),
        sa.Column("descripcion", sa.Text(), nullable=False),
        sa.Column("dependencia", sa.String(16), nullable=False),
        sa.Column("vence_el", sa.Date(), nullable=False),
        sa.Column("estado", sa.String(16), nullable=False),
        sa.Column("nota", sa.Text(), nullable=False),
        sa.Column("adquirido_en", _INSTANTE, nullable=False),
        sa.Column("actualizado_en", _INSTANTE, nullable=False),
        sa.Column("actualizado_el", sa.Date()),
    )


def downgrade() -> None:
    for tabla in ("compromisos", "encuestas", "cuestionarios", "jornada_solicitudes", "asistencias", "jornadas"):
        op.drop_table(tabla)
