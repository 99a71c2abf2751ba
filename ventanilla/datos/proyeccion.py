"""El registro de proyectores: qué le hace cada tipo de evento a los modelos de lectura.

Cada área registra sus proyectores y las tablas que ellos llenan (en `datos/proyecciones/`).
`reconstruir` vacía esas tablas y vuelve a pasar todos los eventos por aquí; por eso un proyector
solo puede depender del evento y de lo que los eventos anteriores dejaron, nunca del reloj.

Un tipo muy frecuente puede tener en cambio un proyector *en bloque*, que recibe de una vez un
tramo de eventos seguidos de ese tipo: al recibir miles de radicaciones de otros equipos, o al
reconstruir, el costo por sentencia SQL pesaba más que el trabajo. El resultado debe ser el mismo
que proyectarlos uno por uno, y un evento solo es un tramo de uno.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from typing import TypeVar

from sqlalchemy.orm import Session

from ventanilla.dominio.eventos import Evento

__all__ = [
    "Proyector",
    "ProyectorEnBloque",
    "proyector",
    "proyector_en_bloque",
    "tabla_proyectada",
    "proyectar",
    "proyectar_todos",
    "tablas_proyectadas",
]

Proyector = Callable[[Session, Evento], None]
ProyectorEnBloque = Callable[[Session, Sequence[Evento]], None]
F = TypeVar("F", bound=Proyector)
B = TypeVar("B", bound=ProyectorEnBloque)

_PROYECTORES: dict[str, list[Proyector]] = {}
_EN_BLOQUE: dict[str, ProyectorEnBloque] = {}
_TABLAS: list[str] = []


def proyector(*tipos: str) -> Callable[[F], F]:
    """Decorador: la función proyecta los eventos de estos tipos, uno por uno."""

    def registrar(funcion: F) -> F:
        for tipo in tipos:
            if tipo in _EN_BLOQUE:
                raise ValueError(f"«{tipo}» ya tiene un proyector en bloque: es el único de su tipo.")
            _PROYECTORES.setdefault(tipo, []).append(funcion)
        return funcion

    return registrar


def proyector_en_bloque(tipo: str) -> Callable[[B], B]:
    """Decorador: la función proyecta de una vez una secuencia de eventos seguidos de este tipo."""

    def registrar(funcion: B) -> B:
        if tipo in _PROYECTORES or tipo in _EN_BLOQUE:
            raise ValueError(f"«{tipo}» ya tiene proyector: un proyector en bloque es el único de su tipo.")
        _EN_BLOQUE[tipo] = funcion
        return funcion

    return registrar


def tabla_proyectada(*tablas: str) -> None:
    """Declara tablas que solo los proyectores escriben (se vacían al reconstruir, en este orden)."""
    for tabla in tablas:
        if tabla not in _TABLAS:
            _TABLAS.append(tabla)


def proyectar(sesion: Session, evento: Evento) -> None:
    proyectar_todos(sesion, (evento,))


def proyectar_todos(sesion: Session, eventos: Sequence[Evento]) -> None:
    """Proyecta los eventos en su orden; cada tramo seguido de un tipo en bloque va de una vez."""
    for tipo, tramo in groupby(eventos, key=lambda evento: evento.tipo):
        en_bloque = _EN_BLOQUE.get(tipo)
        if en_bloque is not None:
            en_bloque(sesion, list(tramo))
            continue
        funciones = _PROYECTORES.get(tipo, ())
        for evento in tramo:
            for funcion in funciones:
                funcion(sesion, evento)


def tablas_proyectadas() -> tuple[str, ...]:
    return tuple(_TABLAS)
