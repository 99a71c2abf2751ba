"""Tablas del almacén local (SQLAlchemy 2).

Tres clases de tablas: el registro de eventos (la verdad, nunca se edita), los registros de
ciudadanos (datos personales, fuera de los eventos, con versión) y los catálogos, y los modelos
de lectura (`solicitudes`, `series`, la búsqueda FTS5) que la proyección mantiene al día y que
`reconstruir` puede rehacer desde los eventos. El esquema lo crean las migraciones de Alembic;
estas clases deben coincidir con ellas (una prueba lo verifica).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Base",
    "InstanteUTC",
    "Configuracion",
    "EventoFila",
    "CiudadanoFila",
    "Dependencia",
    "Comuna",
    "Cierre",
    "Usuario",
    "Serie",
    "SolicitudFila",
]


class InstanteUTC(TypeDecorator[datetime]):
    """Un instante con zona, guardado como texto ISO en UTC (ordenable y sin ambigüedad)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("los instantes se guardan con zona horaria")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Configuracion(Base):
    """Ajustes del equipo (serie, entidad, plantilla...): clave y valor JSON."""

    __tablename__ = "configuracion"
    clave: Mapped[str] = mapped_column(String(64), primary_key=True)
    valor: Mapped[Any] = mapped_column(JSON)


class EventoFila(Base):
    __tablename__ = "eventos"
    __table_args__ = (UniqueConstraint("dispositivo", "seq", name="uq_eventos_dispositivo_seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dispositivo: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    usuario: Mapped[str] = mapped_column(String(64))
    ocurrido_en: Mapped[datetime] = mapped_column(InstanteUTC(), index=True)
    tipo: Mapped[str] = mapped_column(String(64), index=True)
    datos: Mapped[dict[str, Any]] = mapped_column(JSON)
    hash: Mapped[str] = mapped_column(String(64))
    solicitud_id: Mapped[str | None] = mapped_column(String(36), index=True)
    """Copia de `datos.solicitud_id` para leer la historia de una solicitud sin recorrer todo."""


class CiudadanoFila(Base):
    __tablename__ = "ciudadanos"
    __table_args__ = (UniqueConstraint("tipo_documento", "numero_documento", name="uq_ciudadanos_documento"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    tipo_documento: Mapped[str] = mapped_column(String(8))
    numero_documento: Mapped[str | None] = mapped_column(String(20))
    nombres: Mapped[str] = mapped_column(String(120))
    apellidos: Mapped[str] = mapped_column(String(120), default="")
    telefono: Mapped[str] = mapped_column(String(20), default="")
    correo: Mapped[str] = mapped_column(String(120), default="")
    direccion: Mapped[str] = mapped_column(String(200), default="")
    comuna: Mapped[str] = mapped_column(String(60), default="")
    caracterizacion: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    autorizaciones: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    actualizado_en: Mapped[datetime] = mapped_column(InstanteUTC())

    @property
    def nombre_completo(self) -> str:
        return " ".join(p for p in (self.nombres, self.apellidos) if p)


class Dependencia(Base):
    __tablename__ = "dependencias"
    codigo: Mapped[str] = mapped_column(String(16), primary_key=True)
    nombre: Mapped[str] = mapped_column(String(120))
    nombre_largo: Mapped[str] = mapped_column(String(200), default="")
    activa: Mapped[bool] = mapped_column(Boolean, default=True)


class Comuna(Base):
    __tablename__ = "comunas"
    codigo: Mapped[str] = mapped_column(String(16), primary_key=True)
    nombre: Mapped[str] = mapped_column(String(120))
    clase: Mapped[str] = mapped_column(String(16))
    """`comuna` (urbana) o `corregimiento` (rural)."""


class Cierre(Base):
    """Días que la entidad declara cerrados: no cuentan para los términos."""

    __tablename__ = "cierres"
    fecha: Mapped[date] = mapped_column(Date, primary_key=True)
    motivo: Mapped[str] = mapped_column(String(200), default="")


class Usuario(Base):
    __tablename__ = "usuarios"
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    nombre: Mapped[str] = mapped_column(String(120))
    roles: Mapped[list[Any]] = mapped_column(JSON)
    clave_hash: Mapped[str | None] = mapped_column(String(200))
    activo: Mapped[bool] = mapped_column(Boolean, default=True)


class Serie(Base):
    """El último consecutivo emitido de cada serie en cada año (modelo de lectura)."""

    __tablename__ = "series"
    serie: Mapped[str] = mapped_column(String(16), primary_key=True)
    anio: Mapped[int] = mapped_column(Integer, primary_key=True)
    ultimo: Mapped[int] = mapped_column(Integer)


class SolicitudFila(Base):
    """El estado actual de cada solicitud (modelo de lectura, reconstruible desde los eventos)."""

    __tablename__ = "solicitudes"

    fila: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    radicado: Mapped[str] = mapped_column(String(40), unique=True)
    serie: Mapped[str] = mapped_column(String(16))
    anio: Mapped[int] = mapped_column(Integer)
    consecutivo: Mapped[int] = mapped_column(Integer)
    tipo: Mapped[str] = mapped_column(String(32), index=True)
    canal: Mapped[str] = mapped_column(String(32))
    asunto: Mapped[str] = mapped_column(String(300))
    descripcion: Mapped[str] = mapped_column(Text, default="")
    dependencia: Mapped[str] = mapped_column(String(16), index=True)
    folios: Mapped[int] = mapped_column(Integer, default=0)
    anexos: Mapped[list[Any]] = mapped_column(JSON)
    ciudadano_id: Mapped[str | None] = mapped_column(ForeignKey("ciudadanos.id"), index=True)
    recibido_en: Mapped[datetime] = mapped_column(InstanteUTC(), index=True)
    fecha_recibo: Mapped[date] = mapped_column(Date)
    radicado_en: Mapped[datetime] = mapped_column(InstanteUTC())
    vence_inicial: Mapped[date | None] = mapped_column(Date)
    vence_el: Mapped[date | None] = mapped_column(Date, index=True)
    estado: Mapped[str] = mapped_column(String(16), index=True)
    estado_previo: Mapped[str | None] = mapped_column(String(16))
    ampliada: Mapped[bool] = mapped_column(Boolean, default=False)
    requerimiento_el: Mapped[date | None] = mapped_column(Date)
    respondida_el: Mapped[date | None] = mapped_column(Date)
    cerrada_el: Mapped[date | None] = mapped_column(Date)
    trasladada_a: Mapped[str | None] = mapped_column(String(200))
    trasladada_el: Mapped[date | None] = mapped_column(Date)
    anulacion_pendiente: Mapped[str | None] = mapped_column(Text)
    anulacion_solicitante: Mapped[str | None] = mapped_column(String(64))
    verbal: Mapped[bool] = mapped_column(Boolean, default=False)
    prioritaria: Mapped[bool] = mapped_column(Boolean, default=False)
    preferencial: Mapped[str] = mapped_column(String(32), default="")
    usuario: Mapped[str] = mapped_column(String(64))
    dispositivo: Mapped[str] = mapped_column(String(36))
