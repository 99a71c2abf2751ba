"""El registro de eventos: anotar un evento (con su `seq` y su hash encadenado) y leerlos.

Anotar y proyectar van juntos, en la misma transacción que el cambio que el evento causa:
si algo falla, no queda ni el evento ni su efecto.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ventanilla.datos import proyecciones  # noqa: F401  (registra los proyectores)
from ventanilla.datos.insercion import insertar_filas
from ventanilla.datos.modelos import EventoFila
from ventanilla.datos.proyeccion import proyectar_todos
from ventanilla.dominio.eventos import HASH_INICIAL, Evento, nuevo_id, validar_datos

__all__ = ["COLUMNAS_EVENTO", "a_evento", "anotar", "eventos_de_solicitud", "incorporar", "incorporar_todos", "todos_los_eventos", "ultimo_de"]


_ULTIMOS = "ventanilla_ultimo_por_dispositivo"


def ultimo_de(sesion: Session, dispositivo: str) -> tuple[int, str]:
    """El `seq` y el hash del último evento de un dispositivo (0 y el hash inicial si no hay).

    Dentro de una transacción de escritura nadie más anota, así que se recuerda en la sesión.
    """
    recordado = sesion.info.get(_ULTIMOS, {}).get(dispositivo)
    if recordado is not None:
        return recordado  # type: ignore[no-any-return]
    fila = sesion.execute(
        select(EventoFila.seq, EventoFila.hash)
        .where(EventoFila.dispositivo == dispositivo)
        .order_by(EventoFila.seq.desc())
        .limit(1)
    ).first()
    ultimo = (fila[0], fila[1]) if fila else (0, HASH_INICIAL)
    sesion.info.setdefault(_ULTIMOS, {})[dispositivo] = ultimo
    return ultimo


def anotar(
    sesion: Session,
    *,
    dispositivo: str,
    usuario: str,
    tipo: str,
    datos: Mapping[str, Any],
    ahora: datetime | None = None,
) -> Evento:
    """Anota un evento nuevo de este dispositivo y aplica su efecto a los modelos de lectura."""
    validar_datos(tipo, datos)
    seq, anterior = ultimo_de(sesion, dispositivo)
    ocurrido_en = (ahora or datetime.now(UTC)).astimezone(UTC)
    sin_hash = Evento(
        id=nuevo_id(),
        dispositivo=dispositivo,
        seq=seq + 1,
        usuario=usuario,
        ocurrido_en=ocurrido_en,
        tipo=tipo,
        datos=dict(datos),
    )
    evento = replace(sin_hash, hash=sin_hash.hash_esperado(anterior))
    incorporar(sesion, evento)
    return evento


_EVENTOS = cast(Table, EventoFila.__table__)


def incorporar(sesion: Session, evento: Evento) -> None:
    """Guarda un evento ya formado (propio o recibido de otro equipo) y lo proyecta."""
    incorporar_todos(sesion, (evento,))


def incorporar_todos(sesion: Session, eventos: Sequence[Evento]) -> None:
    """Guarda varios eventos ya formados con un solo INSERT de muchas filas y los proyecta en orden.

    Sin la unidad de trabajo del ORM: al recibir miles de eventos de otros equipos, una sentencia
    (y un vaciado de la sesión) por evento costaba la mayor parte del tiempo (ver `insercion`).
    """
    if not eventos:
        return
    insertar_filas(
        sesion,
        _EVENTOS,
        [
            {
                "id": evento.id,
                "dispositivo": evento.dispositivo,
                "seq": evento.seq,
                "usuario": evento.usuario,
                "ocurrido_en": evento.ocurrido_en,
                "tipo": evento.tipo,
                "datos": dict(evento.datos),
                "hash": evento.hash,
                "solicitud_id": evento.datos.get("solicitud_id"),
            }
            for evento in eventos
        ],
    )
    ultimos = sesion.info.get(_ULTIMOS, {})
    for evento in eventos:
        if evento.dispositivo in ultimos and evento.seq > ultimos[evento.dispositivo][0]:
            ultimos[evento.dispositivo] = (evento.seq, evento.hash)
    proyectar_todos(sesion, eventos)


def a_evento(fila: EventoFila) -> Evento:
    return Evento(
        id=fila.id,
        dispositivo=fila.dispositivo,
        seq=fila.seq,
        usuario=fila.usuario,
        ocurrido_en=fila.ocurrido_en,
        tipo=fila.tipo,
        datos=fila.datos,
        hash=fila.hash,
    )


def eventos_de_solicitud(sesion: Session, solicitud_id: str) -> list[Evento]:
    filas = sesion.scalars(
        select(EventoFila).where(EventoFila.solicitud_id == solicitud_id).order_by(EventoFila.ocurrido_en, EventoFila.id)
    )
    return [a_evento(f) for f in filas]


COLUMNAS_EVENTO = (
    EventoFila.id, EventoFila.dispositivo, EventoFila.seq, EventoFila.usuario, EventoFila.ocurrido_en,
    EventoFila.tipo, EventoFila.datos, EventoFila.hash,
)
"""Las columnas de un `Evento`: leerlas como tuplas evita los objetos del ORM cuando son miles."""


def todos_los_eventos(sesion: Session, lote: int = 2000) -> Iterator[Evento]:
    """Todos los eventos en el orden en que ocurrieron (el de reconstruir)."""
    consulta = (
        select(*COLUMNAS_EVENTO).order_by(EventoFila.ocurrido_en, EventoFila.id).execution_options(yield_per=lote)
    )
    for fila in sesion.execute(consulta):
        yield Evento(**fila._mapping)
