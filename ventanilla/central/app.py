"""La aplicación FastAPI del servidor central: junta las rutas, la compresión y los errores.

Cada respuesta lleva la hora del servidor; todo error sale como `{"detail": "mensaje en español"}`
y un fallo inesperado es un 500 con un mensaje sin detalles internos (el detalle va al registro).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse

from ventanilla import __version__
from ventanilla.central import anexos, consulta, rutas_administracion, rutas_sync, turnos
from ventanilla.central.bd import Central, ahora_iso
from ventanilla.central.seguridad import ConfigSeguridad, instalar_seguridad
from ventanilla.sincronizacion.protocolo import CABECERA_HORA, VERSION_PROTOCOLO

__all__ = ["crear_app"]

_registro = logging.getLogger("ventanilla.central")


def _mensaje_de_validacion(error: RequestValidationError) -> str:
    partes = []
    for detalle in error.errors()[:5]:
        lugar = ".".join(str(p) for p in detalle.get("loc", ()) if p != "body")
        partes.append(f"{lugar}: {detalle.get('msg', 'no válido')}")
    return "La petición no es válida: " + "; ".join(partes)


def crear_app(
    central: Central | None = None, *, consultas_por_minuto: int = 30, seguridad: ConfigSeguridad | None = None
) -> FastAPI:
    """Arma el servidor sobre `central` (por defecto, la base de `VENTANILLA_DB_URL` o la embebida):
    la sincronización, la administración, los anexos, la consulta pública, la cola de turnos de la
    sede y la seguridad (cabeceras, límite de entradas, rotación de tokens; TLS en `servidor`)."""
    app = FastAPI(
        title="Ventanilla: servidor central",
        version=__version__,
        description="Sincronización de equipos, catálogos y consulta pública de radicados. "
        f"Protocolo de sincronización: versión {VERSION_PROTOCOLO} (cabecera X-Ventanilla-Protocolo).",
    )
    app.state.central = central or Central.abrir()
    app.state.limitador_consulta = consulta.Limitador(consultas_por_minuto)
    app.add_middleware(GZipMiddleware, minimum_size=1024)

    @app.middleware("http")
    async def _hora(request: Request, siguiente: Callable[[Request], Awaitable[Response]]) -> Response:
        respuesta = await siguiente(request)
        respuesta.headers[CABECERA_HORA] = ahora_iso()
        return respuesta

    @app.exception_handler(RequestValidationError)
    async def _invalida(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _mensaje_de_validacion(error)}, status_code=422)

    @app.exception_handler(Exception)
    async def _inesperado(request: Request, error: Exception) -> JSONResponse:
        _registro.exception("error inesperado en %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "Error interno del servidor; quedó en su registro."}, status_code=500)

    @app.get("/api/v1/version", tags=["sincronización"], summary="Versión del servidor y del protocolo")
    def version() -> dict[str, Any]:
        return {"version": __version__, "protocolo": VERSION_PROTOCOLO, "hora_servidor": ahora_iso()}

    app.include_router(rutas_sync.router)
    app.include_router(rutas_administracion.router)
    app.include_router(anexos.router)
    app.include_router(consulta.router)
    turnos.adjuntar(app, turnos.motor_de_sede(app.state.central))
    instalar_seguridad(app, seguridad or ConfigSeguridad.desde_entorno())
    return app
