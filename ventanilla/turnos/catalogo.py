"""El catálogo de servicios de turnos de fábrica, leído de la semilla `servicios.csv`.

En la sede el catálogo es del servidor central y se descarga; la semilla sirve para una brigada
recién instalada y para las pruebas. Sin configuración, cada ventanilla atiende todos los
servicios en el orden de la semilla.
"""

from __future__ import annotations

import csv
import io

from ventanilla.dominio.turnos import Catalogo, Servicio, Ventanilla
from ventanilla.rutas import recurso

__all__ = ["catalogo_por_defecto", "servicios_semilla"]


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


def catalogo_por_defecto(ventanillas: int = 4) -> Catalogo:
    """Los servicios de la semilla y `ventanillas` puestos numerados desde 1 que los atienden todos."""
    servicios = servicios_semilla()
    claves = tuple(s.clave for s in servicios)
    return Catalogo(servicios, tuple(Ventanilla(n, claves) for n in range(1, ventanillas + 1)))
