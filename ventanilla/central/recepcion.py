"""Recibir un lote de eventos de un equipo: idempotente, en orden y con la cadena verificada.

Las garantías (docs/sync.md):
- el mismo evento otra vez (mismo id, mismo hash) es un éxito que no guarda nada;
- el mismo id o el mismo `seq` con otro contenido es un 409, y queda una revisión;
- un hueco en los `seq` o un hash que no encadena con el anterior del equipo es un 409 con revisión;
- un equipo solo envía sus propios eventos, y solo radica en las series que son suyas;
- el lote entra entero o no entra: si algo se rechaza, nada del lote queda guardado.
Las restricciones UNIQUE de la base (id; dispositivo+seq; radicado) son la última palabra, no una
comprobación previa: dos envíos simultáneos del mismo lote no pueden duplicar nada.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ventanilla.central.bd import Central, ahora_iso, avanzar, en_lista, insertar_filas
from ventanilla.central.tablas import (
    ciudadanos,
    dispositivos,
    eventos,
    radicados,
    revisiones,
    series,
)
from ventanilla.dominio.eventos import EventoInvalido, calcular_hash, canonico, validar_datos
from ventanilla.dominio.terminos import EstadoSolicitud

__all__ = ["EventoRecibido", "Rechazo", "anotar_revision", "recibir_lote"]


@dataclass(frozen=True)
class EventoRecibido:
    id: str
    dispositivo: str
    seq: int
    usuario: str
    ocurrido_en: datetime
    tipo: str
    datos: dict[str, Any]
    hash: str


class Rechazo(Exception):
    """El servidor dice que no: `estado` HTTP, mensaje en español y, si hace falta, una revisión."""

    def __init__(self, estado: int, mensaje: str, *, revision: tuple[str, str] | None = None) -> None:
        super().__init__(mensaje)
        self.estado = estado
        self.mensaje = mensaje
        self.revision = revision


_ESTADOS = {
    "solicitud.asignada": EstadoSolicitud.ASIGNADA,
    "solicitud.trasladada": EstadoSolicitud.TRASLADADA,
    "solicitud.incompleta": EstadoSolicitud.INCOMPLETA,
    "solicitud.respondida": EstadoSolicitud.RESPONDIDA,
    "solicitud.cerrada": EstadoSolicitud.CERRADA,
    "solicitud.desistida": EstadoSolicitud.DESISTIDA,
    "anulacion.aprobada": EstadoSolicitud.ANULADA,
}


def anotar_revision(central: Central, tipo: str, referencia: str, dispositivo: str, detalle: str) -> None:
    with central.escribir() as conexion:
        conexion.execute(
            insert(revisiones).values(
                tipo=tipo, referencia=referencia[:64], dispositivo=dispositivo, detalle=detalle,
                creado_en=ahora_iso(), resuelta=False,
            )
        )


def _validar_forma(lote: list[EventoRecibido], equipo: str, propias: set[str]) -> None:
    vistos: set[int] = set()
    for evento in lote:
        if evento.dispositivo != equipo:
            raise Rechazo(403, f"El evento {evento.id} es de otro equipo: cada equipo envía solo sus propios eventos.")
        if evento.seq in vistos:
            raise Rechazo(422, f"El lote trae dos eventos con el número de orden {evento.seq}.")
        vistos.add(evento.seq)
        try:
            validar_datos(evento.tipo, evento.datos)
        except EventoInvalido as error:
            raise Rechazo(422, f"Evento {evento.id}: {error}") from None
        if evento.tipo == "solicitud.radicada":
            serie = evento.datos.get("serie")
            if serie not in propias:
                raise Rechazo(
                    403,
                    f"El evento {evento.id} radica en la serie «{serie}», que no es de este equipo "
                    f"(las suyas: {', '.join(sorted(propias)) or 'ninguna'}). No se guardó nada.",
                )
            if not isinstance(evento.datos.get("radicado"), str) or not isinstance(evento.datos.get("solicitud_id"), str):
                raise Rechazo(422, f"El evento {evento.id} no trae radicado ni solicitud como textos.")


def _hash(anterior: str, evento: EventoRecibido) -> str:
    try:
        return calcular_hash(
            anterior, id=evento.id, dispositivo=evento.dispositivo, seq=evento.seq, usuario=evento.usuario,
            ocurrido_en=evento.ocurrido_en, tipo=evento.tipo, datos=evento.datos,
        )
    except (UnicodeError, ValueError, OverflowError, TypeError):
        raise Rechazo(422, f"El evento {evento.id} trae datos que no se pueden firmar (texto o fecha inválidos).") from None


def _instante(momento: datetime) -> str:
    return momento.astimezone(UTC).isoformat(timespec="microseconds")


def _huella(evento: EventoRecibido) -> tuple[object, ...]:
    """Todo el contenido de un evento tal como se guarda: dos envíos son el mismo si coinciden en todo."""
    try:
        return (evento.dispositivo, evento.seq, evento.usuario, _instante(evento.ocurrido_en), evento.tipo,
                canonico(evento.datos), evento.hash)
    except (UnicodeError, ValueError, OverflowError, TypeError):
        raise Rechazo(422, f"El evento {evento.id} trae datos que no se pueden guardar.") from None


def _proyectar_radicados(conexion: Connection, nuevos: list[EventoRecibido]) -> None:
    radicadas = [e for e in nuevos if e.tipo == "solicitud.radicada"]
    if radicadas:
        nombres = [e.datos["radicado"] for e in radicadas]
        repetido = conexion.scalar(select(radicados.c.radicado).where(en_lista(conexion, radicados.c.radicado, nombres)).limit(1))
        if repetido is not None or len(set(nombres)) != len(nombres):
            raise Rechazo(409, f"El radicado «{repetido or nombres[0]}» ya existe en la entidad: un radicado es único.")
        insertar_filas(
            conexion,
            radicados,
            [
                {
                    "radicado": e.datos["radicado"][:40],
                    "solicitud_id": e.datos["solicitud_id"][:36],
                    "estado": EstadoSolicitud.RADICADA.value,
                    "vence_el": str(e.datos.get("vence_el") or "")[:10] or None,
                }
                for e in radicadas
            ],
        )
    for evento in nuevos:
        solicitud = evento.datos.get("solicitud_id")
        if not isinstance(solicitud, str):
            continue
        cambios: dict[str, Any] = {}
        if evento.tipo in _ESTADOS:
            cambios["estado"] = _ESTADOS[evento.tipo].value
        if evento.tipo in ("solicitud.ampliada", "solicitud.completada"):
            cambios["vence_el"] = str(evento.datos.get("vence_el") or "")[:10] or None
            if evento.tipo == "solicitud.completada":
                cambios["estado"] = EstadoSolicitud.RADICADA.value
        if cambios:
            conexion.execute(update(radicados).where(radicados.c.solicitud_id == solicitud).values(**cambios))


def recibir_lote(central: Central, equipo: str, lote: list[EventoRecibido], desfase: float | None) -> dict[str, Any]:
    """Guarda los eventos nuevos del lote y devuelve el acuse; lanza `Rechazo` si algo no cuadra."""
    try:
        return _recibir(central, equipo, lote, desfase)
    except Rechazo as rechazo:
        if rechazo.revision is not None:
            anotar_revision(central, rechazo.revision[0], rechazo.revision[1], equipo, rechazo.mensaje)
        raise


def _recibir(central: Central, equipo: str, lote: list[EventoRecibido], desfase: float | None) -> dict[str, Any]:
    lote = sorted(lote, key=lambda e: e.seq)
    with central.leer() as conexion:
        propias = set(conexion.scalars(select(series.c.serie).where(series.c.dispositivo == equipo)))
    _validar_forma(lote, equipo, propias)
    ahora = ahora_iso()
    with central.escribir() as conexion:
        base = avanzar(conexion, "eventos", 0)
        fila = conexion.execute(
            select(dispositivos.c.ultimo_seq, dispositivos.c.ultimo_hash).where(dispositivos.c.id == equipo)
        ).one()
        ids = [e.id for e in lote]
        por_id = {
            f.id: (f.dispositivo, f.seq, f.usuario, f.ocurrido_en, f.tipo, f.datos, f.hash)
            for f in conexion.execute(
                select(
                    eventos.c.id, eventos.c.dispositivo, eventos.c.seq, eventos.c.usuario, eventos.c.ocurrido_en,
                    eventos.c.tipo, eventos.c.datos, eventos.c.hash,
                ).where(en_lista(conexion, eventos.c.id, ids))
            )
        }
        anterior, siguiente = fila.ultimo_hash, fila.ultimo_seq + 1
        nuevos: list[EventoRecibido] = []
        duplicados = 0
        for evento in lote:
            if evento.id in por_id:
                if por_id[evento.id] == _huella(evento):
                    duplicados += 1
                    continue
                raise Rechazo(
                    409, f"El evento {evento.id} ya fue recibido con otro contenido: no se reemplaza. Queda para revisión.",
                    revision=("evento_distinto", evento.id),
                )
            if evento.seq < siguiente:
                raise Rechazo(
                    409, f"El número de orden {evento.seq} de este equipo ya lo tiene otro evento: la historia del equipo "
                    "no coincide con la del servidor. Queda para revisión.",
                    revision=("seq_repetido", evento.id),
                )
            if evento.seq > siguiente:
                raise Rechazo(
                    409, f"Falta el evento número {siguiente} de este equipo antes del {evento.seq}: el servidor no acepta "
                    "huecos. Queda para revisión.",
                    revision=("hueco", evento.id),
                )
            if _hash(anterior, evento) != evento.hash:
                raise Rechazo(
                    409, f"La cadena de hashes se rompe en el evento {evento.seq} ({evento.id}): fue alterado o falta uno "
                    "anterior. Queda para revisión.",
                    revision=("cadena_rota", evento.id),
                )
            nuevos.append(evento)
            anterior, siguiente = evento.hash, siguiente + 1
        referidos = {e.datos["ciudadano_id"] for e in nuevos if isinstance(e.datos.get("ciudadano_id"), str)}
        if referidos:
            conocidos = set(conexion.scalars(select(ciudadanos.c.id).where(en_lista(conexion, ciudadanos.c.id, referidos))))
            if referidos - conocidos:
                raise Rechazo(409, "Los eventos nombran ciudadanos que el servidor aún no tiene: envíe antes los ciudadanos.")
        if nuevos:
            avanzar(conexion, "eventos", len(nuevos))
            insertar_filas(
                conexion,
                eventos,
                [
                    {
                        "posicion": base + numero,
                        "id": e.id,
                        "dispositivo": e.dispositivo,
                        "seq": e.seq,
                        "usuario": e.usuario,
                        "ocurrido_en": _instante(e.ocurrido_en),
                        "tipo": e.tipo,
                        "datos": canonico(e.datos),
                        "hash": e.hash,
                        "ciudadano_id": e.datos.get("ciudadano_id") if isinstance(e.datos.get("ciudadano_id"), str) else None,
                        "recibido_en": ahora,
                    }
                    for numero, e in enumerate(nuevos, start=1)
                ],
            )
            _proyectar_radicados(conexion, nuevos)
        cambios: dict[str, Any] = {"ultimo_sync": ahora, "ultimo_seq": siguiente - 1, "ultimo_hash": anterior}
        if desfase is not None:
            cambios["desfase_segundos"] = desfase
        conexion.execute(update(dispositivos).where(dispositivos.c.id == equipo).values(**cambios))
    return {"aceptados": len(nuevos), "duplicados": duplicados, "ultimo_seq": siguiente - 1, "ultimo_hash": anterior}

