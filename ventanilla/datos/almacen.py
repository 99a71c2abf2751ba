"""El almacén de un equipo: abrirlo (crearlo, migrarlo, sembrarlo) y trabajar en él.

Hay un solo camino para escribir: `escribir()`, una transacción `BEGIN IMMEDIATE` que se confirma
entera o no deja nada. Leer usa `leer()`. Todo lo de un equipo vive en su directorio de datos.
El archivo está cifrado con SQLCipher; la clave la da `ventanilla.seguridad.apertura`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import AJUSTES_CAMBIADOS, Ajustes, leer_ajustes
from ventanilla.datos.catalogos import dependencias_activas
from ventanilla.datos.esquema import migrar
from ventanilla.datos.motor import MODO_ESCRITURA, crear_motor
from ventanilla.datos.semillas import sembrar_si_es_nuevo
from ventanilla.rutas import directorio_datos

__all__ = ["Almacen", "ARCHIVO_ALMACEN"]

ARCHIVO_ALMACEN = "ventanilla.db"


@dataclass
class Almacen:
    directorio: Path
    motor: Engine
    _ajustes: Ajustes | None = None

    @classmethod
    def abrir(cls, directorio: Path | None = None, clave: str | None = None) -> Almacen:
        """Abre el almacén del equipo; si no existe lo crea con sus catálogos semilla.

        Sin `clave`, usa la del equipo (y cifra en su sitio un almacén que estuviera en claro).
        """
        from ventanilla.seguridad.apertura import clave_para_abrir

        carpeta = directorio or directorio_datos()
        carpeta.mkdir(parents=True, exist_ok=True)
        archivo = carpeta / ARCHIVO_ALMACEN
        motor = crear_motor(archivo, clave or clave_para_abrir(archivo))
        migrar(motor)
        almacen = cls(carpeta, motor)
        with almacen.escribir() as sesion:
            sembrar_si_es_nuevo(sesion, serie_inicial=os.environ.get("VENTANILLA_SERIE", "VU01"))
        return almacen

    @contextmanager
    def escribir(self) -> Iterator[Session]:
        """Una transacción de escritura: todo o nada."""
        motor = self.motor.execution_options(**{MODO_ESCRITURA: True})
        with Session(motor, expire_on_commit=False) as sesion:
            with sesion.begin():
                yield sesion
            if sesion.info.get(AJUSTES_CAMBIADOS):
                self._ajustes = None

    @contextmanager
    def leer(self) -> Iterator[Session]:
        with Session(self.motor, expire_on_commit=False) as sesion, sesion.begin():
            yield sesion

    @property
    def ajustes(self) -> Ajustes:
        """Los ajustes del equipo (se releen cuando una escritura de este almacén los cambia)."""
        if self._ajustes is None:
            with self.leer() as sesion:
                self._ajustes = leer_ajustes(sesion)
        return self._ajustes

    @property
    def archivo(self) -> Path:
        return self.directorio / ARCHIVO_ALMACEN

    def dependencias(self) -> dict[str, str]:
        """El catálogo de dependencias activas, {código: nombre}."""
        with self.leer() as sesion:
            return dependencias_activas(sesion)

    def cerrar(self) -> None:
        self.motor.dispose()
