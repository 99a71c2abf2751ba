"""Tablas de lectura de las jornadas de brigada, las encuestas y los compromisos.

Todas las llenan los proyectores de `datos/proyecciones/jornadas.py` a partir de los eventos, y
`reconstruir` puede rehacerlas. No llevan llaves foráneas: en la sincronización un evento puede
llegar antes que el registro del ciudadano o que la jornada que nombra, y una proyección nunca
debe rechazar un evento que ya es verdad.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ventanilla.datos.modelos import Base, InstanteUTC

__all__ = ["AsistenciaFila", "CompromisoFila", "CuestionarioFila", "EncuestaFila", "JornadaFila", "JornadaSolicitud"]


class JornadaFila(Base):
    __tablename__ = "jornadas"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    nombre: Mapped[str] = mapped_column(String(200))
    fecha: Mapped[date] = mapped_column(Date, index=True)
    lugar: Mapped[str] = mapped_column(String(200))
    comuna: Mapped[str] = mapped_column(String(16))
    dependencias: Mapped[list[Any]] = mapped_column(JSON)
    servicios: Mapped[list[Any]] = mapped_column(JSON)
    equipo: Mapped[list[Any]] = mapped_column(JSON)
    portatiles: Mapped[int] = mapped_column(Integer)
    estado: Mapped[str] = mapped_column(String(16))
    chequeo: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    programada_en: Mapped[datetime] = mapped_column(InstanteUTC())
    programada_por: Mapped[str] = mapped_column(String(64))
    preparada_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
    abierta_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
    cerrada_en: Mapped[datetime | None] = mapped_column(InstanteUTC())


class AsistenciaFila(Base):
    """Una persona en la lista de asistencia de una jornada (una vez por jornada)."""

    __tablename__ = "asistencias"
    __table_args__ = (UniqueConstraint("jornada_id", "ciudadano_id", name="uq_asistencias_jornada_ciudadano"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    jornada_id: Mapped[str] = mapped_column(String(36), index=True)
    ciudadano_id: Mapped[str] = mapped_column(String(36), index=True)
    servicio: Mapped[str] = mapped_column(String(32))
    dependencia: Mapped[str] = mapped_column(String(16))
    origen: Mapped[str] = mapped_column(String(16))
    referencia: Mapped[str | None] = mapped_column(String(36))
    """El turno o la solicitud que originó el registro, si lo hubo."""
    aviso_privacidad: Mapped[bool] = mapped_column(Boolean)
    registrada_en: Mapped[datetime] = mapped_column(InstanteUTC())
    usuario: Mapped[str] = mapped_column(String(64))
    dispositivo: Mapped[str] = mapped_column(String(36))


class JornadaSolicitud(Base):
    """Las solicitudes radicadas en una jornada (también las anónimas)."""

    __tablename__ = "jornada_solicitudes"

    jornada_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    solicitud_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class CuestionarioFila(Base):
    """Las versiones del cuestionario de satisfacción que publicó el servidor."""

    __tablename__ = "cuestionarios"

    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    contenido: Mapped[dict[str, Any]] = mapped_column(JSON)
    publicado_en: Mapped[datetime] = mapped_column(InstanteUTC())


class EncuestaFila(Base):
    """Una encuesta respondida: anónima, atada a la atención (turno, radicado o jornada)."""

    __tablename__ = "encuestas"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    jornada_id: Mapped[str | None] = mapped_column(String(36), index=True)
    version: Mapped[str] = mapped_column(String(32))
    atencion: Mapped[str] = mapped_column(String(16))
    atencion_id: Mapped[str | None] = mapped_column(String(36))
    respuestas: Mapped[dict[str, Any]] = mapped_column(JSON)
    medio: Mapped[str] = mapped_column(String(16))
    respondida_en: Mapped[datetime] = mapped_column(InstanteUTC(), index=True)


class CompromisoFila(Base):
    __tablename__ = "compromisos"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    jornada_id: Mapped[str] = mapped_column(String(36), index=True)
    descripcion: Mapped[str] = mapped_column(Text)
    dependencia: Mapped[str] = mapped_column(String(16))
    vence_el: Mapped[date] = mapped_column(Date)
    estado: Mapped[str] = mapped_column(String(16))
    nota: Mapped[str] = mapped_column(Text, default="")
    adquirido_en: Mapped[datetime] = mapped_column(InstanteUTC())
    actualizado_en: Mapped[datetime] = mapped_column(InstanteUTC())
    """El instante del último evento aplicado: uno más viejo que llegue tarde no lo pisa."""
    actualizado_el: Mapped[date | None] = mapped_column(Date)
