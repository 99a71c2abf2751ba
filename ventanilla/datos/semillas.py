"""Carga los catálogos semilla (CSV de `recursos/semillas/`) en un almacén nuevo.

Los catálogos son del servidor central; las semillas solo dan a un equipo recién instalado los
de Manizales para poder trabajar desde el primer minuto.
"""

from __future__ import annotations

import csv
import io

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import guardar_ajustes
from ventanilla.datos.modelos import Comuna, Configuracion, Dependencia, Usuario
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.radicados import validar_serie
from ventanilla.rutas import recurso

__all__ = ["sembrar_si_es_nuevo", "leer_csv"]


def leer_csv(nombre: str) -> list[dict[str, str]]:
    texto = recurso("semillas", nombre).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(texto)))


def sembrar_si_es_nuevo(sesion: Session, *, serie_inicial: str) -> bool:
    """Siembra un almacén recién creado; no hace nada si ya tiene identidad de equipo."""
    if sesion.get(Configuracion, "dispositivo") is not None:
        return False
    guardar_ajustes(sesion, dispositivo=nuevo_id(), serie=validar_serie(serie_inicial))
    if sesion.scalar(select(Dependencia.codigo).limit(1)) is None:
        sesion.add_all(Dependencia(activa=True, **fila) for fila in leer_csv("dependencias.csv"))
    if sesion.scalar(select(Comuna.codigo).limit(1)) is None:
        sesion.add_all(Comuna(**fila) for fila in leer_csv("comunas.csv"))
    if sesion.get(Usuario, "admin") is None:
        sesion.add(
            Usuario(
                login="admin",
                nombre="Administrador del equipo",
                roles=["administrador", "supervisor"],
                clave_hash=None,
                activo=True,
            )
        )
    return True
