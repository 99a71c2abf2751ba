"""Insertar miles de filas de una vez, con los mismos conversores de tipo que usa SQLAlchemy.

Al recibir de otros equipos o al reconstruir, el INSERT de muchas filas de SQLAlchemy arma un
diccionario de parámetros por fila y pasa cada valor por su maquinaria genérica: eso costaba más
que la escritura misma en SQLite. Aquí los conversores de cada columna (fechas, instantes, JSON,
booleanos) se piden una vez y las filas van como tuplas al `executemany` del driver.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

__all__ = ["insertar_filas"]


def insertar_filas(sesion: Session, tabla: Table, filas: Sequence[Mapping[str, Any]]) -> None:
    """Inserta las filas (todas con las mismas claves, nombres de columna) en la transacción de `sesion`."""
    if not filas:
        return
    conexion = sesion.connection()
    columnas = [c for c in tabla.columns if c.name in filas[0]]
    nombres = [c.name for c in columnas]
    conversores = [c.type.bind_processor(conexion.dialect) for c in columnas]
    sql = (
        f"INSERT INTO {tabla.name} ({', '.join(nombres)}) VALUES ({', '.join('?' * len(nombres))})"
    )
    conexion.exec_driver_sql(
        sql,
        [
            tuple(
                valor if conversor is None else conversor(valor)
                for conversor, valor in zip(conversores, (fila[n] for n in nombres), strict=True)
            )
            for fila in filas
        ],
    )
