"""Entradas generadas desde `/openapi.json` (schemathesis, ejemplos acotados): ningún 5xx, sobre PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from apoyo_sync import ServidorVivo, inscrito
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ventanilla.central.bd import Central
from ventanilla.central.modelos_api import CambioUsuario
from ventanilla.central.rutas_administracion import guardar_usuario
from ventanilla.sincronizacion.credenciales import leer_token

pytestmark = pytest.mark.lento

EJEMPLOS_POR_OPERACION = 12


def test_ninguna_entrada_generada_produce_un_5xx(servidor: ServidorVivo, tmp_path: Path) -> None:
    equipo = inscrito(servidor, tmp_path / "equipo", "VU01")
    token_equipo = leer_token(equipo.directorio, equipo.ajustes.dispositivo)
    central = Central.abrir(servidor.url_bd, servidor.directorio)
    guardar_usuario(central, "jefe", CambioUsuario(nombre="Jefa", roles=["administrador"], clave="clave-segura-1"))
    central.cerrar()
    token_admin = httpx.post(f"{servidor.url}/api/v1/sesiones", json={"login": "jefe", "clave": "clave-segura-1"}).json()["token"]

    esquema = schemathesis.openapi.from_url(f"{servidor.url}/openapi.json")
    operaciones = [resultado.ok() for resultado in esquema.get_all_operations()]
    assert len(operaciones) >= 15
    errores: list[str] = []
    llamadas: list[int] = []
    for operacion in operaciones:
        administrativa = any(p in operacion.path for p in ("usuarios", "dispositivos", "codigos", "catalogos", "revisiones", "sesiones"))
        _probar(operacion, servidor.url, token_admin if administrativa else token_equipo, errores, llamadas)
    assert errores == []
    assert len(llamadas) >= 5 * len(operaciones)
    assert any(200 <= estado < 300 for estado in llamadas) and any(400 <= estado < 500 for estado in llamadas)


def _probar(operacion: Any, url: str, token: str, errores: list[str], llamadas: list[int]) -> None:
    estrategia = st.one_of(
        operacion.as_strategy(schemathesis.GenerationMode.POSITIVE),
        operacion.as_strategy(schemathesis.GenerationMode.NEGATIVE),
    )

    @settings(max_examples=EJEMPLOS_POR_OPERACION, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(caso=estrategia, con_cabeceras=st.booleans())
    def probar(caso: schemathesis.Case, con_cabeceras: bool) -> None:
        cabeceras = {"X-Ventanilla-Protocolo": "1", "Authorization": f"Bearer {token}"} if con_cabeceras else {}
        respuesta = caso.call(base_url=url, headers={**cabeceras, **(caso.headers or {})})
        llamadas.append(respuesta.status_code)
        if respuesta.status_code >= 500:
            errores.append(f"{caso.method} {caso.formatted_path} → {respuesta.status_code}: {respuesta.text[:200]}")

    probar()
