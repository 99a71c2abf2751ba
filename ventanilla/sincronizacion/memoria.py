"""Lo que el equipo recuerda de la sincronización, en su almacén (tabla `sync_estado`).

Los cursores se guardan en la misma transacción que los cambios que cubren: si el proceso muere,
o quedan ambos o ninguno, y la próxima vez se pide lo mismo otra vez (y aplicarlo dos veces no
cambia nada).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ventanilla.datos.modelos import EventoFila
from ventanilla.sincronizacion.tablas import estado, rechazos

__all__ = ["Cursores", "anotar_rechazo", "guardar", "guardar_cursores", "leer", "leer_cursores", "pendientes"]


@dataclass(frozen=True)
class Cursores:
    eventos: int = 0
    ciudadanos: int = 0
    catalogos: int = 0


def leer(sesion: Session, clave: str, defecto: Any = None) -> Any:
    valor = sesion.scalar(select(estado.c.valor).where(estado.c.clave == clave))
    return defecto if valor is None else valor


def guardar(sesion: Session, **valores: Any) -> None:
    for clave, valor in valores.items():
        existe = sesion.scalar(select(estado.c.clave).where(estado.c.clave == clave))
        if existe is None:
            sesion.execute(estado.insert().values(clave=clave, valor=valor))
        else:
            sesion.execute(estado.update().where(estado.c.clave == clave).values(valor=valor))


def leer_cursores(sesion: Session) -> Cursores:
    guardados = leer(sesion, "cursores", {})
    return Cursores(**{k: int(v) for k, v in guardados.items() if k in ("eventos", "ciudadanos", "catalogos")})


def guardar_cursores(sesion: Session, cursores: Cursores) -> None:
    guardar(sesion, cursores={"eventos": cursores.eventos, "ciudadanos": cursores.ciudadanos, "catalogos": cursores.catalogos})


def pendientes(sesion: Session, dispositivo: str) -> int:
    """Eventos propios que el servidor aún no confirmó."""
    enviado = int(leer(sesion, "enviado_hasta", 0))
    return int(
        sesion.scalar(
            select(func.count()).select_from(EventoFila).where(EventoFila.dispositivo == dispositivo, EventoFila.seq > enviado)
        )
        or 0
    )


def anotar_rechazo(sesion: Session, tipo: str, referencia: str, mensaje: str) -> None:
    sesion.execute(
        rechazos.insert().values(
            creado_en=datetime.now(UTC).isoformat(timespec="seconds"), tipo=tipo, referencia=referencia[:64],
            mensaje=mensaje, visto=False,
        )
    )
