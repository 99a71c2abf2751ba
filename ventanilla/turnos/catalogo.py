"""El catálogo de servicios de turnos de fábrica, leído de la semilla `servicios.csv`.

En la sede el catálogo es del servidor central y se descarga; la semilla sirve para una brigada
recién instalada y para las pruebas. Sin configuración, cada ventanilla atiende todos los
servicios en el orden de la semilla.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from ventanilla.dominio.turnos import Catalogo, Servicio, Ventanilla
from ventanilla.rutas import recurso

__all__ = ["VENTANILLAS_POR_DEFECTO", "catalogo_desde_filas", "catalogo_por_defecto", "servicios_semilla"]

VENTANILLAS_POR_DEFECTO = 12
"""Puestos que se suponen si el catálogo no dice cuáles hay (Ibagué atiende con 12)."""


def servicios_semilla() -> tuple[Servicio, ...]:
    texto = recurso("semillas", "servicios.csv").read_text(encoding="utf-8")
    return tuple(
        Servicio(
            clave=fila["clave"],
            letra=fila["letra"],
            nombre=fila["nombre"],
            espera_objetivo_min=int(fila["espera_objetivo_min"]),
            icono=fila.get("icono") or "",
        )
        for fila in csv.DictReader(io.StringIO(texto))
    )


def catalogo_por_defecto(ventanillas: int = VENTANILLAS_POR_DEFECTO) -> Catalogo:
    """Los servicios de la semilla y `ventanillas` puestos numerados desde 1 que los atienden todos."""
    servicios = servicios_semilla()
    claves = tuple(s.clave for s in servicios)
    return Catalogo(servicios, tuple(Ventanilla(n, claves) for n in range(1, ventanillas + 1)))


def catalogo_desde_filas(
    servicios: Iterable[tuple[str, Mapping[str, Any]]],
    ventanillas: Iterable[tuple[str, Mapping[str, Any]]] = (),
) -> Catalogo:
    """El catálogo a partir de los catálogos `servicios` y `ventanillas` del servidor (clave, datos).

    Sin servicios vale la semilla. Una ventanilla sin lista de servicios los atiende todos; sin
    ventanillas se suponen VENTANILLAS_POR_DEFECTO. Los íconos que el servidor no manda se toman
    de la semilla por la clave del servicio.
    """
    iconos = {s.clave: s.icono for s in servicios_semilla()}
    lista = tuple(
        Servicio(
            clave=clave,
            letra=str(datos["letra"]),
            nombre=str(datos["nombre"]),
            espera_objetivo_min=int(datos.get("espera_objetivo_min", 15)),
            icono=str(datos.get("icono") or iconos.get(clave, "")),
        )
        for clave, datos in sorted(servicios, key=lambda fila: str(fila[1].get("letra", "")))
        if datos.get("letra")
    ) or servicios_semilla()
    claves = tuple(s.clave for s in lista)
    puestos = tuple(
        Ventanilla(int(clave), tuple(c for c in datos.get("servicios", claves) if c in claves) or claves)
        for clave, datos in ventanillas
        if str(clave).isdigit()
    ) or tuple(Ventanilla(n, claves) for n in range(1, VENTANILLAS_POR_DEFECTO + 1))
    return Catalogo(lista, tuple(sorted(puestos, key=lambda v: v.numero)))
