"""La cola de turnos de la sede en el servidor central: órdenes por HTTP y cambios por WebSocket.

En la sede el servidor es dueño de la cola: kiosco, ventanillas y pantalla mandan órdenes con
`POST /turnos/acciones/{accion}` y reciben cada cambio por `/turnos/ws`, en el orden en que
ocurrió. Al conectarse, un cliente recibe primero la foto completa (`instantanea`) con el número
del último cambio incluido en ella; los cambios llevan números consecutivos, así el cliente
descarta lo repetido y nota si se perdió algo (y entonces se reconecta).

Todas las órdenes corren en el bucle de eventos del servidor, una tras otra, sobre un motor con
candado: dos ventanillas que llaman en el mismo instante reciben turnos distintos.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Annotated, Any

from fastapi import APIRouter, Body, FastAPI, HTTPException, Request, WebSocket, WebSocketDisconnect

from ventanilla.dominio.turnos import Catalogo, TurnoInvalido
from ventanilla.turnos.acciones import ACCIONES, VERSION_TURNOS, AccionInvalida, ejecutar_accion
from ventanilla.turnos.catalogo import catalogo_desde_filas
from ventanilla.turnos.cola import EstadoCola
from ventanilla.turnos.motor import Cambio, MotorTurnos, ahora_utc

__all__ = [
    "DISPOSITIVO_SEDE",
    "VERSION_TURNOS",
    "Difusor",
    "adjuntar",
    "catalogo_de_la_central",
    "motor_de_sede",
    "router",
    "servir",
]

router = APIRouter(prefix="/turnos", tags=["turnos"])


class Difusor:
    """Reparte cada cambio del motor a las colas de los WebSocket conectados, numerado."""

    def __init__(self, motor: MotorTurnos) -> None:
        self.motor = motor
        self.numero = 0
        self._clientes: dict[asyncio.Queue[dict[str, Any]], asyncio.AbstractEventLoop] = {}
        motor.suscribir(self._repartir)

    def _repartir(self, cambio: Cambio) -> None:
        self.numero += 1
        mensaje = {"tipo": "cambio", "numero": self.numero, "cambio": cambio.como_dict()}
        for cola, bucle in list(self._clientes.items()):
            try:
                en_este = asyncio.get_running_loop() is bucle
            except RuntimeError:
                en_este = False
            if en_este:
                cola.put_nowait(mensaje)
            else:
                bucle.call_soon_threadsafe(cola.put_nowait, mensaje)

    def conectar(self) -> tuple[asyncio.Queue[dict[str, Any]], dict[str, Any]]:
        """Una cola nueva y la foto de la cola en el mismo instante (sin esperas entre ambas)."""
        cola: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._clientes[cola] = asyncio.get_running_loop()
        foto = {"tipo": "instantanea", "numero": self.numero, "version": VERSION_TURNOS,
                "estado": self.motor.instantanea()}
        return cola, foto

    def desconectar(self, cola: asyncio.Queue[dict[str, Any]]) -> None:
        self._clientes.pop(cola, None)

    @property
    def conectados(self) -> int:
        return len(self._clientes)


def adjuntar(app: FastAPI, motor: MotorTurnos) -> Difusor:
    """Pone la cola de la sede en `app`: guarda el motor, crea su difusor e incluye las rutas."""
    difusor = Difusor(motor)
    app.state.turnos = difusor
    app.include_router(router)
    return difusor


def _difusor(estado: Any) -> Difusor:
    difusor = getattr(estado, "turnos", None)
    if difusor is None:
        raise HTTPException(503, "Este servidor no tiene cola de turnos.")
    return difusor  # type: ignore[no-any-return]


@router.get("/estado")
async def estado(request: Request) -> dict[str, Any]:
    """La foto de la cola: servicios, personas en espera, últimos llamados, ventanillas."""
    difusor = _difusor(request.app.state)
    return {"version": VERSION_TURNOS, "numero": difusor.numero, "estado": difusor.motor.instantanea()}


@router.post("/acciones/{accion}")
async def accion(accion: str, request: Request, args: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    """Ejecuta una orden de la cola; 409 con el motivo si no se puede en el estado actual."""
    difusor = _difusor(request.app.state)
    if accion not in ACCIONES:
        raise HTTPException(404, f"La orden «{accion}» no existe. Las órdenes son: {', '.join(ACCIONES)}.")
    try:
        turno = ejecutar_accion(difusor.motor, accion, args)
    except AccionInvalida as error:
        raise HTTPException(422, str(error)) from None
    except TurnoInvalido as error:
        raise HTTPException(409, str(error)) from None
    return {"turno": turno, "numero": difusor.numero}


@router.websocket("/ws")
async def cambios(websocket: WebSocket) -> None:
    """Primero la foto de la cola, luego cada cambio numerado, en orden."""
    difusor = _difusor(websocket.app.state)
    await websocket.accept()
    cola, foto = difusor.conectar()

    async def escuchar() -> None:
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass

    receptor = asyncio.create_task(escuchar())
    try:
        await websocket.send_json(foto)
        while not receptor.done():
            siguiente = asyncio.ensure_future(cola.get())
            listos, _ = await asyncio.wait({siguiente, receptor}, return_when=asyncio.FIRST_COMPLETED)
            if siguiente in listos:
                await websocket.send_json(siguiente.result())
            else:
                siguiente.cancel()
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        receptor.cancel()
        difusor.desconectar(cola)


def catalogo_de_la_central(central: Any) -> Catalogo:
    """Servicios y ventanillas de turnos del catálogo del servidor central (o la semilla)."""
    import json

    from sqlalchemy import select

    from ventanilla.central.tablas import catalogo

    with central.leer() as conexion:
        filas = conexion.execute(
            select(catalogo.c.tipo, catalogo.c.clave, catalogo.c.datos)
            .where(catalogo.c.tipo.in_(("servicios", "ventanillas")), catalogo.c.activo.is_(True))
        ).all()
    return catalogo_desde_filas(
        [(clave, json.loads(datos)) for tipo, clave, datos in filas if tipo == "servicios"],
        [(clave, json.loads(datos)) for tipo, clave, datos in filas if tipo == "ventanillas"],
    )


DISPOSITIVO_SEDE = "sede-turnos"
"""El «equipo» con que el servidor firma los eventos de la cola de la sede."""


def _asegurar_dispositivo(central: Any) -> tuple[int, str]:
    from sqlalchemy import insert, select

    from ventanilla.central.bd import ahora_iso
    from ventanilla.central.tablas import dispositivos
    from ventanilla.dominio.eventos import HASH_INICIAL

    with central.escribir() as conexion:
        fila = conexion.execute(
            select(dispositivos.c.ultimo_seq, dispositivos.c.ultimo_hash).where(dispositivos.c.id == DISPOSITIVO_SEDE)
        ).first()
        if fila is not None:
            return int(fila[0]), str(fila[1])
        conexion.execute(
            insert(dispositivos).values(
                id=DISPOSITIVO_SEDE, nombre="Cola de turnos de la sede", punto="Sede", serie="TURNOS", serie_num=0,
                token_hash=None, revocado=False, inscrito_en=ahora_iso(), ultimo_seq=0, ultimo_hash=HASH_INICIAL,
            )
        )
    return 0, HASH_INICIAL


def motor_de_sede(central: Any, *, reloj: Callable[[], datetime] = ahora_utc) -> MotorTurnos:
    """La cola de la sede sobre la base del servidor central.

    Cada cambio es un evento del equipo `DISPOSITIVO_SEDE`, encadenado y guardado con
    `recibir_lote` como los de cualquier equipo; así los turnos de la sede se sincronizan a los
    equipos y entran en sus informes. Al arrancar, la cola se rehace con los eventos de hoy.
    """
    import json

    from sqlalchemy import select

    from ventanilla.central.recepcion import EventoRecibido, recibir_lote
    from ventanilla.central.tablas import eventos
    from ventanilla.dominio.calendario import BOGOTA
    from ventanilla.dominio.eventos import calcular_hash, nuevo_id

    ultimo_seq, ultimo_hash = _asegurar_dispositivo(central)
    cadena: dict[str, Any] = {"seq": ultimo_seq, "hash": ultimo_hash}
    medianoche = datetime.combine(reloj().astimezone(BOGOTA).date(), time(0), tzinfo=BOGOTA).astimezone(UTC)
    with central.leer() as conexion:
        filas = conexion.execute(
            select(eventos.c.tipo, eventos.c.datos, eventos.c.ocurrido_en)
            .where(eventos.c.dispositivo == DISPOSITIVO_SEDE,
                   eventos.c.ocurrido_en >= medianoche.isoformat(timespec="microseconds"))
            .order_by(eventos.c.seq)
        ).all()
    estado = EstadoCola()
    for tipo, datos, ocurrido_en in filas:
        try:
            estado.aplicar(tipo, json.loads(datos), datetime.fromisoformat(ocurrido_en))
        except TurnoInvalido:
            continue

    def registrar(tipo: str, datos: dict[str, Any], usuario: str, instante: datetime) -> None:
        seq, anterior = int(cadena["seq"]) + 1, str(cadena["hash"])
        identificador = nuevo_id()
        firma = calcular_hash(anterior, id=identificador, dispositivo=DISPOSITIVO_SEDE, seq=seq, usuario=usuario,
                              ocurrido_en=instante, tipo=tipo, datos=datos)
        recibir_lote(central, DISPOSITIVO_SEDE, [EventoRecibido(identificador, DISPOSITIVO_SEDE, seq, usuario,
                                                                instante, tipo, dict(datos), firma)], None)
        cadena.update(seq=seq, hash=firma)

    return MotorTurnos(catalogo_de_la_central(central), registrar=registrar, reloj=reloj, estado=estado)


def servir(host: str = "127.0.0.1", puerto: int = 8766, ventanillas: int = 4) -> None:
    """Sirve solo la cola de turnos, con el catálogo semilla: para pruebas, mediciones o una sede
    pequeña sin el resto del servidor central."""
    import uvicorn

    from ventanilla.turnos.catalogo import catalogo_por_defecto

    app = FastAPI(title="Ventanilla: cola de turnos de la sede", version=str(VERSION_TURNOS))
    adjuntar(app, MotorTurnos(catalogo_por_defecto(ventanillas)))
    uvicorn.run(app, host=host, port=puerto, log_level="warning", ws="websockets-sansio")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Sirve solo la cola de turnos de la sede.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--puerto", type=int, default=8766)
    parser.add_argument("--ventanillas", type=int, default=4)
    opciones = parser.parse_args()
    servir(opciones.host, opciones.puerto, opciones.ventanillas)
