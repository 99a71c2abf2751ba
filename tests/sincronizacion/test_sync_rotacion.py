"""Rotación del token del equipo contra un servidor real: cada 30 días, sin quedar nunca fuera."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apoyo_sync import ServidorVivo, inscrito, radicar_varias

from ventanilla.central.bd import Central
from ventanilla.central.equipos import revocar
from ventanilla.datos.almacen import Almacen
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.credenciales import guardar_token, leer_token
from ventanilla.sincronizacion.errores import NoAutorizado
from ventanilla.sincronizacion.motor import sincronizar
from ventanilla.sincronizacion.rotacion import ROTAR_CADA


def _token(almacen: Almacen, *, pendiente: bool = False) -> str | None:
    return leer_token(almacen.directorio, almacen.ajustes.dispositivo, pendiente=pendiente)


def _vale(servidor: ServidorVivo, token: str) -> bool:
    with ClienteSync(servidor.url, token) as cliente:
        try:
            cliente.pedir("GET", "/sync/estado")
        except NoAutorizado:
            return False
    return True


def _envejecer(almacen: Almacen) -> None:
    with almacen.escribir() as sesion:
        hace = datetime.now(UTC) - ROTAR_CADA - timedelta(days=1)
        memoria.guardar(sesion, token_rotado_en=hace.isoformat())


def test_un_token_reciente_no_rota_y_uno_viejo_rota_en_la_sincronizacion(servidor: ServidorVivo, tmp_path: Path) -> None:
    equipo = inscrito(servidor, tmp_path / "a", "ROTA")
    inicial = _token(equipo)
    assert inicial is not None
    radicar_varias(equipo, 2, 3000)
    assert sincronizar(equipo).enviados == 2
    assert _token(equipo) == inicial, "recién inscrito, el token no rota"

    _envejecer(equipo)
    radicar_varias(equipo, 1, 4000)
    assert sincronizar(equipo).enviados == 1
    nuevo = _token(equipo)
    assert nuevo is not None and nuevo != inicial
    assert _token(equipo, pendiente=True) is None
    assert not _vale(servidor, inicial), "el token viejo ya no abre el servidor"
    assert _vale(servidor, nuevo)
    assert sincronizar(equipo).rechazos == []


def test_si_se_pierde_la_respuesta_la_siguiente_sincronizacion_adopta_el_nuevo(
    servidor: ServidorVivo, tmp_path: Path
) -> None:
    """El servidor cambió el token pero el acuse no llegó: queda el pendiente y el actual ya no vale."""
    equipo = inscrito(servidor, tmp_path / "a", "ROTB")
    viejo = _token(equipo)
    assert viejo is not None
    nuevo = "eq_" + "n" * 43
    guardar_token(equipo.directorio, equipo.ajustes.dispositivo, nuevo, pendiente=True)
    with ClienteSync(servidor.url, viejo) as cliente:
        cliente.pedir("POST", "/equipo/token", cuerpo={"nuevo": nuevo})
    assert not _vale(servidor, viejo)

    radicar_varias(equipo, 1, 5000)
    assert sincronizar(equipo).enviados == 1
    assert _token(equipo) == nuevo and _token(equipo, pendiente=True) is None


def test_si_el_nuevo_nunca_llego_se_descarta_y_sigue_el_actual(servidor: ServidorVivo, tmp_path: Path) -> None:
    equipo = inscrito(servidor, tmp_path / "a", "ROTC")
    viejo = _token(equipo)
    guardar_token(equipo.directorio, equipo.ajustes.dispositivo, "eq_" + "x" * 43, pendiente=True)
    radicar_varias(equipo, 1, 6000)
    assert sincronizar(equipo).enviados == 1
    assert _token(equipo) == viejo and _token(equipo, pendiente=True) is None


def test_un_equipo_revocado_no_adopta_el_pendiente(servidor: ServidorVivo, tmp_path: Path) -> None:
    equipo = inscrito(servidor, tmp_path / "a", "ROTD")
    viejo = _token(equipo)
    assert viejo is not None
    central = Central.abrir(servidor.url_bd, servidor.directorio)
    with central.escribir() as conexion:
        assert revocar(conexion, equipo.ajustes.dispositivo)
    central.cerrar()
    guardar_token(equipo.directorio, equipo.ajustes.dispositivo, viejo, pendiente=True)
    with pytest.raises(NoAutorizado):
        sincronizar(equipo)
    assert _token(equipo, pendiente=True) == viejo, "nada se decide con un equipo revocado"
