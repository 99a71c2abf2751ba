"""Lo que el formulario de radicación lee del almacén: catálogos y el calendario vigente.

La ventana muestra el vencimiento legal mientras el funcionario cambia el tipo; para eso
necesita el calendario hábil de la entidad (con sus días cerrados), que se lee una vez aquí y
se usa en memoria, sin volver a la base en cada tecla.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ventanilla.datos.ajustes import calendario_de
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Comuna, SolicitudFila
from ventanilla.dominio.calendario import Calendario

__all__ = ["EntradaCatalogo", "calendario_vigente", "comunas", "hay_solicitudes"]


@dataclass(frozen=True)
class EntradaCatalogo:
    codigo: str
    nombre: str
    clase: str = ""

    @property
    def etiqueta(self) -> str:
        return f"{self.nombre} ({self.clase})" if self.clase else self.nombre


def comunas(almacen: Almacen) -> list[EntradaCatalogo]:
    """Comunas y corregimientos del catálogo: primero las comunas, luego los corregimientos."""
    with almacen.leer() as sesion:
        filas = sesion.execute(select(Comuna.codigo, Comuna.nombre, Comuna.clase).order_by(Comuna.clase, Comuna.nombre))
        return [EntradaCatalogo(codigo, nombre, clase) for codigo, nombre, clase in filas]


def calendario_vigente(almacen: Almacen) -> Calendario:
    with almacen.leer() as sesion:
        return calendario_de(sesion, almacen.ajustes)


def hay_solicitudes(almacen: Almacen) -> bool:
    with almacen.leer() as sesion:
        return sesion.scalar(select(SolicitudFila.fila).limit(1)) is not None
