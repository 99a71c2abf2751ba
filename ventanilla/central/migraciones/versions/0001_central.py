"""Esquema inicial del servidor central: eventos, equipos, series, códigos, catálogos, ciudadanos.

Revision ID: c0001_central
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0001_central"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contadores",
        sa.Column("nombre", sa.String(32), primary_key=True),
        sa.Column("valor", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(
        sa.table("contadores", sa.column("nombre", sa.String), sa.column("valor", sa.BigInteger)),
        [{"nombre": n, "valor": 0} for n in ("eventos", "ciudadanos", "catalogo")],
    )
    op.create_table(
        "eventos",
        sa.Column("posicion", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("dispositivo", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("usuario", sa.String(64), nullable=False),
        sa.Column("ocurrido_en", sa.String(32), nullable=False),
        sa.Column("tipo", sa.String(64), nullable=False),
        sa.Column("datos", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("ciudadano_id", sa.String(36)),
        sa.Column("recibido_en", sa.String(32), nullable=False),
        sa.UniqueConstraint("dispositivo", "seq", name="uq_central_eventos_dispositivo_seq"),
    )
    op.create_table(
        "dispositivos",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("nombre", sa.String(120), nullable=False),
        sa.Column("punto", sa.String(120), nullable=False),
        sa.Column("serie", sa.String(16), nullable=False),
        sa.Column("serie_num", sa.Integer, nullable=False),
        sa.Column("token_hash", sa.String(64), unique=True),
        sa.Column("revocado", sa.Boolean, nullable=False),
        sa.Column("inscrito_en", sa.String(32), nullable=False),
        sa.Column("ultimo_seq", sa.Integer, nullable=False),
        sa.Column("ultimo_hash", sa.String(64), nullable=False),
        sa.Column("ultimo_sync", sa.String(32)),
        sa.Column("desfase_segundos", sa.Float),
    )
    op.create_table(
        "series",
        sa.Column("serie", sa.String(16), primary_key=True),
        sa.Column("dispositivo", sa.String(36), nullable=False),
        sa.Column("asignada_en", sa.String(32), nullable=False),
    )
    op.create_table(
        "codigos_inscripcion",
        sa.Column("codigo_hash", sa.String(64), primary_key=True),
        sa.Column("serie", sa.String(16), nullable=False),
        sa.Column("serie_num", sa.Integer, nullable=False),
        sa.Column("punto", sa.String(120), nullable=False),
        sa.Column("creado_por", sa.String(64), nullable=False),
        sa.Column("creado_en", sa.String(32), nullable=False),
        sa.Column("vence_en", sa.String(32), nullable=False),
        sa.Column("usado_por", sa.String(36)),
    )
    op.create_table(
        "sesiones",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("vence_en", sa.String(32), nullable=False),
    )
    op.create_table(
        "catalogo",
        sa.Column("tipo", sa.String(32), primary_key=True),
        sa.Column("clave", sa.String(64), primary_key=True),
        sa.Column("datos", sa.Text, nullable=False),
        sa.Column("activo", sa.Boolean, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False, index=True),
    )
    op.create_table(
        "ciudadanos",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("datos", sa.Text, nullable=False),
        sa.Column("documento", sa.String(40), index=True),
        sa.Column("dispositivo", sa.String(36), nullable=False),
        sa.Column("actualizado_en", sa.String(32), nullable=False),
        sa.Column("cambio", sa.BigInteger, nullable=False, index=True),
    )
    op.create_table(
        "revisiones",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tipo", sa.String(32), nullable=False),
        sa.Column("referencia", sa.String(64), nullable=False),
        sa.Column("dispositivo", sa.String(36), nullable=False),
        sa.Column("detalle", sa.Text, nullable=False),
        sa.Column("creado_en", sa.String(32), nullable=False),
        sa.Column("resuelta", sa.Boolean, nullable=False),
    )
    op.create_table(
        "radicados",
        sa.Column("radicado", sa.String(40), primary_key=True),
        sa.Column("solicitud_id", sa.String(36), nullable=False, unique=True),
        sa.Column("estado", sa.String(16), nullable=False),
        sa.Column("vence_el", sa.String(10)),
    )
    op.create_table(
        "anexos",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("tamano", sa.BigInteger, nullable=False),
        sa.Column("recibido", sa.BigInteger, nullable=False),
        sa.Column("completo", sa.Boolean, nullable=False),
        sa.Column("creado_en", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for tabla in (
        "anexos", "radicados", "revisiones", "ciudadanos", "catalogo", "sesiones",
        "codigos_inscripcion", "series", "dispositivos", "eventos", "contadores",
    ):
        op.drop_table(tabla)
