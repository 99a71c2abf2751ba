"""Las preferencias visuales de cada persona (tema, tamaño del texto, voz), guardadas en el
almacén del equipo con clave `preferencias.<usuario>`.

Siguen a la persona y no al equipo: al entrar, la ventana aplica las suyas. Son datos simples
(JSON) que la sincronización puede llevar a los demás equipos como cualquier ajuste.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Configuracion

__all__ = ["guardar_preferencias", "leer_preferencias"]


def _clave(login: str) -> str:
    return f"preferencias.{login}"


def leer_preferencias(almacen: Almacen, login: str) -> dict[str, Any] | None:
    with almacen.leer() as sesion:
        fila = sesion.get(Configuracion, _clave(login))
        return dict(fila.valor) if fila is not None and isinstance(fila.valor, dict) else None


def guardar_preferencias(almacen: Almacen, login: str, preferencias: Mapping[str, Any]) -> None:
    with almacen.escribir() as sesion:
        sesion.merge(Configuracion(clave=_clave(login), valor=dict(preferencias)))
