"""Un servidor restaurado de una copia vieja: los equipos lo notan, reenvían y vuelven a pedir, sin pérdidas."""

from __future__ import annotations

from pathlib import Path

import pytest
from apoyo_sync import (
    ServidorVivo,
    huella_de_ids,
    ids_del_servidor,
    ids_locales,
    inscrito,
    radicar_varias,
)
from sqlalchemy import create_engine, text

from ventanilla.sincronizacion.motor import sincronizar

pytestmark = pytest.mark.lento


def _copiar_base(servidor: ServidorVivo, nombre: str) -> str:
    base, original = servidor.url_bd.rsplit("/", 1)
    motor = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with motor.connect() as conexion:
        conexion.execute(text(f'CREATE DATABASE "{nombre}" TEMPLATE "{original}"'))
    motor.dispose()
    return f"{base}/{nombre}"


def test_un_servidor_restaurado_no_hace_perder_eventos(servidor: ServidorVivo, tmp_path: Path) -> None:
    a = inscrito(servidor, tmp_path / "a", "BRIGA")
    b = inscrito(servidor, tmp_path / "b", "BRIGB")
    c = inscrito(servidor, tmp_path / "c", "BRIGC")
    radicar_varias(a, 3, 100_000_000)
    for equipo in (a, b, c):
        sincronizar(equipo)
    servidor.matar()
    copia = _copiar_base(servidor, f"copia_{servidor.puerto}")
    servidor.iniciar()
    radicar_varias(a, 3, 101_000_000)
    sincronizar(a)
    sincronizar(b)
    assert len(ids_locales(b)) == 6

    # Se restaura la copia: el servidor olvida los 3 últimos eventos de A y lo que entregó a B.
    servidor.matar()
    servidor.url_bd = copia
    servidor.iniciar()
    radicar_varias(c, 3, 102_000_000)
    sincronizar(c)  # los eventos de C ocupan en el servidor restaurado las posiciones que B ya pasó
    sincronizar(a)  # A reenvía lo que el servidor olvidó
    resumen = sincronizar(b)
    assert resumen.recibidos == 3
    huella = huella_de_ids(ids_del_servidor(servidor))
    assert len(ids_del_servidor(servidor)) == 9
    for equipo in (a, b, c):
        sincronizar(equipo)
        assert huella_de_ids(ids_locales(equipo)) == huella
