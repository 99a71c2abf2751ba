"""Equipos: códigos de inscripción de un solo uso, inscripción, series y revocación.

Cada serie tiene un solo dueño (tabla `series`), así el número de radicado es único en la entidad
por construcción. Un equipo que radicó antes de inscribirse conserva sus series si nadie más las
tiene; si otra máquina ya es dueña de una, la inscripción se rechaza y nada cambia.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ventanilla.central.acceso import hash_token, nuevo_token
from ventanilla.central.bd import ahora_iso
from ventanilla.central.catalogos import obtener
from ventanilla.central.recepcion import Rechazo
from ventanilla.central.tablas import codigos, dispositivos, series
from ventanilla.dominio.eventos import HASH_INICIAL
from ventanilla.dominio.radicados import validar_serie

__all__ = ["VIGENCIA_CODIGO", "crear_codigo", "inscribir", "listar_equipos", "revocar"]

VIGENCIA_CODIGO = timedelta(days=7)
_ALFABETO = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _hash_codigo(codigo: str) -> str:
    return hashlib.sha256(codigo.strip().upper().replace("-", "").encode("utf-8")).hexdigest()


def _dueno(conexion: Connection, serie: str) -> Any:
    return conexion.execute(
        select(series.c.dispositivo, dispositivos.c.punto)
        .join(dispositivos, dispositivos.c.id == series.c.dispositivo, isouter=True)
        .where(series.c.serie == serie)
    ).first()


def crear_codigo(conexion: Connection, *, serie: str, punto: str, serie_num: int, creado_por: str) -> tuple[str, str]:
    """Un código de un solo uso que fija el punto y la serie de un equipo; devuelve (código, vence_en)."""
    try:
        serie = validar_serie(serie)
    except ValueError as error:
        raise Rechazo(422, str(error)) from None
    dueno = _dueno(conexion, serie)
    if dueno is not None:
        raise Rechazo(409, f"La serie «{serie}» ya es del equipo «{dueno.punto or dueno.dispositivo}»: elija otra.")
    crudo = "".join(secrets.choice(_ALFABETO) for _ in range(12))
    codigo = "-".join(crudo[i : i + 4] for i in range(0, 12, 4))
    ahora = datetime.now(UTC)
    vence = ahora_iso(ahora + VIGENCIA_CODIGO)
    conexion.execute(
        insert(codigos).values(
            codigo_hash=_hash_codigo(codigo), serie=serie, serie_num=serie_num, punto=punto[:120],
            creado_por=creado_por, creado_en=ahora_iso(ahora), vence_en=vence, usado_por=None,
        )
    )
    return codigo, vence


def inscribir(
    conexion: Connection, *, codigo: str, dispositivo: str, nombre: str, series_usadas: list[str]
) -> dict[str, Any]:
    """Canjea el código: el equipo queda dueño de su serie (y de las que ya usó) y recibe su token."""
    fila = conexion.execute(select(codigos).where(codigos.c.codigo_hash == _hash_codigo(codigo))).first()
    if fila is None or fila.usado_por is not None or fila.vence_en < ahora_iso():
        raise Rechazo(403, "El código de inscripción no existe, ya se usó o venció: pida uno nuevo al administrador.")
    pedidas = {fila.serie}
    for usada in series_usadas:
        try:
            pedidas.add(validar_serie(usada))
        except ValueError as error:
            raise Rechazo(422, str(error)) from None
    for serie in sorted(pedidas):
        dueno = _dueno(conexion, serie)
        if dueno is not None and dueno.dispositivo != dispositivo:
            motivo = "este equipo ya radicó con ella sin conexión" if serie != fila.serie else "el código la asigna"
            raise Rechazo(
                409,
                f"La serie «{serie}» ya es del equipo «{dueno.punto or dueno.dispositivo}» ({motivo}): la inscripción "
                "no se hizo y nada cambió. Un administrador debe resolver a quién pertenece esa serie.",
            )
    token = nuevo_token("eq")
    ahora = ahora_iso()
    existe = conexion.scalar(select(dispositivos.c.id).where(dispositivos.c.id == dispositivo))
    valores = {
        "nombre": nombre[:120], "punto": fila.punto, "serie": fila.serie, "serie_num": fila.serie_num,
        "token_hash": hash_token(token), "revocado": False,
    }
    if existe is None:
        conexion.execute(
            insert(dispositivos).values(
                id=dispositivo, inscrito_en=ahora, ultimo_seq=0, ultimo_hash=HASH_INICIAL, **valores
            )
        )
    else:
        conexion.execute(update(dispositivos).where(dispositivos.c.id == dispositivo).values(**valores))
    for serie in pedidas:
        if _dueno(conexion, serie) is None:
            conexion.execute(insert(series).values(serie=serie, dispositivo=dispositivo, asignada_en=ahora))
    conexion.execute(update(codigos).where(codigos.c.codigo_hash == fila.codigo_hash).values(usado_por=dispositivo))
    entidad = obtener(conexion, "entidad", "vigente")
    return {
        "token": token,
        "dispositivo": dispositivo,
        "serie": fila.serie,
        "serie_num": fila.serie_num,
        "punto": fila.punto,
        "series": sorted(pedidas),
        "entidad": entidad["datos"] if entidad else None,
    }


def revocar(conexion: Connection, dispositivo: str) -> bool:
    """Revoca el token del equipo; sus series siguen siendo suyas (sus números ya se usaron)."""
    resultado = conexion.execute(
        update(dispositivos).where(dispositivos.c.id == dispositivo).values(revocado=True)
    )
    return bool(resultado.rowcount)


def listar_equipos(conexion: Connection) -> list[dict[str, Any]]:
    filas = conexion.execute(select(dispositivos).order_by(dispositivos.c.punto))
    return [
        {
            "id": f.id, "nombre": f.nombre, "punto": f.punto, "serie": f.serie, "serie_num": f.serie_num,
            "revocado": f.revocado, "inscrito_en": f.inscrito_en, "ultimo_sync": f.ultimo_sync,
            "desfase_segundos": f.desfase_segundos, "eventos": f.ultimo_seq,
        }
        for f in filas
    ]
