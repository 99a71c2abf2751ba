"""Las rutas que usan los equipos: inscribirse, estado, enviar eventos y ciudadanos, recibir cambios.

Todas exigen la cabecera de versión del protocolo; todas menos la inscripción, el token del equipo.
Cada respuesta lleva la hora del servidor (`X-Ventanilla-Hora`), que el equipo anota.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query
from sqlalchemy import select, update

from ventanilla.central import ciudadanos as registro_ciudadanos
from ventanilla.central.acceso import Equipo, central_de, equipo_actual, exigir_protocolo
from ventanilla.central.bd import Central, ahora_iso
from ventanilla.central.catalogos import cambios_desde
from ventanilla.central.equipos import inscribir
from ventanilla.central.gzip_peticion import RutaGzip
from ventanilla.central.modelos_api import (
    AcuseEventos,
    EstadoEquipo,
    LoteCiudadanos,
    LoteEventos,
    PeticionInscripcion,
)
from ventanilla.central.recepcion import EventoRecibido, Rechazo, recibir_lote
from ventanilla.central.tablas import contadores, dispositivos, eventos

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", route_class=RutaGzip, dependencies=[Depends(exigir_protocolo)], tags=["sincronización"])

CentralDep = Annotated[Central, Depends(central_de)]
EquipoDep = Annotated[Equipo, Depends(equipo_actual)]


def _desfase(hora_equipo: str | None) -> float | None:
    if not hora_equipo:
        return None
    try:
        momento = datetime.fromisoformat(hora_equipo)
        if momento.tzinfo is None:
            return None
        return (datetime.now(UTC) - momento).total_seconds()
    except (ValueError, OverflowError):
        return None


def _anotar_contacto(central: Central, equipo: str, hora_equipo: str | None) -> None:
    cambios: dict[str, Any] = {"ultimo_sync": ahora_iso()}
    desfase = _desfase(hora_equipo)
    if desfase is not None:
        cambios["desfase_segundos"] = desfase
    with central.escribir() as conexion:
        conexion.execute(update(dispositivos).where(dispositivos.c.id == equipo).values(**cambios))


@router.post("/inscripciones", summary="Inscribir un equipo con un código de un solo uso")
def inscribir_equipo(peticion: PeticionInscripcion, central: CentralDep) -> dict[str, Any]:
    try:
        with central.escribir() as conexion:
            return inscribir(
                conexion, codigo=peticion.codigo, dispositivo=peticion.dispositivo, nombre=peticion.nombre,
                series_usadas=peticion.series_usadas,
            )
    except Rechazo as rechazo:
        raise HTTPException(rechazo.estado, rechazo.mensaje) from None


@router.get("/sync/estado", response_model=EstadoEquipo, summary="Lo que el servidor ya tiene de este equipo")
def estado(
    central: CentralDep,
    equipo: EquipoDep,
    x_ventanilla_hora_equipo: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    _anotar_contacto(central, equipo.id, x_ventanilla_hora_equipo)
    with central.leer() as conexion:
        fila = conexion.execute(select(dispositivos).where(dispositivos.c.id == equipo.id)).one()
    return {
        "dispositivo": fila.id, "serie": fila.serie, "punto": fila.punto, "ultimo_seq": fila.ultimo_seq,
        "ultimo_hash": fila.ultimo_hash, "hora_servidor": ahora_iso(),
    }


@router.post("/sync/eventos", response_model=AcuseEventos, summary="Enviar un lote de eventos del equipo")
def recibir_eventos(
    lote: LoteEventos,
    central: CentralDep,
    equipo: EquipoDep,
    x_ventanilla_hora_equipo: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    recibidos = [EventoRecibido(**e.model_dump()) for e in lote.eventos]
    try:
        acuse = recibir_lote(central, equipo.id, recibidos, _desfase(x_ventanilla_hora_equipo))
    except Rechazo as rechazo:
        raise HTTPException(rechazo.estado, rechazo.mensaje) from None
    return {**acuse, "hora_servidor": ahora_iso()}


@router.post("/sync/ciudadanos", summary="Enviar registros de ciudadanos con su versión base")
def recibir_ciudadanos(lote: LoteCiudadanos, central: CentralDep, equipo: EquipoDep) -> dict[str, Any]:
    resultados = registro_ciudadanos.recibir_ciudadanos(central, equipo.id, [c.model_dump() for c in lote.ciudadanos])
    return {"resultados": resultados, "hora_servidor": ahora_iso()}


@router.get("/sync/cambios", summary="Eventos, ciudadanos y catálogos posteriores a los cursores")
def cambios(
    central: CentralDep,
    equipo: EquipoDep,
    eventos_desde: Annotated[int, Query(alias="eventos", ge=0, le=2**62)] = 0,
    ciudadanos_desde: Annotated[int, Query(alias="ciudadanos", ge=0, le=2**62)] = 0,
    catalogos_desde: Annotated[int, Query(alias="catalogos", ge=0, le=2**62)] = 0,
    limite: Annotated[int, Query(ge=1, le=5000)] = 1000,
    x_ventanilla_hora_equipo: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    _anotar_contacto(central, equipo.id, x_ventanilla_hora_equipo)
    with central.leer() as conexion:
        entregado = int(conexion.scalar(select(dispositivos.c.cursor_entregado).where(dispositivos.c.id == equipo.id)) or 0)
        if eventos_desde > entregado:
            # El equipo tiene más de lo que este servidor recuerda haberle dado: lo restauraron de
            # una copia. El equipo debe volver a pedir desde cero (lo que ya tiene se salta).
            return {"reiniciar": True, "hora_servidor": ahora_iso()}
        filas = list(
            conexion.execute(select(eventos).where(eventos.c.posicion > eventos_desde).order_by(eventos.c.posicion).limit(limite))
        )
        referidos = {f.ciudadano_id for f in filas if f.ciudadano_id}
        lista_ciudadanos, cursor_ciudadanos, mas_ciudadanos = registro_ciudadanos.ciudadanos_para(conexion, ciudadanos_desde, limite, referidos)
        lista_catalogos = cambios_desde(conexion, catalogos_desde, limite)
        ultimas = {f.nombre: int(f.valor) for f in conexion.execute(select(contadores.c.nombre, contadores.c.valor))}
    cursor_eventos = filas[-1].posicion if filas else eventos_desde
    if cursor_eventos > entregado:
        with central.escribir() as conexion:
            conexion.execute(
                update(dispositivos)
                .where(dispositivos.c.id == equipo.id, dispositivos.c.cursor_entregado < cursor_eventos)
                .values(cursor_entregado=cursor_eventos)
            )
    return {
        "eventos": [
            {
                "id": f.id, "dispositivo": f.dispositivo, "seq": f.seq, "usuario": f.usuario,
                "ocurrido_en": f.ocurrido_en, "tipo": f.tipo, "datos": json.loads(f.datos), "hash": f.hash,
            }
            for f in filas
        ],
        "ciudadanos": lista_ciudadanos,
        "catalogos": lista_catalogos,
        "cursores": {
            "eventos": cursor_eventos,
            "ciudadanos": cursor_ciudadanos,
            "catalogos": lista_catalogos[-1]["version"] if lista_catalogos else catalogos_desde,
        },
        "ultimas": ultimas,
        "hay_mas": len(filas) == limite or len(lista_catalogos) == limite or mas_ciudadanos,
        "hora_servidor": ahora_iso(),
    }
