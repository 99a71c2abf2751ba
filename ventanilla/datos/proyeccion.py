"""El registro de proyectores: qué le hace cada tipo de evento a los modelos de lectura.

Cada área registra sus proyectores y las tablas que ellos llenan (en `datos/proyecciones/`).
`reconstruir` vacía esas tablas y vuelve a pasar todos los eventos por aquí; por eso un proyector
solo puede depender del evento y de lo que los eventos anteriores dejaron, nunca del reloj.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from ventanilla.dominio.eventos import Evento

__all__ = ["Proyector", "proyector", "tabla_proyectada", "proyectar", "tablas_proyectadas"]

Proyector = Callable[[Session, Evento], None]
F = TypeVar("F", bound=Proyector)

_PROYECTORES: dict[str, list[Proyector]] = {}
_TABLAS: list[str] = []


def proyector(*tipos: str) -> Callable[[F], F]:
    """Decorador: la función proyecta los eventos de estos tipos."""

    def registrar(funcion: F) -> F:
        for tipo in tipos:
            _PROYECTORES.setdefault(tipo, []).append(funcion)
        return funcion

    return registrar


def tabla_proyectada(*tablas: str) -> None:
    """Declara tablas que solo los proyectores escriben (se vacían al reconstruir, en este orden)."""
    for tabla in tablas:
        if tabla not in _TABLAS:
            _TABLAS.append(tabla)


def proyectar(sesion: Session, evento: Evento) -> None:
    for funcion in _PROYECTORES.get(evento.tipo, ()):
        funcion(sesion, evento)


def tablas_proyectadas() -> tuple[str, ...]:
    return tuple(_TABLAS)
