"""La base de datos del servidor: SQLite embebido por defecto, PostgreSQL con `VENTANILLA_DB_URL`.

Como en el almacén de cada equipo, hay un solo camino para escribir (`escribir()`): en SQLite abre
`BEGIN IMMEDIATE` (un escritor a la vez, el bloqueo al empezar); en PostgreSQL las escrituras que
deben ir en orden (eventos, ciudadanos, catálogos) bloquean la fila de su contador en `contadores`.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Engine,
    Table,
    any_,
    bindparam,
    create_engine,
    event,
    insert,
    select,
    update,
)

from ventanilla.central.tablas import contadores
from ventanilla.datos.esquema import migrar as migrar_esquema
from ventanilla.rutas import directorio_datos

__all__ = ["Central", "ahora_iso", "avanzar", "en_lista", "insertar_filas", "migrar", "url_por_defecto"]

_ESCRITURA = "ventanilla_central_escritura"


def ahora_iso(momento: datetime | None = None) -> str:
    return (momento or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")


def url_por_defecto() -> str:
    """`VENTANILLA_DB_URL` si está; si no, un SQLite en `<datos>/central/central.db`."""
    url = os.environ.get("VENTANILLA_DB_URL", "").strip()
    if url:
        if url.startswith(("postgresql://", "postgres://")):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    carpeta = directorio_datos() / "central"
    carpeta.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{carpeta / 'central.db'}"


def _crear_motor(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
    motor = create_engine(url)

    @event.listens_for(motor, "connect")
    def _al_conectar(conexion: Any, _registro: Any) -> None:
        conexion.isolation_level = None
        cursor = conexion.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(motor, "begin")
    def _al_empezar(conexion: Any) -> None:
        conexion.exec_driver_sql("BEGIN IMMEDIATE" if conexion.get_execution_options().get(_ESCRITURA) else "BEGIN")

    return motor


def migrar(motor: Engine) -> None:
    migrar_esquema(motor, Path(__file__).with_name("migraciones"), _ESCRITURA)


@dataclass
class Central:
    motor: Engine
    directorio: Path

    @classmethod
    def abrir(cls, url: str | None = None, directorio: Path | None = None) -> Central:
        """Abre (y migra) la base del servidor; `directorio` guarda los anexos."""
        motor = _crear_motor(url or url_por_defecto())
        migrar(motor)
        carpeta = directorio or directorio_datos() / "central"
        carpeta.mkdir(parents=True, exist_ok=True)
        central = cls(motor, carpeta)
        from ventanilla.central.semillas import sembrar_si_vacio

        with central.escribir() as conexion:
            sembrar_si_vacio(conexion)
        return central

    @property
    def es_sqlite(self) -> bool:
        return self.motor.dialect.name == "sqlite"

    @contextmanager
    def escribir(self) -> Iterator[Connection]:
        with self.motor.connect().execution_options(**{_ESCRITURA: True}) as conexion, conexion.begin():
            yield conexion

    @contextmanager
    def leer(self) -> Iterator[Connection]:
        with self.motor.connect() as conexion, conexion.begin():
            yield conexion

    def cerrar(self) -> None:
        self.motor.dispose()


def avanzar(conexion: Connection, nombre: str, cuantos: int) -> int:
    """Bloquea el contador `nombre` hasta el final de la transacción y reserva `cuantos` números.

    Devuelve el último número usado antes de la reserva: los nuevos son `base+1 .. base+cuantos`.
    """
    base = conexion.scalar(select(contadores.c.valor).where(contadores.c.nombre == nombre).with_for_update())
    if cuantos:
        conexion.execute(update(contadores).where(contadores.c.nombre == nombre).values(valor=base + cuantos))
    return int(base or 0)


def insertar_filas(conexion: Connection, tabla: Table, filas: list[dict[str, Any]]) -> None:
    """Inserta muchas filas de una vez, dentro de la transacción de `conexion`.

    En PostgreSQL con `COPY ... FROM STDIN`: el INSERT de muchas filas de psycopg manda una
    sentencia por fila, y con lotes de miles de eventos eso era la mitad del tiempo del envío. Las
    restricciones (UNIQUE, NOT NULL) se comprueban igual, y una violación anula la transacción.
    En SQLite, un INSERT con muchas filas de parámetros.
    """
    if not filas:
        return
    if conexion.dialect.name != "postgresql":
        conexion.execute(insert(tabla), filas)
        return
    columnas = [c.name for c in tabla.columns if c.name in filas[0]]
    cursor = conexion.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor, cursor.copy(f"COPY {tabla.name} ({', '.join(columnas)}) FROM STDIN") as copia:
        for fila in filas:
            copia.write_row(tuple(fila[c] for c in columnas))


def en_lista(conexion: Connection, columna: ColumnElement[Any], valores: Collection[Any]) -> ColumnElement[bool]:
    """`columna IN (valores)` para lotes de miles de valores.

    En PostgreSQL va como `= ANY(:arreglo)`, un solo parámetro: un IN con mil parámetros se
    vuelve a armar y a analizar en cada consulta, y eso costaba un cuarto del envío de un lote.
    """
    if conexion.dialect.name == "postgresql":
        return columna == any_(bindparam(None, list(valores), type_=ARRAY(columna.type)))
    return columna.in_(list(valores))
