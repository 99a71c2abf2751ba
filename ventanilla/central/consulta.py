"""La consulta pública de un radicado: estado y vencimiento, nada más, con límite de frecuencia.

No pide token (el QR de la constancia apunta aquí) y por eso no devuelve ningún dato personal:
ni nombre, ni documento, ni asunto. El límite por dirección evita que se recorran los números.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from sqlalchemy import select

from ventanilla.central.acceso import central_de
from ventanilla.central.bd import Central
from ventanilla.central.tablas import radicados

__all__ = ["Limitador", "router"]

router = APIRouter(tags=["consulta pública"])


class Limitador:
    """Ventana deslizante por dirección: a lo sumo `maximo` consultas cada `ventana` segundos."""

    def __init__(self, maximo: int = 30, ventana: float = 60.0) -> None:
        self.maximo, self.ventana = maximo, ventana
        self._vistas: dict[str, deque[float]] = {}
        self._cerrojo = threading.Lock()

    def permitir(self, quien: str) -> float:
        """0 si la consulta puede seguir; si no, los segundos que faltan para poder."""
        ahora = time.monotonic()
        with self._cerrojo:
            if len(self._vistas) > 10_000:
                self._vistas.clear()
            vistas = self._vistas.setdefault(quien, deque())
            while vistas and vistas[0] <= ahora - self.ventana:
                vistas.popleft()
            if len(vistas) >= self.maximo:
                return max(0.0, vistas[0] + self.ventana - ahora)
            vistas.append(ahora)
            return 0.0


@router.get("/consulta/{radicado}", summary="Estado y vencimiento de un radicado (público)")
def consultar(
    radicado: Annotated[str, Path(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9-]+$")],
    request: Request,
    central: Annotated[Central, Depends(central_de)],
) -> dict[str, Any]:
    limitador: Limitador = request.app.state.limitador_consulta
    espera = limitador.permitir(request.client.host if request.client else "?")
    if espera:
        raise HTTPException(
            429, "Demasiadas consultas seguidas: espere un momento.", headers={"Retry-After": str(int(espera) + 1)}
        )
    with central.leer() as conexion:
        fila = conexion.execute(
            select(radicados.c.radicado, radicados.c.estado, radicados.c.vence_el).where(radicados.c.radicado == radicado)
        ).first()
    if fila is None:
        raise HTTPException(404, f"No hay ninguna solicitud con el radicado «{radicado}».")
    return {"radicado": fila.radicado, "estado": fila.estado, "vence_el": fila.vence_el}
