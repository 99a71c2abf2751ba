"""Recibir lo que el servidor tiene después de los cursores del equipo, página por página.

Cada página (catálogos, ciudadanos y eventos) se aplica en UNA transacción local junto con sus
cursores nuevos (la lección de PouchDB: el cursor avanza solo con lo que ya quedó escrito). Si el
proceso muere o la red se corta, la página se vuelve a pedir; los eventos que ya están (por id)
se saltan, así que aplicar dos veces no cambia nada.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, EventoFila
from ventanilla.datos.registro import incorporar_todos
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.catalogos import aplicar_catalogo
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.envio import CAMPOS_CIUDADANO
from ventanilla.sincronizacion.protocolo import evento_de_json
from ventanilla.sincronizacion.tablas import ciudadanos_enviados

__all__ = ["PAGINA", "recibir"]

PAGINA = 2000


def _aplicar_ciudadano(sesion: Session, registro: dict[str, Any]) -> None:
    local = sesion.get(CiudadanoFila, registro["id"])
    enviado = sesion.execute(select(ciudadanos_enviados).where(ciudadanos_enviados.c.id == registro["id"])).first()
    if local is not None and (enviado is None or local.version != enviado.version_local):
        return  # cambios locales sin enviar: se enviarán con su versión base y el servidor decidirá
    if enviado is not None and enviado.version_servidor >= registro["version"]:
        return
    datos = registro["datos"]
    campos = {c: datos.get(c) for c in CAMPOS_CIUDADANO}
    for campo in ("apellidos", "telefono", "correo", "direccion", "comuna"):
        campos[campo] = campos[campo] or ""
    if campos["numero_documento"]:
        otro = sesion.scalar(
            select(CiudadanoFila.id).where(
                CiudadanoFila.tipo_documento == campos["tipo_documento"],
                CiudadanoFila.numero_documento == campos["numero_documento"],
                CiudadanoFila.id != registro["id"],
            )
        )
        if otro is not None:
            memoria.anotar_rechazo(
                sesion, "ciudadano", registro["id"],
                f"Otro equipo registró a la misma persona ({campos['tipo_documento']} {campos['numero_documento']}) "
                "con otro registro: quedan los dos, para que una persona los una.",
            )
            campos["numero_documento"] = None
    actualizado = datetime.fromisoformat(datos["actualizado_en"])
    if local is None:
        sesion.add(CiudadanoFila(id=registro["id"], version=registro["version"], actualizado_en=actualizado, **campos))
    else:
        for campo, valor in campos.items():
            setattr(local, campo, valor)
        local.version, local.actualizado_en = registro["version"], actualizado
    sesion.flush()
    sesion.execute(ciudadanos_enviados.delete().where(ciudadanos_enviados.c.id == registro["id"]))
    sesion.execute(
        ciudadanos_enviados.insert().values(
            id=registro["id"], version_local=registro["version"], version_servidor=registro["version"]
        )
    )


def _cursores_de(pagina: dict[str, Any]) -> memoria.Cursores:
    c = pagina["cursores"]
    return memoria.Cursores(int(c["eventos"]), int(c["ciudadanos"]), int(c["catalogos"]))


def _aplicar_pagina(sesion: Session, pagina: dict[str, Any]) -> int:
    for cambio in pagina["catalogos"]:
        aplicar_catalogo(sesion, cambio)
    for registro in pagina["ciudadanos"]:
        _aplicar_ciudadano(sesion, registro)
    ids = [e["id"] for e in pagina["eventos"]]
    ya = set(sesion.scalars(select(EventoFila.id).where(EventoFila.id.in_(ids)))) if ids else set()
    nuevos = [evento_de_json(datos) for datos in pagina["eventos"] if datos["id"] not in ya]
    incorporar_todos(sesion, nuevos)
    memoria.guardar_cursores(sesion, _cursores_de(pagina))
    return len(nuevos)


def _pedir_pagina(cliente: ClienteSync, cursores: memoria.Cursores) -> dict[str, Any]:
    pagina: dict[str, Any] = cliente.pedir(
        "GET", "/sync/cambios",
        params={"eventos": cursores.eventos, "ciudadanos": cursores.ciudadanos, "catalogos": cursores.catalogos,
                "limite": PAGINA},
    )
    return pagina


def recibir(almacen: Almacen, cliente: ClienteSync, progreso: Callable[[str, int, int], None]) -> int:
    """Pide y aplica páginas hasta que el servidor no tenga más; devuelve los eventos nuevos.

    Mientras se aplica una página, la siguiente ya viene en camino (un hilo que solo espera la
    red): el servidor la prepara a la vez que este equipo escribe. Pedirla antes no adelanta nada
    aquí: los cursores guardados avanzan solo con la página que quedó escrita.
    """
    recibidos = 0
    with almacen.leer() as sesion:
        cursores = memoria.leer_cursores(sesion)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ventanilla-recepcion") as red:
        en_camino = red.submit(_pedir_pagina, cliente, cursores)
        while True:
            pagina = en_camino.result()
            ultimas = pagina.get("ultimas", {})
            restaurado = any(int(ultimas.get(nombre, valor)) < valor for nombre, valor in vars(cursores).items())
            if pagina.get("reiniciar") or restaurado:
                # El servidor tiene menos de lo que ya se recibió: lo restauraron de una copia. Se vuelve
                # a pedir todo (lo que ya está se salta) para no perder lo que llegue después.
                with almacen.escribir() as sesion:
                    memoria.guardar_cursores(sesion, memoria.Cursores())
                    memoria.anotar_rechazo(sesion, "servidor", "restaurado",
                                           "El servidor parece restaurado de una copia: se volvió a pedir todo.")
                cursores = memoria.Cursores()
                en_camino = red.submit(_pedir_pagina, cliente, cursores)
                continue
            cursores = _cursores_de(pagina)
            if pagina["hay_mas"]:
                en_camino = red.submit(_pedir_pagina, cliente, cursores)
            with almacen.escribir() as sesion:
                recibidos += _aplicar_pagina(sesion, pagina)
            progreso("eventos recibidos", recibidos, 0)
            if not pagina["hay_mas"]:
                return recibidos
