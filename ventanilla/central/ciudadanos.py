"""Los registros de ciudadanos en el servidor: se aceptan con comprobación de versión.

Un equipo envía cada registro con la versión del servidor sobre la que lo editó (`version_base`).
Si el servidor sigue en esa versión, el cambio entra y la versión sube. Si otro equipo lo cambió
entre tanto, el cambio NO se aplica: queda como revisión para una persona, con la propuesta
completa, y el equipo lo sabe por la respuesta. Nada se sobrescribe en silencio.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ventanilla.central.bd import Central, ahora_iso, avanzar
from ventanilla.central.tablas import ciudadanos, revisiones

__all__ = ["anotar_version", "ciudadanos_para", "recibir_ciudadanos"]


def _revision(conexion: Connection, tipo: str, referencia: str, equipo: str, detalle: dict[str, Any]) -> None:
    conexion.execute(
        insert(revisiones).values(
            tipo=tipo, referencia=referencia, dispositivo=equipo,
            detalle=json.dumps(detalle, ensure_ascii=False, sort_keys=True), creado_en=ahora_iso(), resuelta=False,
        )
    )


def _documento(datos: dict[str, Any]) -> str | None:
    tipo, numero = datos.get("tipo_documento"), datos.get("numero_documento")
    return f"{tipo}:{numero}"[:40] if isinstance(tipo, str) and isinstance(numero, str) and numero else None


def _texto(datos: dict[str, Any]) -> str:
    return json.dumps(datos, sort_keys=True, ensure_ascii=False)


def anotar_version(
    conexion: Connection, ciudadano: str, version: int, datos: dict[str, Any], equipo: str, cambio: int
) -> None:
    """Guarda una versión nueva de un ciudadano que ya existe, en la posición `cambio` de `ciudadanos`.

    Es el único camino para cambiar un ciudadano del servidor: un cambio aceptado de un equipo y una
    revisión resuelta por un administrador pasan por aquí, y los equipos lo reciben por `cambio`.
    """
    conexion.execute(
        update(ciudadanos).where(ciudadanos.c.id == ciudadano).values(
            version=version, datos=_texto(datos), documento=_documento(datos), dispositivo=equipo,
            actualizado_en=ahora_iso(), cambio=cambio,
        )
    )


def recibir_ciudadanos(central: Central, equipo: str, registros: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Aplica cada registro con su comprobación de versión; devuelve el resultado de cada uno."""
    resultados: list[dict[str, Any]] = []
    with central.escribir() as conexion:
        base = avanzar(conexion, "ciudadanos", 0)
        siguiente = base
        ids = [r["id"] for r in registros]
        actuales = {f.id: f for f in conexion.execute(select(ciudadanos).where(ciudadanos.c.id.in_(ids)))}
        for registro in registros:
            texto = _texto(registro["datos"])
            actual = actuales.get(registro["id"])
            if actual is not None and actual.datos == texto:
                resultados.append({"id": registro["id"], "estado": "aceptado", "version": actual.version})
                continue
            if actual is not None and actual.version != registro["version_base"]:
                _revision(
                    conexion, "ciudadano_concurrente", registro["id"], equipo,
                    {"version_servidor": actual.version, "version_base": registro["version_base"],
                     "propuesta": registro["datos"], "vigente": json.loads(actual.datos)},
                )
                resultados.append({"id": registro["id"], "estado": "conflicto", "version": actual.version})
                continue
            siguiente += 1
            if actual is None:
                version = 1
                documento = _documento(registro["datos"])
                if documento:
                    otro = conexion.scalar(
                        select(ciudadanos.c.id).where(ciudadanos.c.documento == documento, ciudadanos.c.id != registro["id"])
                    )
                    if otro is not None:
                        _revision(conexion, "ciudadano_duplicado", registro["id"], equipo, {"mismo_documento_que": otro})
                conexion.execute(
                    insert(ciudadanos).values(
                        id=registro["id"], version=1, datos=texto, documento=documento, dispositivo=equipo, actualizado_en=ahora_iso(),
                        cambio=siguiente,
                    )
                )
            else:
                version = actual.version + 1
                anotar_version(conexion, registro["id"], version, registro["datos"], equipo, siguiente)
            resultados.append({"id": registro["id"], "estado": "aceptado", "version": version})
        if siguiente > base:
            avanzar(conexion, "ciudadanos", siguiente - base)
    return resultados


def ciudadanos_para(
    conexion: Connection, desde: int, limite: int, referidos: set[str]
) -> tuple[list[dict[str, Any]], int, bool]:
    """Los cambios posteriores a `desde` y, además, los ciudadanos que nombran los eventos que van."""
    filas = list(conexion.execute(select(ciudadanos).where(ciudadanos.c.cambio > desde).order_by(ciudadanos.c.cambio).limit(limite)))
    cursor, lleno = (filas[-1].cambio if filas else desde), len(filas) == limite
    faltan = referidos - {f.id for f in filas}
    if faltan:
        filas += list(conexion.execute(select(ciudadanos).where(ciudadanos.c.id.in_(faltan))))
    return [{"id": f.id, "version": f.version, "datos": json.loads(f.datos)} for f in filas], int(cursor), lleno
