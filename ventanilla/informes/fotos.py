"""La «foto» de cada solicitud en un instante de corte: su estado tal como lo dejaban los
eventos ocurridos hasta ese instante.

Un informe de un periodo pasado debe clasificar cada solicitud como estaba al final de ese
periodo, no como está hoy. La verdad es el registro de eventos; rehacer un millón de historias
en cada informe sería lento, así que hay dos caminos que dan lo mismo:
- la solicitud no tuvo ningún evento después del corte: su fila del modelo de lectura
  (`solicitudes`) ya es su estado al corte, y se lee tal cual;
- tuvo eventos después del corte (la respondieron, la ampliaron, la anularon...): se vuelve a
  plegar su historia con los eventos anteriores al corte (`plegar`), con las mismas reglas del
  proyector de solicitudes.
La radicación siempre cuenta, aunque se haya registrado después del corte: una carta recibida
en el periodo y radicada con su fecha de recibo real existía ya, abierta, en ese periodo.
Una prueba compara ambos caminos con el plegado completo para cortes al azar.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from ventanilla.informes.periodo import iso_utc

__all__ = ["ABIERTOS", "COLUMNAS", "Foto", "aplicar", "conexion_cruda", "en_rango", "fotos", "plegar", "replegar", "tocadas"]

ABIERTOS = ("radicada", "asignada", "incompleta")
"""Estados en que una solicitud sigue corriendo término (o esperando al ciudadano)."""

COLUMNAS = (
    "id, radicado, tipo, canal, dependencia, ciudadano_id, recibido_en, fecha_recibo, vence_el, "
    "estado, respondida_el, trasladada_el, trasladada_a, usuario, dispositivo"
)


class Foto(NamedTuple):
    """Una solicitud al corte. Fechas como texto ISO (AAAA-MM-DD); `recibido_en` en UTC."""

    id: str
    radicado: str
    tipo: str
    canal: str
    dependencia: str
    ciudadano_id: str | None
    recibido_en: str
    fecha_recibo: str
    vence_el: str | None
    estado: str
    respondida_el: str | None
    trasladada_el: str | None
    trasladada_a: str | None
    usuario: str
    dispositivo: str


def conexion_cruda(sesion: Session) -> sqlite3.Connection:
    """La conexión sqlite3 de la sesión (misma transacción), para leer filas sin el ORM."""
    crudo: Any = sesion.connection().connection.dbapi_connection
    return crudo  # type: ignore[no-any-return]


def aplicar(foto: dict[str, Any], previo: str | None, tipo: str, d: dict[str, Any]) -> str | None:
    """Aplica a `foto` un evento posterior a la radicación; devuelve el estado previo a una
    petición incompleta (al que vuelve cuando el ciudadano completa)."""
    if tipo == "solicitud.asignada":
        foto["dependencia"] = d["dependencia"]
        if foto["estado"] == "radicada":
            foto["estado"] = "asignada"
    elif tipo == "solicitud.trasladada":
        foto.update(estado="trasladada", trasladada_a=d["entidad_destino"], trasladada_el=d["fecha"])
    elif tipo == "solicitud.ampliada":
        foto["vence_el"] = d["vence_el"]
    elif tipo == "solicitud.incompleta":
        previo, foto["estado"] = foto["estado"], "incompleta"
    elif tipo == "solicitud.completada":
        foto.update(estado=previo or "radicada", vence_el=d["vence_el"])
        previo = None
    elif tipo == "solicitud.respondida":
        foto.update(estado="respondida", respondida_el=d["fecha"])
    elif tipo == "solicitud.cerrada":
        foto["estado"] = "cerrada"
    elif tipo == "solicitud.desistida":
        foto["estado"] = "desistida"
    elif tipo == "anulacion.aprobada":
        foto["estado"] = "anulada"
    return previo


def plegar(eventos: Iterable[tuple[str, dict[str, Any], str, str, str]]) -> Foto | None:
    """El estado de una solicitud tras aplicar sus eventos en orden (tipo, datos, ocurrido_en
    ISO UTC, usuario, dispositivo): las reglas de `datos/proyecciones/solicitudes.py`."""
    foto: dict[str, Any] | None = None
    previo: str | None = None
    for tipo, d, _ocurrido, usuario, dispositivo in eventos:
        if tipo == "solicitud.radicada":
            felicitacion = d["vence_el"] is None and d["tipo"] == "felicitacion"
            recibido = iso_utc(datetime.fromisoformat(d["recibido_en"]))
            foto = {
                "id": d["solicitud_id"], "radicado": d["radicado"], "tipo": d["tipo"], "canal": d["canal"],
                "dependencia": d["dependencia"], "ciudadano_id": d.get("ciudadano_id"),
                "recibido_en": recibido, "fecha_recibo": d.get("fecha_recibo") or recibido[:10],
                "vence_el": d["vence_el"], "estado": "cerrada" if felicitacion else "radicada",
                "respondida_el": None, "trasladada_el": None, "trasladada_a": None,
                "usuario": usuario, "dispositivo": dispositivo,
            }
        elif foto is not None:
            previo = aplicar(foto, previo, tipo, d)
    return Foto(**foto) if foto is not None else None


def tocadas(cx: sqlite3.Connection, corte: str) -> set[str]:
    """Las solicitudes con algún evento desde el corte (ISO UTC).

    Sin DISTINCT ni condición sobre `solicitud_id`: con ellas SQLite recorre el índice de
    `solicitud_id` (todo el registro) en lugar del de `ocurrido_en` (solo lo posterior al corte).
    """
    filas = cx.execute("SELECT solicitud_id FROM eventos WHERE ocurrido_en >= ?", (corte,))
    return {fila[0] for fila in filas if fila[0] is not None}


def replegar(cx: sqlite3.Connection, ids: list[str], corte: str) -> Iterator[Foto]:
    for i in range(0, len(ids), 500):
        lote = ids[i : i + 500]
        marcas = ",".join("?" * len(lote))
        filas = cx.execute(
            f"SELECT solicitud_id, tipo, datos, ocurrido_en, usuario, dispositivo FROM eventos "
            f"WHERE solicitud_id IN ({marcas}) ORDER BY solicitud_id, ocurrido_en, id",
            lote,
        )
        actual: str | None = None
        historia: list[tuple[str, dict[str, Any], str, str, str]] = []
        for sid, tipo, datos, ocurrido, usuario, dispositivo in filas:
            if sid != actual:
                if historia and (foto := plegar(historia)) is not None:
                    yield foto
                actual, historia = sid, []
            if tipo == "solicitud.radicada" or ocurrido < corte:
                historia.append((tipo, json.loads(datos), ocurrido, usuario, dispositivo))
        if historia and (foto := plegar(historia)) is not None:
            yield foto


def en_rango(cx: sqlite3.Connection, ids: list[str], rango: list[Any]) -> Iterator[str]:
    """De `ids`, los recibidos en el rango (`rango` = [hasta] o [hasta, desde], texto ISO UTC)."""
    filtro = "recibido_en < ?" + (" AND recibido_en >= ?" if len(rango) > 1 else "")
    for i in range(0, len(ids), 500):
        lote = ids[i : i + 500]
        consulta = f"SELECT id FROM solicitudes WHERE id IN ({','.join('?' * len(lote))}) AND {filtro}"
        yield from (fila[0] for fila in cx.execute(consulta, [*lote, *rango]))


def fotos(
    sesion: Session,
    *,
    recibidas_desde: datetime | None,
    recibidas_hasta: datetime,
    corte: datetime,
    solo_abiertas: bool = False,
) -> Iterator[Foto]:
    """Las solicitudes recibidas en [desde, hasta), cada una como estaba en `corte`.

    Con `solo_abiertas`, solo las que al corte seguían abiertas (radicadas, asignadas o
    incompletas): el atraso pendiente que mira el supervisor.
    """
    cx = conexion_cruda(sesion)
    corte_iso = iso_utc(corte)
    cambiadas = tocadas(cx, corte_iso)
    condiciones = ["recibido_en < ?"]
    parametros: list[Any] = [iso_utc(recibidas_hasta)]
    if recibidas_desde is not None:
        condiciones.append("recibido_en >= ?")
        parametros.append(iso_utc(recibidas_desde))
    if solo_abiertas:
        condiciones.append(f"estado IN ({','.join('?' * len(ABIERTOS))})")
        parametros.extend(ABIERTOS)
    cursor = cx.execute(f"SELECT {COLUMNAS} FROM solicitudes WHERE {' AND '.join(condiciones)}", parametros)
    por_replegar: list[str] = []
    for fila in cursor:
        if fila[0] in cambiadas:
            por_replegar.append(fila[0])
        else:
            yield Foto._make(fila)
    if solo_abiertas:
        # Cerradas hoy pero abiertas al corte: también cuentan en el atraso de entonces.
        vistas = set(por_replegar)
        rango = parametros[: 2 if recibidas_desde is not None else 1]
        por_replegar.extend(en_rango(cx, [i for i in cambiadas if i not in vistas], rango))
    for foto in replegar(cx, por_replegar, corte_iso):
        if not solo_abiertas or foto.estado in ABIERTOS:
            yield foto
