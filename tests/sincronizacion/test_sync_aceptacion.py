"""Aceptación: dos brigadas sin red (1.000 radicaciones cada una) y una ventanilla en línea convergen."""

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
from sqlalchemy import func, select

from ventanilla.datos.modelos import SolicitudFila
from ventanilla.sincronizacion.estado import estado_sincronizacion
from ventanilla.sincronizacion.motor import sincronizar

pytestmark = pytest.mark.lento


def test_brigadas_sin_red_y_ventanilla_en_linea_convergen(servidor: ServidorVivo, tmp_path: Path) -> None:
    brigada1 = inscrito(servidor, tmp_path / "brigada1", "BRIG1")
    brigada2 = inscrito(servidor, tmp_path / "brigada2", "BRIG2")
    ventanilla = inscrito(servidor, tmp_path / "ventanilla", "VU01")

    # Las brigadas trabajan todo el día sin red; la ventanilla sincroniza cada tanto.
    radicar_varias(brigada1, 1000, 10_000_000)
    radicar_varias(brigada2, 1000, 20_000_000)
    for tanda in range(4):
        radicar_varias(ventanilla, 50, 30_000_000 + tanda * 50)
        sincronizar(ventanilla)
    assert estado_sincronizacion(brigada1).pendientes == 1000

    for equipo in (brigada1, brigada2, ventanilla, brigada1, brigada2):
        resumen = sincronizar(equipo)
        assert resumen.rechazos == []

    huella = huella_de_ids(ids_del_servidor(servidor))
    assert len(ids_del_servidor(servidor)) == 2200
    for equipo in (brigada1, brigada2, ventanilla):
        assert huella_de_ids(ids_locales(equipo)) == huella
        assert estado_sincronizacion(equipo).pendientes == 0
        with equipo.leer() as sesion:
            total = sesion.scalar(select(func.count()).select_from(SolicitudFila))
            distintos = sesion.scalar(select(func.count(func.distinct(SolicitudFila.radicado))))
        assert total == distintos == 2200
    (radicados,) = servidor.consultar("SELECT count(*), count(DISTINCT radicado) FROM radicados")
    assert radicados == (2200, 2200)
