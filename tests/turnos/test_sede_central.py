"""La cola de la sede sobre la base del servidor central: eventos encadenados que sobreviven un reinicio."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from ventanilla.central.bd import Central
from ventanilla.central.tablas import dispositivos, eventos
from ventanilla.central.turnos import DISPOSITIVO_SEDE, motor_de_sede
from ventanilla.turnos.acciones import ejecutar_accion


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Central]:
    abierta = Central.abrir(f"sqlite:///{tmp_path / 'central.db'}", tmp_path)
    yield abierta
    abierta.cerrar()


def test_cada_cambio_de_la_sede_es_un_evento_del_servidor(central: Central) -> None:
    motor = motor_de_sede(central)
    ejecutar_accion(motor, "emitir", {"servicio": "radicacion"})
    ejecutar_accion(motor, "emitir", {"servicio": "orientacion", "preferencial": "veterano"})
    ejecutar_accion(motor, "llamar_siguiente", {"ventanilla": 3, "usuario": "ana"})
    ejecutar_accion(motor, "finalizar", {"ventanilla": 3, "usuario": "ana"})
    with central.leer() as conexion:
        filas = conexion.execute(
            select(eventos.c.seq, eventos.c.tipo, eventos.c.usuario)
            .where(eventos.c.dispositivo == DISPOSITIVO_SEDE).order_by(eventos.c.seq)
        ).all()
        ultimo = conexion.execute(
            select(dispositivos.c.ultimo_seq).where(dispositivos.c.id == DISPOSITIVO_SEDE)
        ).scalar_one()
    assert [tuple(f) for f in filas] == [
        (1, "turno.emitido", "kiosco"), (2, "turno.emitido", "kiosco"),
        (3, "turno.llamado", "ana"), (4, "turno.finalizado", "ana")]
    assert ultimo == 4

    reiniciado = motor_de_sede(central)
    assert reiniciado.estado.turnos == motor.estado.turnos
    assert ejecutar_accion(reiniciado, "emitir", {"servicio": "radicacion"})["codigo"] == "A-002"
