"""El cliente HTTP del equipo (httpx): cabeceras del protocolo, gzip y la traducción de fallas.

Toda falla de transporte (conexión rechazada, corte a mitad, respuesta truncada o ilegible, 5xx)
sale como `SinConexion`: se reintenta y nada se pierde, porque el servidor es idempotente. Toda
negativa del servidor (4xx) sale como `RechazoDelServidor` con su mensaje: no se reintenta.
Cada respuesta trae la hora del servidor; el cliente guarda la última y el desfase medido.
"""

from __future__ import annotations

import gzip
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any, Self

import httpx

from ventanilla.sincronizacion.errores import SinConexion, rechazo_para
from ventanilla.sincronizacion.protocolo import (
    CABECERA_HORA,
    CABECERA_HORA_EQUIPO,
    CABECERA_PROTOCOLO,
    PREFIJO,
    VERSION_PROTOCOLO,
)

__all__ = ["TIEMPO_DE_ESPERA", "ClienteSync"]

TIEMPO_DE_ESPERA = httpx.Timeout(30.0, connect=5.0)
_COMPRIMIR_DESDE = 1024


class ClienteSync:
    """Habla con un servidor en nombre de un equipo (con su token) o sin token (inscripción)."""

    def __init__(
        self, servidor: str, token: str | None = None, *, transporte: httpx.BaseTransport | None = None
    ) -> None:
        cabeceras = {CABECERA_PROTOCOLO: str(VERSION_PROTOCOLO), "Accept-Encoding": "gzip"}
        if token:
            cabeceras["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=servidor.rstrip("/"), headers=cabeceras, timeout=TIEMPO_DE_ESPERA, transport=transporte
        )
        self.hora_servidor: datetime | None = None
        self.desfase: timedelta | None = None
        """Hora del servidor menos hora del equipo, medida a mitad del viaje de la última respuesta."""

    def cerrar(self) -> None:
        self._http.close()

    def usar_token(self, token: str) -> None:
        """Sigue hablando con el token nuevo (tras rotarlo)."""
        self._http.headers["Authorization"] = f"Bearer {token}"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.cerrar()

    def pedir(
        self, metodo: str, ruta: str, *, cuerpo: Any = None, params: dict[str, Any] | None = None,
        contenido: bytes | None = None,
    ) -> Any:
        cabeceras = {CABECERA_HORA_EQUIPO: datetime.now(UTC).isoformat()}
        datos = contenido
        if cuerpo is not None:
            datos = json.dumps(cuerpo, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            cabeceras["Content-Type"] = "application/json"
            if len(datos) >= _COMPRIMIR_DESDE:
                datos = gzip.compress(datos, compresslevel=5)
                cabeceras["Content-Encoding"] = "gzip"
        elif contenido is not None:
            cabeceras["Content-Type"] = "application/octet-stream"
        inicio = time.time()
        try:
            respuesta = self._http.request(metodo, PREFIJO + ruta, content=datos, params=params, headers=cabeceras)
            cuerpo_respuesta = respuesta.content
        except httpx.RequestError as error:
            raise SinConexion(f"No se pudo hablar con el servidor ({type(error).__name__}): lo pendiente sigue guardado.") from error
        self._anotar_hora(respuesta, inicio, time.time())
        if respuesta.status_code >= 500:
            raise SinConexion(f"El servidor tuvo un problema ({respuesta.status_code}); se reintentará.")
        try:
            leido = json.loads(cuerpo_respuesta) if cuerpo_respuesta else None
        except ValueError:
            raise SinConexion("La respuesta del servidor llegó incompleta; se reintentará.") from None
        if respuesta.status_code >= 400:
            detalle = leido.get("detail") if isinstance(leido, dict) else None
            raise rechazo_para(respuesta.status_code, str(detalle or f"El servidor respondió {respuesta.status_code}."))
        return leido

    def _anotar_hora(self, respuesta: httpx.Response, inicio: float, fin: float) -> None:
        texto = respuesta.headers.get(CABECERA_HORA)
        if not texto:
            return
        try:
            hora = datetime.fromisoformat(texto)
        except ValueError:
            return
        if self.hora_servidor is None or hora > self.hora_servidor:
            self.hora_servidor = hora
        mitad = datetime.fromtimestamp((inicio + fin) / 2, UTC)
        self.desfase = hora - mitad
