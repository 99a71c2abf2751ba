"""Servidor central: cabeceras de seguridad, límite de entradas, rotación de tokens y revocación."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from ventanilla.central.app import crear_app
from ventanilla.central.bd import Central
from ventanilla.central.equipos import crear_codigo, inscribir
from ventanilla.central.modelos_api import CambioUsuario
from ventanilla.central.rutas_administracion import guardar_usuario
from ventanilla.central.seguridad import ConfigSeguridad, ErrorDeConfiguracion, parametros_tls
from ventanilla.servicios.intentos import PoliticaEspera
from ventanilla.sincronizacion.protocolo import VERSION_PROTOCOLO

CLAVE = "clave-del-admin-123"


class Reloj:
    def __init__(self) -> None:
        self.segundos = 1_000_000.0

    def __call__(self) -> float:
        return self.segundos


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Central]:
    abierta = Central.abrir(f"sqlite:///{tmp_path / 'central.db'}", tmp_path / "anexos")
    guardar_usuario(abierta, "jefe", CambioUsuario(nombre="Jefe de sistemas", roles=["administrador"], clave=CLAVE))
    yield abierta
    abierta.cerrar()


class Cliente:
    """La app real, llamada en proceso por HTTP (httpx sobre ASGI), una petición a la vez."""

    def __init__(self, app: FastAPI, base: str = "http://testserver") -> None:
        self.app, self.base = app, base

    async def _pedir(self, metodo: str, ruta: str, **opciones: object) -> httpx.Response:
        transporte = httpx.ASGITransport(app=self.app)
        async with httpx.AsyncClient(transport=transporte, base_url=self.base) as cliente:
            return await cliente.request(metodo, ruta, **opciones)  # type: ignore[arg-type]

    def get(self, ruta: str, **opciones: object) -> httpx.Response:
        return asyncio.run(self._pedir("GET", ruta, **opciones))

    def post(self, ruta: str, **opciones: object) -> httpx.Response:
        return asyncio.run(self._pedir("POST", ruta, **opciones))


def _cliente(central: Central, reloj: Reloj, **config: object) -> Cliente:
    politica = PoliticaEspera(libres=3, base_segundos=10, maximo_segundos=600)
    configuracion = ConfigSeguridad(politica_entradas=politica, reloj=reloj, **config)  # type: ignore[arg-type]
    return Cliente(crear_app(central, seguridad=configuracion))


def _entrar(cliente: Cliente, clave: str) -> tuple[int, dict[str, object], dict[str, str]]:
    respuesta = cliente.post("/api/v1/sesiones", json={"login": "jefe", "clave": clave})
    return respuesta.status_code, respuesta.json(), dict(respuesta.headers)


def test_cada_respuesta_lleva_las_cabeceras_de_seguridad(central: Central) -> None:
    cabeceras = _cliente(central, Reloj()).get("/api/v1/version").headers
    assert cabeceras["x-content-type-options"] == "nosniff"
    assert cabeceras["x-frame-options"] == "DENY"
    assert cabeceras["content-security-policy"].startswith("default-src 'none'")
    assert cabeceras["cache-control"] == "no-store"
    assert "strict-transport-security" not in cabeceras, "sin TLS no se anuncia HSTS"
    seguro = Cliente(_cliente(central, Reloj()).app, base="https://testserver")
    assert seguro.get("/api/v1/version").headers["strict-transport-security"].startswith("max-age=")


def test_varias_claves_equivocadas_imponen_espera_creciente(central: Central) -> None:
    reloj = Reloj()
    cliente = _cliente(central, reloj)
    for _ in range(3):
        assert _entrar(cliente, "equivocada")[0] == 401
    codigo, cuerpo, cabeceras = _entrar(cliente, CLAVE)
    assert codigo == 429 and cabeceras["retry-after"] == "10"
    assert "Demasiados intentos" in str(cuerpo["detail"])
    reloj.segundos += 10
    assert _entrar(cliente, "equivocada")[0] == 401
    assert _entrar(cliente, CLAVE)[2]["retry-after"] == "20", "cada fallo dobla la espera"
    reloj.segundos += 20
    assert _entrar(cliente, CLAVE)[0] == 200
    assert _entrar(cliente, "equivocada")[0] == 401, "entrar bien borra la cuenta"


def test_el_equipo_rota_su_token_y_el_viejo_deja_de_valer(central: Central) -> None:
    with central.escribir() as conexion:
        codigo, _ = crear_codigo(conexion, serie="VU07", punto="CAM", serie_num=107, creado_por="jefe")
        viejo = str(inscribir(conexion, codigo=codigo, dispositivo=os.urandom(16).hex()[:36], nombre="pc", series_usadas=[])["token"])
    cliente = _cliente(central, Reloj())
    nuevo = f"eq_{secrets.token_urlsafe(32)}"

    def rotar(con: str, a: str) -> int:
        cabeceras = {"Authorization": f"Bearer {con}", "X-Ventanilla-Protocolo": str(VERSION_PROTOCOLO)}
        return cliente.post("/api/v1/equipo/token", json={"nuevo": a}, headers=cabeceras).status_code

    assert rotar(viejo, nuevo) == 200
    assert rotar(viejo, nuevo) == 401
    assert rotar(nuevo, nuevo) == 200, "si la respuesta se perdió, el equipo reintenta con el nuevo"
    assert rotar(nuevo, "eq_corto") == 422


def test_un_administrador_cierra_todas_las_sesiones_de_otro(central: Central) -> None:
    cliente = _cliente(central, Reloj())
    tokens = [str(_entrar(cliente, CLAVE)[1]["token"]) for _ in range(2)]
    autorizado = {"Authorization": f"Bearer {tokens[0]}"}
    respuesta = cliente.post("/api/v1/sesiones/revocar", json={"login": "jefe"}, headers=autorizado)
    assert respuesta.json() == {"login": "jefe", "sesiones_cerradas": 2}
    for token in tokens:
        assert cliente.get("/api/v1/usuarios", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_la_configuracion_tls_revisa_sus_archivos(tmp_path: Path) -> None:
    certificado, clave = tmp_path / "servidor.pem", tmp_path / "servidor.key"
    assert parametros_tls(ConfigSeguridad()) == {}
    with pytest.raises(ErrorDeConfiguracion, match="las dos rutas"):
        parametros_tls(ConfigSeguridad(certificado=certificado))
    with pytest.raises(ErrorDeConfiguracion, match="No existe"):
        parametros_tls(ConfigSeguridad(certificado, clave))
    certificado.write_text("-----BEGIN CERTIFICATE-----\n")
    clave.write_text("-----BEGIN PRIVATE KEY-----\n")
    clave.chmod(0o644)
    with pytest.raises(ErrorDeConfiguracion, match="chmod 600"):
        parametros_tls(ConfigSeguridad(certificado, clave))
    clave.chmod(0o600)
    assert parametros_tls(ConfigSeguridad(certificado, clave)) == {"ssl_certfile": str(certificado), "ssl_keyfile": str(clave)}


def test_la_configuracion_sale_del_entorno(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VENTANILLA_TLS_CERTIFICADO", str(tmp_path / "c.pem"))
    monkeypatch.setenv("VENTANILLA_TLS_CLAVE", str(tmp_path / "c.key"))
    config = ConfigSeguridad.desde_entorno()
    assert config.tls and config.clave_tls == tmp_path / "c.key"
