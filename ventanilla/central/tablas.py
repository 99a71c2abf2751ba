"""Las tablas del servidor central (SQLAlchemy Core; las crean las migraciones de `migraciones/`).

Funcionan igual en SQLite (el almacén embebido por defecto) y en PostgreSQL. Los instantes se
guardan como texto ISO en UTC, ordenable en ambos motores. Los `datos` de un evento se guardan
tal como el equipo los firmó (JSON canónico), para que el hash se pueda verificar siempre.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "anexos",
    "catalogo",
    "ciudadanos",
    "codigos",
    "contadores",
    "dispositivos",
    "eventos",
    "metadatos",
    "radicados",
    "revisiones",
    "series",
    "sesiones",
]

metadatos = MetaData()

contadores = Table(
    "contadores",
    metadatos,
    Column("nombre", String(32), primary_key=True),
    Column("valor", BigInteger, nullable=False),
)
"""Secuencias del servidor (`eventos`, `ciudadanos`, `catalogo`): se avanzan con la fila bloqueada,
así el orden de los números es el orden de confirmación y un cursor nunca salta una fila."""

eventos = Table(
    "eventos",
    metadatos,
    Column("posicion", BigInteger, primary_key=True, autoincrement=False),
    Column("id", String(36), nullable=False, unique=True),
    Column("dispositivo", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("usuario", String(64), nullable=False),
    Column("ocurrido_en", String(32), nullable=False),
    Column("tipo", String(64), nullable=False),
    Column("datos", Text, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("ciudadano_id", String(36)),
    Column("recibido_en", String(32), nullable=False),
    UniqueConstraint("dispositivo", "seq", name="uq_central_eventos_dispositivo_seq"),
)

dispositivos = Table(
    "dispositivos",
    metadatos,
    Column("id", String(36), primary_key=True),
    Column("nombre", String(120), nullable=False),
    Column("punto", String(120), nullable=False),
    Column("serie", String(16), nullable=False),
    Column("serie_num", Integer, nullable=False),
    Column("token_hash", String(64), unique=True),
    Column("revocado", Boolean, nullable=False),
    Column("inscrito_en", String(32), nullable=False),
    Column("ultimo_seq", Integer, nullable=False),
    Column("ultimo_hash", String(64), nullable=False),
    Column("ultimo_sync", String(32)),
    Column("desfase_segundos", Float),
    Column("cursor_entregado", BigInteger, nullable=False, server_default="0"),
)

series = Table(
    "series",
    metadatos,
    Column("serie", String(16), primary_key=True),
    Column("dispositivo", String(36), nullable=False),
    Column("asignada_en", String(32), nullable=False),
)

codigos = Table(
    "codigos_inscripcion",
    metadatos,
    Column("codigo_hash", String(64), primary_key=True),
    Column("serie", String(16), nullable=False),
    Column("serie_num", Integer, nullable=False),
    Column("punto", String(120), nullable=False),
    Column("creado_por", String(64), nullable=False),
    Column("creado_en", String(32), nullable=False),
    Column("vence_en", String(32), nullable=False),
    Column("usado_por", String(36)),
)

sesiones = Table(
    "sesiones",
    metadatos,
    Column("token_hash", String(64), primary_key=True),
    Column("login", String(64), nullable=False),
    Column("vence_en", String(32), nullable=False),
)

catalogo = Table(
    "catalogo",
    metadatos,
    Column("tipo", String(32), primary_key=True),
    Column("clave", String(64), primary_key=True),
    Column("datos", Text, nullable=False),
    Column("activo", Boolean, nullable=False),
    Column("version", BigInteger, nullable=False, index=True),
)
"""Todos los catálogos en una tabla: dependencias, servicios, ventanillas, comunas, cierres,
plantillas y usuarios. Cada cambio toma la siguiente `version`; los equipos piden lo posterior."""

ciudadanos = Table(
    "ciudadanos",
    metadatos,
    Column("id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("datos", Text, nullable=False),
    Column("documento", String(40), index=True),
    Column("dispositivo", String(36), nullable=False),
    Column("actualizado_en", String(32), nullable=False),
    Column("cambio", BigInteger, nullable=False, index=True),
)

revisiones = Table(
    "revisiones",
    metadatos,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tipo", String(32), nullable=False),
    Column("referencia", String(64), nullable=False),
    Column("dispositivo", String(36), nullable=False),
    Column("detalle", Text, nullable=False),
    Column("creado_en", String(32), nullable=False),
    Column("resuelta", Boolean, nullable=False),
    Column("resuelta_en", String(32)),
    Column("resuelta_por", String(64)),
    Column("decision", String(16)),
    Column("nota", Text),
)
"""Lo que una persona debe revisar: ediciones concurrentes de un ciudadano, cadenas rotas, huecos.
Un administrador la resuelve una sola vez (`central/revisiones.py`): quién, cuándo, qué decidió y por qué."""

radicados = Table(
    "radicados",
    metadatos,
    Column("radicado", String(40), primary_key=True),
    Column("solicitud_id", String(36), nullable=False, unique=True),
    Column("estado", String(16), nullable=False),
    Column("vence_el", String(10)),
)
"""Lo único que la consulta pública puede ver de una solicitud: su estado y su vencimiento."""

anexos = Table(
    "anexos",
    metadatos,
    Column("sha256", String(64), primary_key=True),
    Column("tamano", BigInteger, nullable=False),
    Column("recibido", BigInteger, nullable=False),
    Column("completo", Boolean, nullable=False),
    Column("creado_en", String(32), nullable=False),
)
