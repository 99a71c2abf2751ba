"""Subir los anexos del equipo (guardados por su sha256 en `anexos/ab/abcd…`), una vez y por trozos.

Se pregunta al servidor cuántos bytes ya tiene de cada uno y se sigue desde ahí: un corte a mitad
de un archivo grande no obliga a empezar de nuevo. Un anexo completo no se vuelve a subir.

En el equipo el anexo está cifrado; lo que se sube es su contenido en claro (`leer_anexo`), y las
posiciones y el tamaño que se acuerdan con el servidor son las de ese contenido, cuyo sha256 el
servidor verifica. Un anexo que no se puede descifrar queda aparte y anotado en los rechazos.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.servicios.anexos import AnexoIlegible, anexos_guardados, leer_anexo
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.tablas import anexos_subidos

__all__ = ["TROZO", "subir_anexo", "subir_anexos"]

TROZO = 1024 * 1024


def subir_anexo(cliente: ClienteSync, directorio: Path, sha: str) -> None:
    estado = cliente.pedir("GET", f"/anexos/{sha}")
    if estado.get("completo"):
        return
    contenido = leer_anexo(directorio, sha)
    tamano = len(contenido)
    desde = int(estado["recibido"]) if estado.get("tamano") == tamano else 0
    while True:
        trozo = contenido[desde : desde + TROZO]
        respuesta = cliente.pedir("PUT", f"/anexos/{sha}", params={"tamano": tamano, "desde": desde}, contenido=trozo)
        desde = int(respuesta["recibido"])
        if respuesta["completo"]:
            return


def subir_anexos(almacen: Almacen, cliente: ClienteSync) -> int:
    with almacen.leer() as sesion:
        hechos = set(sesion.scalars(select(anexos_subidos.c.sha256)))
    subidos = 0
    for sha in anexos_guardados(almacen.directorio):
        if sha in hechos:
            continue
        try:
            subir_anexo(cliente, almacen.directorio, sha)
        except AnexoIlegible as error:
            with almacen.escribir() as sesion:
                memoria.anotar_rechazo(sesion, "anexo", sha, str(error))
            continue
        with almacen.escribir() as sesion:
            sesion.execute(anexos_subidos.insert().values(sha256=sha, subido_en=datetime.now(UTC).isoformat()))
        subidos += 1
    return subidos
