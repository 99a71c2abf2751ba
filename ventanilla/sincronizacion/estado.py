"""El estado de la sincronización para la barra de estado: sin red, sin Qt, en milisegundos.

`estado_sincronizacion(almacen)` solo lee el almacén: si hay conexión lo dice el último intento,
no una prueba de red (la hace el trabajador en segundo plano).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ventanilla.datos.almacen import Almacen
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.reloj import aviso_de_reloj
from ventanilla.sincronizacion.tablas import rechazos

__all__ = ["EstadoSync", "estado_sincronizacion", "marcar_rechazos_vistos", "rechazos_pendientes"]


@dataclass(frozen=True)
class EstadoSync:
    inscrito: bool
    en_linea: bool | None
    """True/False según el último intento; None si aún no se ha intentado."""
    pendientes: int
    ultimo_sync: datetime | None
    reloj_desfasado: str | None
    """El aviso del reloj, listo para mostrar, o None."""
    rechazos: int
    """Rechazos del servidor que nadie ha visto todavía."""
    ultimo_error: str | None


def estado_sincronizacion(almacen: Almacen) -> EstadoSync:
    ajustes = almacen.ajustes
    with almacen.leer() as sesion:
        ultimo = memoria.leer(sesion, "ultimo_sync")
        return EstadoSync(
            inscrito=bool(ajustes.servidor),
            en_linea=memoria.leer(sesion, "en_linea"),
            pendientes=memoria.pendientes(sesion, ajustes.dispositivo),
            ultimo_sync=datetime.fromisoformat(ultimo) if ultimo else None,
            reloj_desfasado=aviso_de_reloj(memoria.leer(sesion, "hora_servidor"), memoria.leer(sesion, "desfase_segundos")),
            rechazos=int(sesion.scalar(select(func.count()).select_from(rechazos).where(rechazos.c.visto.is_(False))) or 0),
            ultimo_error=memoria.leer(sesion, "ultimo_error"),
        )


def rechazos_pendientes(almacen: Almacen, todos: bool = False) -> list[dict[str, object]]:
    """Lo que el servidor rechazó (lo no visto, o todo), del más nuevo al más viejo."""
    consulta = select(rechazos).order_by(rechazos.c.id.desc())
    if not todos:
        consulta = consulta.where(rechazos.c.visto.is_(False))
    with almacen.leer() as sesion:
        return [dict(f._mapping) for f in sesion.execute(consulta)]


def marcar_rechazos_vistos(almacen: Almacen) -> None:
    with almacen.escribir() as sesion:
        sesion.execute(rechazos.update().values(visto=True))
