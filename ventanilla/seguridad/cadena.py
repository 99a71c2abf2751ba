"""Verificar la cadena de eventos: nombrar el primer evento alterado, faltante o reordenado.

Cada evento lleva el hash de su contenido y del hash del anterior del mismo dispositivo
(`dominio.eventos`). Se recorre cada dispositivo por `seq`:
- un salto de `seq` es un evento **faltante** (borrado);
- un hash que no cuadra con el contenido y el anterior es un evento **alterado**... salvo que
  el evento cuadre consigo mismo en otra posición cercana: entonces está **reordenado**.
Quien altera un evento y rehace su hash rompe al siguiente; por eso cada problema nombra también
al evento anterior como sospechoso. Tras el primer problema de un dispositivo no se sigue: todo
lo que viene detrás ya no cuadra.

Borrar los últimos eventos no deja salto: por eso también se comprueba que cada solicitud
radicada en este equipo conserve su evento de radicación.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila
from ventanilla.datos.registro import a_evento
from ventanilla.dominio.eventos import HASH_INICIAL, Evento

__all__ = ["ALTERADO", "FALTANTE", "REORDENADO", "SIN_EVENTO", "Informe", "Problema", "verificar_cadena"]

ALTERADO = "alterado"
FALTANTE = "faltante"
REORDENADO = "reordenado"
SIN_EVENTO = "sin_evento"
_VENTANA = 50


@dataclass(frozen=True)
class Problema:
    tipo: str
    dispositivo: str
    seq: int | None
    evento_id: str | None
    detalle: str
    sospechoso_anterior: str | None = None

    def como_json(self) -> dict[str, Any]:
        return {
            "tipo": self.tipo,
            "dispositivo": self.dispositivo,
            "seq": self.seq,
            "evento_id": self.evento_id,
            "detalle": self.detalle,
            "sospechoso_anterior": self.sospechoso_anterior,
        }


@dataclass(frozen=True)
class Informe:
    eventos_revisados: int = 0
    dispositivos: int = 0
    problemas: tuple[Problema, ...] = field(default_factory=tuple)

    @property
    def integro(self) -> bool:
        return not self.problemas

    @property
    def primero(self) -> Problema | None:
        return self.problemas[0] if self.problemas else None

    def como_json(self) -> dict[str, Any]:
        return {
            "integro": self.integro,
            "eventos_revisados": self.eventos_revisados,
            "dispositivos": self.dispositivos,
            "problemas": [p.como_json() for p in self.problemas],
        }


def _ventana(sesion: Session, dispositivo: str, seq: int) -> list[Evento]:
    filas = sesion.scalars(
        select(EventoFila)
        .where(EventoFila.dispositivo == dispositivo, EventoFila.seq.between(seq - _VENTANA, seq + _VENTANA))
        .order_by(EventoFila.seq)
    )
    return [a_evento(f) for f in filas]


def _cuadra_en_otra_posicion(evento: Evento, vecinos: list[Evento]) -> bool:
    """¿El evento está intacto pero en otro lugar? (cuadra con otro `seq` tras otro vecino)."""
    anteriores = [HASH_INICIAL] + [v.hash for v in vecinos if v.id != evento.id]
    posiciones = {v.seq for v in vecinos} | {evento.seq + d for d in range(-_VENTANA, _VENTANA + 1)}
    for seq in posiciones:
        if seq < 1 or seq == evento.seq:
            continue
        movido = replace(evento, seq=seq)
        if any(movido.hash_esperado(h) == evento.hash for h in anteriores):
            return True
    return False


def _diagnosticar(sesion: Session, evento: Evento, anterior: Evento | None) -> Problema:
    sospechoso = anterior.id if anterior else None
    if _cuadra_en_otra_posicion(evento, _ventana(sesion, evento.dispositivo, evento.seq)):
        return Problema(
            REORDENADO, evento.dispositivo, evento.seq, evento.id,
            f"El evento {evento.id} ({evento.tipo}) está intacto pero fuera de su lugar en la cadena "
            f"(aparece con seq {evento.seq}).",
            sospechoso,
        )
    return Problema(
        ALTERADO, evento.dispositivo, evento.seq, evento.id,
        f"El evento {evento.id} ({evento.tipo}, seq {evento.seq}) no cuadra con su hash: fue alterado"
        + (f", o lo fue el anterior ({sospechoso}) y se rehízo su hash." if sospechoso else "."),
        sospechoso,
    )


def _verificar_dispositivo(sesion: Session, dispositivo: str, propio: bool) -> tuple[Problema | None, int]:
    """El primer problema de la cadena del dispositivo (o None) y cuántos eventos se revisaron."""
    consulta = (
        select(EventoFila)
        .where(EventoFila.dispositivo == dispositivo)
        .order_by(EventoFila.seq)
        .execution_options(yield_per=2000)
    )
    anterior: Evento | None = None
    hash_anterior = HASH_INICIAL
    esperado: int | None = 1 if propio else None
    revisados = 0
    for evento in map(a_evento, sesion.scalars(consulta)):
        revisados += 1
        if esperado is None:
            esperado = evento.seq
        if evento.seq != esperado:
            faltan = f"{esperado}" if evento.seq == esperado + 1 else f"{esperado} a {evento.seq - 1}"
            return Problema(
                FALTANTE, evento.dispositivo, esperado, evento.id,
                f"Faltan eventos del dispositivo {evento.dispositivo} (seq {faltan}): fueron borrados "
                f"antes del evento {evento.id}"
                + (f" y después del evento {anterior.id}." if anterior else "."),
                anterior.id if anterior else None,
            ), revisados
        confiar_en_el_primero = anterior is None and not propio and evento.seq > 1
        if not confiar_en_el_primero and evento.hash != evento.hash_esperado(hash_anterior):
            return _diagnosticar(sesion, evento, anterior), revisados
        anterior, hash_anterior, esperado = evento, evento.hash, esperado + 1
    return None, revisados


def _solicitudes_sin_radicacion(sesion: Session, dispositivo: str) -> list[Problema]:
    filas = sesion.execute(
        text(
            "SELECT s.id, s.radicado FROM solicitudes s WHERE s.dispositivo = :d AND NOT EXISTS "
            "(SELECT 1 FROM eventos e WHERE e.solicitud_id = s.id AND e.tipo = 'solicitud.radicada') "
            "ORDER BY s.fila"
        ),
        {"d": dispositivo},
    )
    return [
        Problema(
            SIN_EVENTO, dispositivo, None, None,
            f"La solicitud {radicado} (id {solicitud_id}) no tiene su evento de radicación: fue borrado.",
        )
        for solicitud_id, radicado in filas
    ]


def verificar_cadena(almacen: Almacen) -> Informe:
    """Revisa la cadena de cada dispositivo en el almacén y devuelve el informe."""
    propio = almacen.ajustes.dispositivo
    problemas: list[Problema] = []
    revisados = 0
    dispositivos = 0
    with almacen.leer() as sesion:
        nombres = list(sesion.scalars(select(EventoFila.dispositivo).distinct().order_by(EventoFila.dispositivo)))
        for dispositivo in nombres:
            dispositivos += 1
            problema, cuantos = _verificar_dispositivo(sesion, dispositivo, dispositivo == propio)
            revisados += cuantos
            if problema:
                problemas.append(problema)
        problemas.extend(_solicitudes_sin_radicacion(sesion, propio))
    return Informe(revisados, dispositivos, tuple(problemas))
