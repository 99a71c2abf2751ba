"""Cuerpos de petición comprimidos: un lote de eventos viaja en gzip (`Content-Encoding: gzip`).

Las respuestas las comprime `GZipMiddleware`; las peticiones, esta ruta, que descomprime el cuerpo
antes de que FastAPI lo valide. Un gzip roto es un 400, nunca un 500.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

__all__ = ["MAXIMO_CUERPO", "RutaGzip"]

MAXIMO_CUERPO = 64 * 1024 * 1024


class _PeticionGzip(Request):
    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            crudo = await super().body()
            if "gzip" in self.headers.get("content-encoding", ""):
                try:
                    crudo = gzip.GzipFile(fileobj=io.BytesIO(crudo)).read(MAXIMO_CUERPO + 1)
                except (OSError, EOFError, zlib.error):
                    raise HTTPException(400, "El cuerpo dice venir en gzip pero no se puede descomprimir.") from None
                if len(crudo) > MAXIMO_CUERPO:
                    raise HTTPException(413, "El lote es demasiado grande: envíe lotes más pequeños.")
            self._body = crudo
        return self._body


class RutaGzip(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def manejar(request: Request) -> Response:
            return await original(_PeticionGzip(request.scope, request.receive))

        return manejar
