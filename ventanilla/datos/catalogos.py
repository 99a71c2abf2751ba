"""Lecturas de los catálogos (dependencias, comunas) que usan varios casos de uso."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.modelos import Comuna, Dependencia

__all__ = ["dependencias_activas", "comunas"]


def dependencias_activas(sesion: Session) -> dict[str, str]:
    """{código: nombre} de las dependencias activas, por nombre."""
    filas = sesion.execute(
        select(Dependencia.codigo, Dependencia.nombre).where(Dependencia.activa).order_by(Dependencia.nombre)
    )
    return {codigo: nombre for codigo, nombre in filas}


def comunas(sesion: Session) -> list[Comuna]:
    return list(sesion.scalars(select(Comuna).order_by(Comuna.clase, Comuna.codigo)))
