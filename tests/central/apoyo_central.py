"""Apoyo de las pruebas del servidor central: la aplicación real, servida por uvicorn en un hilo, sobre
SQLite y sobre un PostgreSQL real."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from ventanilla.central.app import crear_app
from ventanilla.central.bd import Central
from ventanilla.central.equipos import crear_codigo
from ventanilla.dominio.eventos import HASH_INICIAL, Evento, nuevo_id
from ventanilla.sincronizacion.protocolo import CABECERA_PROTOCOLO, VERSION_PROTOCOLO, evento_a_json

PROTOCOLO = {CABECERA_PROTOCOLO: str(VERSION_PROTOCOLO)}


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Central]:
    """El servidor sobre cada base que admite: las inserciones en bloque difieren entre las dos."""
    url = f"sqlite:///{tmp_path / 'central.db'}" if request.param == "sqlite" else request.getfixturevalue("base_pg")
    abierta = Central.abrir(url, tmp_path / "central")
    yield abierta
    abierta.cerrar()


@pytest.fixture
def cliente(central: Central) -> Iterator[httpx.Client]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        puerto = s.getsockname()[1]
    servidor = uvicorn.Server(
        uvicorn.Config(crear_app(central, consultas_por_minuto=5), host="127.0.0.1", port=puerto, log_level="warning")
    )
    hilo = threading.Thread(target=servidor.run, daemon=True)
    hilo.start()
    limite = time.monotonic() + 30
    while not servidor.started:
        assert time.monotonic() < limite, "uvicorn no arrancó"
        time.sleep(0.02)
    with httpx.Client(base_url=f"http://127.0.0.1:{puerto}", timeout=30) as abierto:
        yield abierto
    servidor.should_exit = True
    hilo.join(30)


def codigo(central: Central, serie: str) -> str:
    with central.escribir() as conexion:
        return crear_codigo(conexion, serie=serie, punto=f"Punto {serie}", serie_num=100, creado_por="pruebas")[0]


def inscribir(cliente: httpx.Client, central: Central, serie: str, series_usadas: list[str] | None = None) -> tuple[str, dict[str, str]]:
    """Inscribe un equipo nuevo; devuelve su id y las cabeceras con su token."""
    dispositivo = nuevo_id()
    respuesta = cliente.post(
        "/api/v1/inscripciones", headers=PROTOCOLO,
        json={"codigo": codigo(central, serie), "dispositivo": dispositivo, "series_usadas": series_usadas or []},
    )
    assert respuesta.status_code == 200, respuesta.text
    return dispositivo, {**PROTOCOLO, "Authorization": f"Bearer {respuesta.json()['token']}"}


def sesion(cliente: httpx.Client, central: Central, login: str = "jefe", roles: tuple[str, ...] = ("administrador",)) -> dict[str, str]:
    """Crea el usuario `login` con `roles` y abre su sesión; devuelve las cabeceras con el token."""
    from ventanilla.central.modelos_api import CambioUsuario
    from ventanilla.central.rutas_administracion import guardar_usuario

    guardar_usuario(central, login, CambioUsuario(nombre=login.capitalize(), roles=list(roles), clave="clave-segura-1"))
    respuesta = cliente.post("/api/v1/sesiones", json={"login": login, "clave": "clave-segura-1"})
    assert respuesta.status_code == 200, respuesta.text
    return {"Authorization": f"Bearer {respuesta.json()['token']}"}


def cadena(dispositivo: str, cuantos: int, serie: str, *, desde: int = 1, anterior: str = HASH_INICIAL) -> list[Evento]:
    """Eventos de radicación bien encadenados de un equipo, como los haría su almacén."""
    eventos = []
    for seq in range(desde, desde + cuantos):
        datos: dict[str, Any] = {
            "solicitud_id": nuevo_id(), "radicado": f"MZL-{serie}-2026-{seq:06d}", "serie": serie, "anio": 2026,
            "consecutivo": seq, "tipo": "peticion", "canal": "presencial", "asunto": "Asunto", "dependencia": "MAM",
            "folios": 1, "recibido_en": "2026-11-20T14:00:00+00:00", "vence_el": "2026-12-11", "aviso_privacidad": True,
        }
        sin_hash = Evento(nuevo_id(), dispositivo, seq, "admin", datetime.now(UTC), "solicitud.radicada", datos)
        evento = replace(sin_hash, hash=sin_hash.hash_esperado(anterior))
        eventos.append(evento)
        anterior = evento.hash
    return eventos


def lote(eventos: list[Evento]) -> dict[str, Any]:
    return {"eventos": [evento_a_json(e) for e in eventos]}


def contar(central: Central, tabla: str) -> int:
    from sqlalchemy import text

    with central.leer() as conexion:
        return int(conexion.scalar(text(f"SELECT count(*) FROM {tabla}")) or 0)
