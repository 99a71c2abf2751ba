"""Seguridad del servidor central: TLS, cabeceras, límite de entradas, rotación y revocación.

`instalar_seguridad(app, config)` se llama una vez sobre la app de `crear_app()`:
- cabeceras de seguridad en cada respuesta (sin caché para la API, que lleva datos personales;
  HSTS cuando el servidor habla TLS);
- límite de entradas de administración: tras varios `401` seguidos desde una misma dirección, cada
  fallo dobla la espera (`servicios.intentos`), y mientras tanto se responde `429` con
  `Retry-After` y un mensaje en español;
- rotación del token de un equipo: el equipo genera el token nuevo y lo manda con el viejo; si la
  respuesta se pierde, el equipo prueba el nuevo (ya vale) y no queda fuera;
- revocación de las sesiones de un administrador (la de equipos ya existe: `/dispositivos/{id}/revocar`).
`parametros_tls(config)` da los argumentos de TLS de `uvicorn.run`, comprobando los archivos.
"""

from __future__ import annotations

import math
import os
import stat
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, update

from ventanilla.central.acceso import (
    Equipo,
    administrador_actual,
    central_de,
    equipo_actual,
    exigir_protocolo,
    hash_token,
)
from ventanilla.central.bd import Central
from ventanilla.central.tablas import dispositivos, sesiones
from ventanilla.servicios.intentos import Intentos, PoliticaEspera

__all__ = [
    "CABECERAS",
    "RUTA_ENTRADA",
    "ConfigSeguridad",
    "ErrorDeConfiguracion",
    "instalar_seguridad",
    "parametros_tls",
]

RUTA_ENTRADA = "/api/v1/sesiones"
CABECERAS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_CSP = "default-src 'none'; frame-ancestors 'none'"
_DOCUMENTACION = ("/docs", "/redoc", "/openapi.json")


class ErrorDeConfiguracion(ValueError):
    """La configuración de seguridad del servidor no sirve (p. ej. falta el certificado)."""


@dataclass(frozen=True)
class ConfigSeguridad:
    certificado: Path | None = None
    """Cadena de certificados TLS (PEM). Sin ella el servidor habla HTTP: solo detrás de un proxy TLS."""
    clave_tls: Path | None = None
    """Clave privada del certificado (PEM), legible solo por el usuario del servidor."""
    politica_entradas: PoliticaEspera = field(
        default_factory=lambda: PoliticaEspera(libres=5, base_segundos=2.0, maximo_segundos=900.0)
    )
    hsts_segundos: int = 31_536_000
    reloj: Callable[[], float] = time.time
    """Segundos de reloj para el límite de entradas (las pruebas lo avanzan a mano)."""

    @property
    def tls(self) -> bool:
        return self.certificado is not None

    @classmethod
    def desde_entorno(cls) -> ConfigSeguridad:
        """`VENTANILLA_TLS_CERTIFICADO` y `VENTANILLA_TLS_CLAVE` (rutas a archivos PEM)."""
        certificado = os.environ.get("VENTANILLA_TLS_CERTIFICADO")
        clave = os.environ.get("VENTANILLA_TLS_CLAVE")
        return cls(Path(certificado) if certificado else None, Path(clave) if clave else None)


def parametros_tls(config: ConfigSeguridad) -> dict[str, str]:
    """Los argumentos `ssl_certfile`/`ssl_keyfile` de `uvicorn.run` (vacío si no hay TLS)."""
    if config.certificado is None and config.clave_tls is None:
        return {}
    if config.certificado is None or config.clave_tls is None:
        raise ErrorDeConfiguracion("Para TLS hacen falta las dos rutas: el certificado y su clave privada.")
    for nombre, ruta in (("certificado", config.certificado), ("clave privada", config.clave_tls)):
        if not ruta.is_file():
            raise ErrorDeConfiguracion(f"No existe el archivo del {nombre} TLS: {ruta}.")
    if stat.S_IMODE(config.clave_tls.stat().st_mode) & 0o077:
        raise ErrorDeConfiguracion(
            f"La clave privada {config.clave_tls} la pueden leer otros usuarios: déjela en 0600 (chmod 600)."
        )
    return {"ssl_certfile": str(config.certificado), "ssl_keyfile": str(config.clave_tls)}


class _Estricto(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TokenNuevo(_Estricto):
    nuevo: Annotated[str, Field(pattern=r"^eq_[A-Za-z0-9_-]{40,100}$", description="El token nuevo, generado por el equipo")]


class RevocarSesiones(_Estricto):
    login: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f]+$")]


_CentralDep = Annotated[Central, Depends(central_de)]
_EquipoDep = Annotated[Equipo, Depends(equipo_actual)]
_AdminDep = Annotated[str, Depends(administrador_actual)]


def _rutas() -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["seguridad"])

    @router.post(
        "/equipo/token",
        summary="Rotar el token del equipo (el equipo manda el nuevo, autenticado con el actual)",
        dependencies=[Depends(exigir_protocolo)],
    )
    def rotar(peticion: TokenNuevo, central: _CentralDep, equipo: _EquipoDep) -> dict[str, Any]:
        with central.escribir() as conexion:
            conexion.execute(
                update(dispositivos).where(dispositivos.c.id == equipo.id).values(token_hash=hash_token(peticion.nuevo))
            )
        return {"dispositivo": equipo.id, "rotado": True}

    @router.post("/sesiones/revocar", summary="Cerrar todas las sesiones de un administrador")
    def revocar(
        peticion: RevocarSesiones, central: _CentralDep, _admin: _AdminDep
    ) -> dict[str, Any]:
        with central.escribir() as conexion:
            cerradas = conexion.execute(delete(sesiones).where(sesiones.c.login == peticion.login)).rowcount
        return {"login": peticion.login, "sesiones_cerradas": int(cerradas or 0)}

    return router


def _demasiados(espera: float) -> JSONResponse:
    segundos = max(1, math.ceil(espera))
    return JSONResponse(
        {"detail": f"Demasiados intentos de entrada fallidos desde esta dirección. Espere {segundos} segundos."},
        status_code=429,
        headers={"Retry-After": str(segundos)},
    )


def instalar_seguridad(app: FastAPI, config: ConfigSeguridad) -> None:
    """Agrega a `app` las cabeceras, el límite de entradas y las rutas de rotación y revocación."""
    intentos = Intentos(config.politica_entradas, reloj=config.reloj)
    app.state.intentos_entrada = intentos
    app.include_router(_rutas())

    @app.middleware("http")
    async def _seguridad(request: Request, siguiente: Callable[[Request], Awaitable[Response]]) -> Response:
        entrada = request.method == "POST" and request.url.path == RUTA_ENTRADA
        origen = request.client.host if request.client else "desconocido"
        if entrada and intentos.espera(origen) > 0:
            respuesta: Response = _demasiados(intentos.espera(origen))
        else:
            respuesta = await siguiente(request)
            if entrada and respuesta.status_code == 401:
                intentos.fallo(origen)
            elif entrada and respuesta.status_code < 400:
                intentos.exito(origen)
        respuesta.headers.update(CABECERAS)
        if not request.url.path.startswith(_DOCUMENTACION):
            respuesta.headers["Content-Security-Policy"] = _CSP
        if request.url.path.startswith("/api/"):
            respuesta.headers["Cache-Control"] = "no-store"
        if config.tls or request.url.scheme == "https":
            respuesta.headers["Strict-Transport-Security"] = f"max-age={config.hsts_segundos}; includeSubDomains"
        return respuesta
