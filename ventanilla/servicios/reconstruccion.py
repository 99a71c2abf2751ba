"""Reconstruir los modelos de lectura desde el registro de eventos y decir si algo difería.

Es la prueba de fuego de la idea central: el estado actual es una proyección de los eventos.
Se hace en una sola transacción; si los modelos ya coincidían, el resultado lo dice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.proyeccion import proyectar_todos, tablas_proyectadas
from ventanilla.datos.registro import todos_los_eventos

__all__ = ["Reconstruccion", "reconstruir", "instantanea"]

_TANDA = 5000


@dataclass(frozen=True)
class Reconstruccion:
    eventos: int
    diferencias: dict[str, list[str]] = field(default_factory=dict)
    """Por tabla, las filas que cambiaron (como texto), si las hubo."""

    @property
    def coincide(self) -> bool:
        return not self.diferencias


def instantanea(sesion: Session, tabla: str) -> set[tuple[object, ...]]:
    """Todas las filas de una tabla, sin la columna técnica `fila` (un autoincremento)."""
    resultado = sesion.execute(text(f"SELECT * FROM {tabla}"))  # noqa: S608 (nombres de tablas propias)
    columnas = list(resultado.keys())
    quitar = [i for i, c in enumerate(columnas) if c == "fila"]
    return {tuple(v for i, v in enumerate(fila) if i not in quitar) for fila in resultado}


def reconstruir(almacen: Almacen) -> Reconstruccion:
    tablas = [t for t in tablas_proyectadas() if t != "busqueda"]
    with almacen.escribir() as sesion:
        antes = {t: instantanea(sesion, t) for t in tablas}
        for tabla in tablas_proyectadas():
            sesion.execute(text(f"DELETE FROM {tabla}"))  # noqa: S608
        eventos = list(todos_los_eventos(sesion))
        # En tandas: proyectar un millón de radicaciones de una vez armaría un millón de filas en memoria.
        for inicio in range(0, len(eventos), _TANDA):
            proyectar_todos(sesion, eventos[inicio : inicio + _TANDA])
        cuenta = len(eventos)
        sesion.flush()
        diferencias: dict[str, list[str]] = {}
        for tabla in tablas:
            despues = instantanea(sesion, tabla)
            distintas = antes[tabla] ^ despues
            if distintas:
                diferencias[tabla] = sorted(repr(f) for f in distintas)[:50]
    return Reconstruccion(eventos=cuenta, diferencias=diferencias)
