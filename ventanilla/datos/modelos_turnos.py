"""Tablas de lectura de los turnos: cada turno con sus instantes, y los radicados que produjo.

Las llena el proyector de `datos/proyecciones/turnos.py` a partir de los eventos `turno.*`, y
`reconstruir` puede rehacerlas. Sirven a las consultas y a los indicadores (espera, caminata,
atención, no presentados, nivel de servicio); la cola viva se reconstruye de los eventos.
Sin llaves foráneas, como el resto de las proyecciones: un evento sincronizado nunca se rechaza.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ventanilla.datos.modelos import Base, InstanteUTC

__all__ = ["TurnoFila", "TurnoSolicitud"]


class TurnoFila(Base):
    __tablename__ = "turnos"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    codigo: Mapped[str] = mapped_column(String(8))
    servicio: Mapped[str] = mapped_column(String(32), index=True)
    numero: Mapped[int] = mapped_column(Integer)
    jornada: Mapped[str] = mapped_column(String(64), index=True)
    preferencial: Mapped[str | None] = mapped_column(String(32))
    ciudadano_id: Mapped[str | None] = mapped_column(String(36))
    dispositivo: Mapped[str] = mapped_column(String(36))
    estado: Mapped[str] = mapped_column(String(16), index=True)
    ventanilla: Mapped[int | None] = mapped_column(Integer)
    llamadas: Mapped[int] = mapped_column(Integer, default=0)
    servicio_prestado: Mapped[str | None] = mapped_column(String(32))
    emitido_en: Mapped[datetime] = mapped_column(InstanteUTC(), index=True)
    llamado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
    iniciado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())
    terminado_en: Mapped[datetime | None] = mapped_column(InstanteUTC())


class TurnoSolicitud(Base):
    """Un radicado hecho mientras se atendía un turno."""

    __tablename__ = "turno_solicitudes"

    turno_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    solicitud_id: Mapped[str] = mapped_column(String(36), primary_key=True)
