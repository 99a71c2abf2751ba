"""Las revisiones que esperan a una persona, y cómo las resuelve un administrador.

Una revisión se resuelve una sola vez, con una decisión que cabe en su tipo y un motivo escrito
(quién, cuándo, qué y por qué quedan en la fila):
- `aplicar` (dos equipos cambiaron a la misma persona): la propuesta pasa a ser la versión
  siguiente del ciudadano por el mismo camino que un cambio aceptado, con una posición nueva en
  `ciudadanos`; todos los equipos la reciben en su siguiente sincronización.
- `conservar` (revisiones de ciudadanos): queda el registro vigente. Si el conflicto es el último
  cambio de la persona, el equipo que propuso aún muestra su propuesta (y la enviaría con su
  próxima edición): el registro vigente se vuelve a publicar, con los mismos datos y la versión
  siguiente, para que ese equipo lo reciba y deje la suya.
- `revisada` (problemas de la cadena de eventos de un equipo): una persona lo vio; los eventos
  no se tocan.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, select, update

from ventanilla.central.bd import Central, ahora_iso, avanzar, en_lista
from ventanilla.central.ciudadanos import anotar_version
from ventanilla.central.recepcion import Rechazo
from ventanilla.central.tablas import ciudadanos, revisiones
from ventanilla.dominio.calendario import BOGOTA

__all__ = ["DECISIONES", "TIPOS", "decisiones_para", "listar", "resolver"]

TIPOS: dict[str, str] = {
    "ciudadano_concurrente": "Dos equipos cambiaron a la misma persona",
    "ciudadano_duplicado": "Dos registros con el mismo documento",
    "evento_distinto": "Un evento llegó otra vez con otro contenido",
    "seq_repetido": "Dos eventos de un equipo con el mismo número de orden",
    "hueco": "Falta un evento de un equipo",
    "cadena_rota": "La cadena de eventos de un equipo no encadena",
}
"""Cada tipo de revisión, dicho en palabras."""

DECISIONES: dict[str, str] = {
    "aplicar": "aplicar la propuesta",
    "conservar": "conservar la actual",
    "revisada": "marcar como revisada",
}

_POR_TIPO: dict[str, tuple[str, ...]] = {
    "ciudadano_concurrente": ("aplicar", "conservar"),
    "ciudadano_duplicado": ("conservar",),
}


def decisiones_para(tipo: str) -> tuple[str, ...]:
    """Las decisiones que caben en una revisión de `tipo`: las de ciudadanos, o `revisada`."""
    return _POR_TIPO.get(tipo, ("revisada",))


def _detalle(texto: str) -> Any:
    try:
        return json.loads(texto)
    except ValueError:
        return texto


def _actuales(conexion: Connection, filas: list[Row[Any]]) -> dict[str, dict[str, Any]]:
    """El registro vigente (versión y datos) de cada ciudadano que nombran las revisiones."""
    nombrados = {f.referencia for f in filas if f.tipo in _POR_TIPO}
    if not nombrados:
        return {}
    consulta = select(ciudadanos.c.id, ciudadanos.c.version, ciudadanos.c.datos).where(en_lista(conexion, ciudadanos.c.id, nombrados))
    return {f.id: {"version": f.version, "datos": json.loads(f.datos)} for f in conexion.execute(consulta)}


def _como_dict(fila: Row[Any], actuales: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": fila.id, "tipo": fila.tipo, "titulo": TIPOS.get(fila.tipo, fila.tipo.replace("_", " ").capitalize()),
        "referencia": fila.referencia, "dispositivo": fila.dispositivo, "detalle": _detalle(fila.detalle),
        "creado_en": fila.creado_en, "decisiones": [] if fila.resuelta else list(decisiones_para(fila.tipo)),
        "actual": actuales.get(fila.referencia) if fila.tipo in _POR_TIPO else None,
        "resuelta": bool(fila.resuelta), "resuelta_en": fila.resuelta_en, "resuelta_por": fila.resuelta_por,
        "decision": fila.decision, "nota": fila.nota,
    }


def listar(conexion: Connection, *, todas: bool = False) -> list[dict[str, Any]]:
    """Las revisiones pendientes (con `todas`, también las resueltas), en el orden en que llegaron.

    Las de un ciudadano traen su registro `actual` (versión y datos): lo vigente puede haber
    cambiado desde que se anotó el conflicto, y es contra eso que se decide.
    """
    consulta = select(revisiones).order_by(revisiones.c.id)
    if not todas:
        consulta = consulta.where(revisiones.c.resuelta.is_(False))
    filas = list(conexion.execute(consulta))
    actuales = _actuales(conexion, filas)
    return [_como_dict(f, actuales) for f in filas]


def _hora_colombia(instante: str | None) -> str:
    if not instante:
        return "en una fecha que no quedó anotada"
    return f"el {datetime.fromisoformat(instante).astimezone(BOGOTA):%d/%m/%Y a las %H:%M} (hora de Colombia)"


def _comprobar(fila: Row[Any] | None, revision: int, decision: str) -> Row[Any]:
    if fila is None:
        raise Rechazo(404, f"No hay ninguna revisión con el número {revision}.")
    if fila.resuelta:
        quien = f"«{fila.resuelta_por}»" if fila.resuelta_por else "otra persona"
        como = f" con la decisión «{DECISIONES.get(fila.decision, fila.decision)}»" if fila.decision else ""
        raise Rechazo(409, f"La revisión {revision} ya la resolvió {quien} {_hora_colombia(fila.resuelta_en)}{como}: "
                           "una revisión se resuelve una sola vez.")
    permitidas = decisiones_para(fila.tipo)
    if decision not in permitidas:
        caben = " o ".join(f"«{d}» ({DECISIONES[d]})" for d in permitidas)
        titulo = TIPOS.get(fila.tipo, fila.tipo)
        raise Rechazo(422, f"La decisión «{decision}» no cabe en la revisión {revision} ({titulo.lower()}): "
                           f"aquí solo cabe {caben}.")
    return fila


def _resolver_ciudadano(conexion: Connection, fila: Row[Any], decision: str, version_vista: int | None) -> None:
    """Aplica la propuesta o, si hace falta, vuelve a publicar lo vigente (véase el docstring del módulo)."""
    detalle = _detalle(fila.detalle)
    base = avanzar(conexion, "ciudadanos", 0)
    actual = conexion.execute(select(ciudadanos).where(ciudadanos.c.id == fila.referencia)).first()
    if actual is None:
        raise Rechazo(409, f"La persona de la revisión {fila.id} ya no está en el servidor: no hay nada que aplicar.")
    if decision == "aplicar":
        if version_vista is not None and version_vista != actual.version:
            raise Rechazo(
                409, f"Los datos de esta persona cambiaron mientras usted los revisaba (ahora van en la versión "
                f"{actual.version}, usted vio la {version_vista}): vuelva a cargar la lista y compare otra vez. "
                "No se aplicó nada.",
            )
        datos, equipo = detalle["propuesta"], fila.dispositivo
    elif actual.version == detalle.get("version_servidor"):
        datos, equipo = json.loads(actual.datos), actual.dispositivo
    else:
        return
    avanzar(conexion, "ciudadanos", 1)
    anotar_version(conexion, fila.referencia, actual.version + 1, datos, equipo, base + 1)


def resolver(
    central: Central, revision: int, decision: str, nota: str, por: str, *, version_vista: int | None = None
) -> dict[str, Any]:
    """Resuelve la revisión `revision` en nombre de `por`; lanza `Rechazo` (404, 409, 422) si no cabe.

    `version_vista` es la versión del ciudadano que tenía delante quien decide: si ya no es la
    vigente, `aplicar` se niega en vez de pisar un cambio que esa persona no vio.
    """
    with central.escribir() as conexion:
        fila = _comprobar(
            conexion.execute(select(revisiones).where(revisiones.c.id == revision).with_for_update()).first(),
            revision, decision,
        )
        if fila.tipo == "ciudadano_concurrente":
            _resolver_ciudadano(conexion, fila, decision, version_vista)
        conexion.execute(
            update(revisiones).where(revisiones.c.id == revision).values(
                resuelta=True, resuelta_en=ahora_iso(), resuelta_por=por, decision=decision, nota=nota,
            )
        )
        resuelta = conexion.execute(select(revisiones).where(revisiones.c.id == revision)).one()
        return _como_dict(resuelta, _actuales(conexion, [resuelta]))
