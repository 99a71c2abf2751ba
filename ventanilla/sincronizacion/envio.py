"""Enviar lo pendiente del equipo: primero sus ciudadanos, después sus eventos, en lotes.

Antes de enviar se pregunta al servidor hasta dónde tiene (`/sync/estado`): así un envío cortado
a la mitad, o un servidor restaurado de una copia vieja, se retoman desde lo que el servidor de
verdad guardó, no desde lo que el equipo creía. El servidor es idempotente por id: reenviar un
lote ya guardado no duplica nada. El avance (`enviado_hasta`) se anota solo tras el acuse.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, EventoFila
from ventanilla.datos.registro import COLUMNAS_EVENTO
from ventanilla.dominio.eventos import Evento
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.errores import Conflicto
from ventanilla.sincronizacion.protocolo import evento_a_json
from ventanilla.sincronizacion.tablas import ciudadanos_enviados

__all__ = ["CAMPOS_CIUDADANO", "LOTE_EVENTOS", "Envio", "enviar_ciudadanos", "enviar_eventos", "preparar_envio"]

LOTE_EVENTOS = 1000
LOTE_CIUDADANOS = 500
CAMPOS_CIUDADANO = (
    "tipo_documento", "numero_documento", "nombres", "apellidos", "telefono", "correo", "direccion", "comuna",
    "caracterizacion", "autorizaciones",
)

Progreso = Callable[[str, int, int], None]


@dataclass
class Envio:
    aceptados: int = 0
    duplicados: int = 0
    ciudadanos: int = 0
    conflictos: int = 0


def _ciudadanos_pendientes(almacen: Almacen, limite: int) -> list[tuple[CiudadanoFila, int]]:
    with almacen.leer() as sesion:
        filas = sesion.execute(
            select(CiudadanoFila, ciudadanos_enviados.c.version_servidor)
            .outerjoin(ciudadanos_enviados, ciudadanos_enviados.c.id == CiudadanoFila.id)
            .where((ciudadanos_enviados.c.id.is_(None)) | (ciudadanos_enviados.c.version_local != CiudadanoFila.version))
            .limit(limite)
        )
        return [(fila, int(base or 0)) for fila, base in filas]


def _datos(fila: CiudadanoFila) -> dict[str, object]:
    datos: dict[str, object] = {campo: getattr(fila, campo) for campo in CAMPOS_CIUDADANO}
    datos["actualizado_en"] = fila.actualizado_en.isoformat()
    return datos


def enviar_ciudadanos(almacen: Almacen, cliente: ClienteSync, resultado: Envio, progreso: Progreso) -> None:
    while True:
        lote = _ciudadanos_pendientes(almacen, LOTE_CIUDADANOS)
        if not lote:
            return
        enviados = {fila.id: fila.version for fila, _ in lote}
        respuesta = cliente.pedir(
            "POST", "/sync/ciudadanos",
            cuerpo={"ciudadanos": [{"id": f.id, "version_base": base, "datos": _datos(f)} for f, base in lote]},
        )
        with almacen.escribir() as sesion:
            for r in respuesta["resultados"]:
                local = sesion.get(CiudadanoFila, r["id"])
                if local is None:
                    continue
                if r["estado"] == "conflicto":
                    resultado.conflictos += 1
                    memoria.anotar_rechazo(
                        sesion, "ciudadano", r["id"],
                        f"Otro equipo cambió antes los datos de {local.nombre_completo}: este cambio quedó en el "
                        "servidor para revisión; aquí se conserva el suyo.",
                    )
                version_local = enviados[r["id"]]
                if r["estado"] == "aceptado" and local.version == version_local:
                    local.version = r["version"]
                    version_local = r["version"]
                sesion.execute(ciudadanos_enviados.delete().where(ciudadanos_enviados.c.id == r["id"]))
                sesion.execute(
                    ciudadanos_enviados.insert().values(id=r["id"], version_local=version_local, version_servidor=r["version"])
                )
                resultado.ciudadanos += 1
        progreso("ciudadanos", resultado.ciudadanos, 0)


def _eventos_desde(almacen: Almacen, dispositivo: str, seq: int, limite: int) -> list[dict[str, Any]]:
    """El siguiente lote de eventos propios, leídos como tuplas (sin objetos del ORM: son miles)."""
    with almacen.leer() as sesion:
        filas = sesion.execute(
            select(*COLUMNAS_EVENTO)
            .where(EventoFila.dispositivo == dispositivo, EventoFila.seq > seq)
            .order_by(EventoFila.seq)
            .limit(limite)
        )
        return [evento_a_json(Evento(**fila._mapping)) for fila in filas]


def preparar_envio(almacen: Almacen, cliente: ClienteSync) -> dict[str, Any]:
    """Pregunta al servidor qué tiene del equipo. Si tiene menos de lo que ya confirmó (lo
    restauraron de una copia), todos los ciudadanos vuelven a quedar pendientes: los eventos que
    se reenvíen los nombran, y el servidor restaurado quizá no los tenga."""
    estado: dict[str, Any] = cliente.pedir("GET", "/sync/estado")
    with almacen.escribir() as sesion:
        if int(estado["ultimo_seq"]) < int(memoria.leer(sesion, "enviado_hasta", 0)):
            sesion.execute(ciudadanos_enviados.delete())
            memoria.anotar_rechazo(
                sesion, "servidor", "restaurado",
                "El servidor tiene menos de lo que ya había confirmado (lo restauraron de una copia): "
                "se le reenvía lo que falta.",
            )
    return estado


def enviar_eventos(
    almacen: Almacen, cliente: ClienteSync, resultado: Envio, progreso: Progreso, estado: dict[str, Any]
) -> None:
    dispositivo = almacen.ajustes.dispositivo
    desde = int(estado["ultimo_seq"])
    with almacen.leer() as sesion:
        propio = sesion.scalar(
            select(EventoFila.hash).where(EventoFila.dispositivo == dispositivo, EventoFila.seq == desde)
        )
        total = memoria.pendientes(sesion, dispositivo)
    if desde and propio != estado["ultimo_hash"]:
        raise Conflicto(
            409, f"El servidor tiene {desde} eventos de este equipo que no coinciden con los de aquí: "
            "la historia del equipo cambió. Nada se envió; un administrador debe revisarlo.",
        )
    with almacen.escribir() as sesion:
        memoria.guardar(sesion, enviado_hasta=desde)
    enviados = 0
    # Mientras el servidor guarda un lote, un hilo ya lee el siguiente del almacén. Se envía solo
    # después del acuse (el servidor no acepta huecos), y si el acuse no llega hasta el final del
    # lote, lo leído por adelantado se descarta y se lee desde donde el servidor dijo.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ventanilla-envio") as lector:
        leido = lector.submit(_eventos_desde, almacen, dispositivo, desde, LOTE_EVENTOS)
        while True:
            lote = leido.result()
            if not lote:
                return
            ultimo = int(lote[-1]["seq"])
            leido = lector.submit(_eventos_desde, almacen, dispositivo, ultimo, LOTE_EVENTOS)
            acuse = cliente.pedir("POST", "/sync/eventos", cuerpo={"eventos": lote})
            desde = int(acuse["ultimo_seq"])
            if desde != ultimo:
                leido.result()
                leido = lector.submit(_eventos_desde, almacen, dispositivo, desde, LOTE_EVENTOS)
            resultado.aceptados += int(acuse["aceptados"])
            resultado.duplicados += int(acuse["duplicados"])
            with almacen.escribir() as sesion:
                memoria.guardar(sesion, enviado_hasta=desde)
            enviados += len(lote)
            progreso("eventos enviados", enviados, max(total, enviados))
