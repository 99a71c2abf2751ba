"""Las tablas locales de la sincronización (las crea la migración `sincronizacion_0001`).

Van aparte de los modelos del almacén: son estado de la sincronización, no datos del dominio, y
`reconstruir` no las toca.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Integer, MetaData, String, Table, Text

__all__ = ["anexos_subidos", "catalogos", "ciudadanos_enviados", "estado", "rechazos"]

_metadatos = MetaData()

estado = Table(
    "sync_estado",
    _metadatos,
    Column("clave", String(64), primary_key=True),
    Column("valor", JSON),
)
"""Cursores del último cambio recibido, hora del servidor vista, último resultado."""

ciudadanos_enviados = Table(
    "sync_ciudadanos",
    _metadatos,
    Column("id", String(36), primary_key=True),
    Column("version_local", Integer, nullable=False),
    Column("version_servidor", Integer, nullable=False),
)
"""Por ciudadano: la versión local que el servidor ya tiene y la versión del servidor que le
corresponde. Un ciudadano cuya versión local difiere está pendiente de enviar."""

rechazos = Table(
    "sync_rechazos",
    _metadatos,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("creado_en", String(32), nullable=False),
    Column("tipo", String(32), nullable=False),
    Column("referencia", String(64), nullable=False),
    Column("mensaje", Text, nullable=False),
    Column("visto", Boolean, nullable=False, default=False),
)
"""Todo lo que el servidor rechazó, con su mensaje: nada se descarta en silencio."""

catalogos = Table(
    "sync_catalogos",
    _metadatos,
    Column("tipo", String(32), primary_key=True),
    Column("clave", String(64), primary_key=True),
    Column("datos", JSON, nullable=False),
    Column("activo", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
)
"""Copia de todos los catálogos del servidor (servicios y ventanillas los leen los turnos)."""

anexos_subidos = Table(
    "sync_anexos",
    _metadatos,
    Column("sha256", String(64), primary_key=True),
    Column("subido_en", String(32), nullable=False),
)
