"""Esquema inicial del almacén: eventos, ciudadanos, catálogos, modelos de lectura y búsqueda FTS5.

Revision ID: 0001_base
"""

from __future__ import annotations

from alembic import op

revision = "0001_base"
down_revision = None
branch_labels = None
depends_on = None

SENTENCIAS = (
    """
    CREATE TABLE cierres (
        fecha DATE NOT NULL,
        motivo VARCHAR(200) NOT NULL,
        PRIMARY KEY (fecha)
    )
    """,
    """
    CREATE TABLE ciudadanos (
        id VARCHAR(36) NOT NULL,
        version INTEGER NOT NULL,
        tipo_documento VARCHAR(8) NOT NULL,
        numero_documento VARCHAR(20),
        nombres VARCHAR(120) NOT NULL,
        apellidos VARCHAR(120) NOT NULL,
        telefono VARCHAR(20) NOT NULL,
        correo VARCHAR(120) NOT NULL,
        direccion VARCHAR(200) NOT NULL,
        comuna VARCHAR(60) NOT NULL,
        caracterizacion JSON,
        autorizaciones JSON,
        actualizado_en VARCHAR(32) NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT uq_ciudadanos_documento UNIQUE (tipo_documento, numero_documento)
    )
    """,
    """
    CREATE TABLE comunas (
        codigo VARCHAR(16) NOT NULL,
        nombre VARCHAR(120) NOT NULL,
        clase VARCHAR(16) NOT NULL,
        PRIMARY KEY (codigo)
    )
    """,
    """
    CREATE TABLE configuracion (
        clave VARCHAR(64) NOT NULL,
        valor JSON NOT NULL,
        PRIMARY KEY (clave)
    )
    """,
    """
    CREATE TABLE dependencias (
        codigo VARCHAR(16) NOT NULL,
        nombre VARCHAR(120) NOT NULL,
        nombre_largo VARCHAR(200) NOT NULL,
        activa BOOLEAN NOT NULL,
        PRIMARY KEY (codigo)
    )
    """,
    """
    CREATE TABLE eventos (
        id VARCHAR(36) NOT NULL,
        dispositivo VARCHAR(36) NOT NULL,
        seq INTEGER NOT NULL,
        usuario VARCHAR(64) NOT NULL,
        ocurrido_en VARCHAR(32) NOT NULL,
        tipo VARCHAR(64) NOT NULL,
        datos JSON NOT NULL,
        hash VARCHAR(64) NOT NULL,
        solicitud_id VARCHAR(36),
        PRIMARY KEY (id),
        CONSTRAINT uq_eventos_dispositivo_seq UNIQUE (dispositivo, seq)
    )
    """,
    """
    CREATE INDEX ix_eventos_solicitud_id ON eventos (solicitud_id)
    """,
    """
    CREATE INDEX ix_eventos_tipo ON eventos (tipo)
    """,
    """
    CREATE INDEX ix_eventos_ocurrido_en ON eventos (ocurrido_en)
    """,
    """
    CREATE TABLE series (
        serie VARCHAR(16) NOT NULL,
        anio INTEGER NOT NULL,
        ultimo INTEGER NOT NULL,
        PRIMARY KEY (serie, anio)
    )
    """,
    """
    CREATE TABLE usuarios (
        login VARCHAR(64) NOT NULL,
        nombre VARCHAR(120) NOT NULL,
        roles JSON NOT NULL,
        clave_hash VARCHAR(200),
        activo BOOLEAN NOT NULL,
        PRIMARY KEY (login)
    )
    """,
    """
    CREATE TABLE solicitudes (
        fila INTEGER NOT NULL,
        id VARCHAR(36) NOT NULL,
        radicado VARCHAR(40) NOT NULL,
        serie VARCHAR(16) NOT NULL,
        anio INTEGER NOT NULL,
        consecutivo INTEGER NOT NULL,
        tipo VARCHAR(32) NOT NULL,
        canal VARCHAR(32) NOT NULL,
        asunto VARCHAR(300) NOT NULL,
        descripcion TEXT NOT NULL,
        dependencia VARCHAR(16) NOT NULL,
        folios INTEGER NOT NULL,
        anexos JSON NOT NULL,
        ciudadano_id VARCHAR(36),
        recibido_en VARCHAR(32) NOT NULL,
        fecha_recibo DATE NOT NULL,
        radicado_en VARCHAR(32) NOT NULL,
        vence_inicial DATE,
        vence_el DATE,
        estado VARCHAR(16) NOT NULL,
        estado_previo VARCHAR(16),
        ampliada BOOLEAN NOT NULL,
        requerimiento_el DATE,
        respondida_el DATE,
        cerrada_el DATE,
        trasladada_a VARCHAR(200),
        trasladada_el DATE,
        anulacion_pendiente TEXT,
        anulacion_solicitante VARCHAR(64),
        verbal BOOLEAN NOT NULL,
        prioritaria BOOLEAN NOT NULL,
        preferencial VARCHAR(32) NOT NULL,
        usuario VARCHAR(64) NOT NULL,
        dispositivo VARCHAR(36) NOT NULL,
        PRIMARY KEY (fila),
        UNIQUE (id),
        UNIQUE (radicado),
        FOREIGN KEY(ciudadano_id) REFERENCES ciudadanos (id)
    )
    """,
    """
    CREATE INDEX ix_solicitudes_tipo ON solicitudes (tipo)
    """,
    """
    CREATE INDEX ix_solicitudes_dependencia ON solicitudes (dependencia)
    """,
    """
    CREATE INDEX ix_solicitudes_estado ON solicitudes (estado)
    """,
    """
    CREATE INDEX ix_solicitudes_recibido_en ON solicitudes (recibido_en)
    """,
    """
    CREATE INDEX ix_solicitudes_ciudadano_id ON solicitudes (ciudadano_id)
    """,
    """
    CREATE INDEX ix_solicitudes_vence_el ON solicitudes (vence_el)
    """,
    """
    CREATE VIRTUAL TABLE busqueda USING fts5(radicado, documento, nombre, asunto, tokenize='unicode61 remove_diacritics 2')
    """,
)


def upgrade() -> None:
    for sentencia in SENTENCIAS:
        op.execute(sentencia)


def downgrade() -> None:
    for tabla in ("busqueda", "solicitudes", "series", "usuarios", "cierres", "comunas",
                  "dependencias", "eventos", "ciudadanos", "configuracion"):
        op.execute(f"DROP TABLE IF EXISTS {tabla}")
