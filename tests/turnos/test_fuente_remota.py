"""La fuente remota contra un servidor real en loopback: órdenes, errores en palabras y versiones."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI, WebSocket

from ventanilla.central.turnos import adjuntar
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.fuentes import FuenteRemota
from ventanilla.turnos.motor import MotorTurnos


def _servir(app: FastAPI) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        puerto = s.getsockname()[1]
    servidor = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=puerto, log_level="warning",
                                             ws="websockets-sansio"))
    hilo = threading.Thread(target=servidor.run, daemon=True)
    hilo.start()
    limite = time.monotonic() + 10
    while not servidor.started:
        assert time.monotonic() < limite, "el servidor no arrancó"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{puerto}"
    servidor.should_exit = True
    hilo.join(timeout=10)


@pytest.fixture
def motor() -> MotorTurnos:
    return MotorTurnos(catalogo_por_defecto(4))


@pytest.fixture
def url(motor: MotorTurnos) -> Iterator[str]:
    app = FastAPI()
    adjuntar(app, motor)
    yield from _servir(app)


def test_las_ordenes_y_sus_errores_llegan_en_palabras(qtbot, url: str, motor: MotorTurnos) -> None:
    fuente = FuenteRemota(url)
    cambios: list[dict[str, Any]] = []
    fuente.cambio.connect(cambios.append)
    with qtbot.waitSignal(fuente.foto, timeout=5000):
        fuente.iniciar()
    with qtbot.waitSignal(fuente.resultado, timeout=5000) as senal:
        fuente.pedir("emitir", servicio="radicacion")
    accion, turno, error = senal.args
    assert (accion, turno["codigo"], error) == ("emitir", "A-001", "")
    with qtbot.waitSignal(fuente.resultado, timeout=5000) as senal:
        fuente.pedir("finalizar", ventanilla=2, usuario="ana")
    assert senal.args[2] == "La ventanilla 2 no tiene un turno llamado."
    with qtbot.waitSignal(fuente.resultado, timeout=5000) as senal:
        fuente.pedir("llamar_siguiente", ventanilla=2)
    assert "usuario" in senal.args[2]
    qtbot.waitUntil(lambda: len(cambios) == 1, timeout=5000)
    assert cambios[0]["evento"] == "turno.emitido" and cambios[0]["espera"] == {"radicacion": 1}
    fuente.cerrar()


def test_un_servidor_de_otra_version_se_dice_en_palabras(qtbot) -> None:
    app = FastAPI()

    @app.websocket("/turnos/ws")
    async def viejo(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_json({"tipo": "instantanea", "numero": 0, "version": 99, "estado": {}})
        await websocket.receive()

    for url in _servir(app):
        fuente = FuenteRemota(url)
        with qtbot.waitSignal(fuente.conexion, timeout=5000) as senal:
            fuente.iniciar()
        assert senal.args[0] is False
        assert "versión más nueva" in senal.args[1] and "actualice este equipo" in senal.args[1]
        assert not fuente.disponible
        fuente.cerrar()
