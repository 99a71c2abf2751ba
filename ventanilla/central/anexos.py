"""Anexos guardados por su contenido (SHA-256): se suben una sola vez y se retoman donde quedaron.

`GET /api/v1/anexos/{sha256}` dice cuántos bytes tiene ya el servidor; `PUT` con `?tamano=N&desde=K`
agrega un trozo en la posición K (que debe ser la que el servidor tiene). Al llegar al tamaño
declarado se verifica el hash: si no coincide, el archivo se descarta y se responde 422. Un anexo
completo no se vuelve a subir: su hash ya lo identifica.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path as Ruta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import delete, insert, select, update

from ventanilla.central.acceso import Equipo, central_de, equipo_actual, exigir_protocolo
from ventanilla.central.bd import Central, ahora_iso
from ventanilla.central.tablas import anexos

__all__ = ["MAXIMO_ANEXO", "router"]

MAXIMO_ANEXO = 200 * 1024 * 1024
router = APIRouter(prefix="/api/v1/anexos", dependencies=[Depends(exigir_protocolo)], tags=["anexos"])
_Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]


def _ruta(central: Central, sha: str, *, parcial: bool) -> Ruta:
    carpeta = central.directorio / "anexos" / sha[:2]
    carpeta.mkdir(parents=True, exist_ok=True)
    return carpeta / (f"{sha}.parcial" if parcial else sha)


def _estado(fila: Any) -> dict[str, Any]:
    return {"sha256": fila.sha256, "tamano": fila.tamano, "recibido": fila.recibido, "completo": fila.completo}


@router.get("/{sha256}", summary="Cuánto tiene el servidor de un anexo")
def estado(
    sha256: _Sha, central: Annotated[Central, Depends(central_de)], _equipo: Annotated[Equipo, Depends(equipo_actual)]
) -> dict[str, Any]:
    with central.leer() as conexion:
        fila = conexion.execute(select(anexos).where(anexos.c.sha256 == sha256)).first()
    if fila is None:
        return {"sha256": sha256, "tamano": None, "recibido": 0, "completo": False}
    return _estado(fila)


@router.put(
    "/{sha256}",
    summary="Subir un trozo de un anexo a partir de la posición `desde`",
    openapi_extra={"requestBody": {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
)
async def subir(
    sha256: _Sha,
    request: Request,
    central: Annotated[Central, Depends(central_de)],
    _equipo: Annotated[Equipo, Depends(equipo_actual)],
    tamano: Annotated[int, Query(ge=0, le=MAXIMO_ANEXO)],
    desde: Annotated[int, Query(ge=0, le=MAXIMO_ANEXO)] = 0,
) -> dict[str, Any]:
    trozo = await request.body()
    return await run_in_threadpool(_guardar_trozo, central, sha256, tamano, desde, trozo)


def _guardar_trozo(central: Central, sha256: str, tamano: int, desde: int, trozo: bytes) -> dict[str, Any]:
    with central.escribir() as conexion:
        fila = conexion.execute(select(anexos).where(anexos.c.sha256 == sha256)).first()
        if fila is not None and fila.completo:
            return _estado(fila)
        if fila is not None and fila.tamano != tamano:
            raise HTTPException(409, f"El anexo ya se empezó a subir con otro tamaño ({fila.tamano} bytes).")
        recibido = fila.recibido if fila is not None else 0
        if desde != recibido:
            raise HTTPException(409, f"El servidor tiene {recibido} bytes de este anexo: continúe desde ahí.")
        if desde + len(trozo) > tamano:
            raise HTTPException(422, "El trozo pasa del tamaño declarado del anexo.")
        parcial = _ruta(central, sha256, parcial=True)
        with open(parcial, "r+b" if parcial.exists() else "wb") as archivo:
            archivo.truncate(desde)
            archivo.seek(desde)
            archivo.write(trozo)
            archivo.flush()
            os.fsync(archivo.fileno())
        recibido = desde + len(trozo)
        completo = recibido == tamano
        if completo:
            digest = hashlib.sha256(parcial.read_bytes()).hexdigest()
            if digest != sha256:
                parcial.unlink()
                conexion.execute(delete(anexos).where(anexos.c.sha256 == sha256))
                raise HTTPException(422, "El contenido del anexo no coincide con su hash: se descartó; súbalo de nuevo.")
            parcial.replace(_ruta(central, sha256, parcial=False))
        if fila is None:
            conexion.execute(
                insert(anexos).values(sha256=sha256, tamano=tamano, recibido=recibido, completo=completo, creado_en=ahora_iso())
            )
        else:
            conexion.execute(update(anexos).where(anexos.c.sha256 == sha256).values(recibido=recibido, completo=completo))
    return {"sha256": sha256, "tamano": tamano, "recibido": recibido, "completo": completo}
