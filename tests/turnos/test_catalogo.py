"""El catálogo de turnos: la semilla, lo que el servidor manda al equipo y lo que tiene la central."""

from __future__ import annotations

from pathlib import Path

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.turnos import TurnoInvalido
from ventanilla.servicios.turnos import catalogo_del_equipo
from ventanilla.sincronizacion.catalogos import aplicar_catalogo
from ventanilla.turnos.catalogo import (
    VENTANILLAS_POR_DEFECTO,
    catalogo_desde_filas,
    servicios_semilla,
)


def test_la_semilla_tiene_letras_unicas_e_iconos() -> None:
    servicios = servicios_semilla()
    assert len({s.letra for s in servicios}) == len(servicios) <= 8
    assert all(s.icono.startswith("fa5s.") for s in servicios)


def test_sin_catalogo_del_servidor_vale_la_semilla_con_doce_ventanillas(almacen: Almacen) -> None:
    catalogo = catalogo_del_equipo(almacen)
    assert catalogo.servicios == servicios_semilla()
    assert [v.numero for v in catalogo.ventanillas] == list(range(1, VENTANILLAS_POR_DEFECTO + 1))


def test_el_catalogo_que_manda_el_servidor_manda(almacen: Almacen) -> None:
    cambios = [
        {"tipo": "servicios", "clave": "pasaportes", "datos": {"nombre": "Pasaportes", "letra": "P",
                                                             "espera_objetivo_min": 30}, "activo": True, "version": 1},
        {"tipo": "servicios", "clave": "radicacion", "datos": {"nombre": "Radicación", "letra": "A"},
         "activo": True, "version": 2},
        {"tipo": "ventanillas", "clave": "7", "datos": {"nombre": "Ventanilla 7", "servicios": ["pasaportes"]},
         "activo": True, "version": 3},
        {"tipo": "ventanillas", "clave": "2", "datos": {"nombre": "Ventanilla 2"}, "activo": True, "version": 4},
    ]
    with almacen.escribir() as sesion:
        for cambio in cambios:
            aplicar_catalogo(sesion, cambio)
    catalogo = catalogo_del_equipo(almacen)
    assert [(s.clave, s.letra) for s in catalogo.servicios] == [("radicacion", "A"), ("pasaportes", "P")]
    assert catalogo.servicio("pasaportes").espera_objetivo_min == 30
    assert catalogo.servicio("radicacion").icono == "fa5s.file-signature"
    assert [(v.numero, v.servicios) for v in catalogo.ventanillas] == [
        (2, ("radicacion", "pasaportes")), (7, ("pasaportes",))]
    with pytest.raises(TurnoInvalido, match="ventanilla 1"):
        catalogo.ventanilla(1)


def test_la_central_arma_el_catalogo_de_su_tabla(tmp_path: Path) -> None:
    from ventanilla.central.bd import Central
    from ventanilla.central.turnos import catalogo_de_la_central

    central = Central.abrir(f"sqlite:///{tmp_path / 'central.db'}", tmp_path)
    try:
        catalogo = catalogo_de_la_central(central)
    finally:
        central.cerrar()
    assert {s.clave for s in catalogo.servicios} == {s.clave for s in servicios_semilla()}


def test_servicios_sin_letra_se_ignoran() -> None:
    catalogo = catalogo_desde_filas([("x", {"nombre": "Sin letra"})])
    assert catalogo.servicios == servicios_semilla()
