"""Los ajustes de un equipo, guardados en su almacén (tabla `configuracion`).

El punto de radicación y su serie se fijan una vez, por un administrador, al instalar o inscribir
el equipo; los funcionarios nunca eligen serie. Los demás ajustes (entidad, plantilla de
numeración, reglas del calendario) llegan del servidor central cuando el equipo está inscrito.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.modelos import Cierre, Configuracion
from ventanilla.dominio.calendario import Calendario
from ventanilla.dominio.radicados import PLANTILLA_POR_DEFECTO

__all__ = ["Ajustes", "AJUSTES_CAMBIADOS", "leer_ajustes", "guardar_ajustes", "calendario_de"]

AJUSTES_CAMBIADOS = "ventanilla_ajustes_cambiados"
"""Marca en `Session.info`: la transacción cambió ajustes y el almacén debe releerlos."""


@dataclass(frozen=True)
class Ajustes:
    dispositivo: str = ""
    serie: str = "VU01"
    serie_num: int = 100
    punto: str = "Ventanilla Única CAM"
    entidad: str = "MZL"
    entidad_nombre: str = "Alcaldía de Manizales"
    entidad_nit: str = "890801053-7"
    plantilla: str = PLANTILLA_POR_DEFECTO
    configurado: bool = False
    """Un administrador confirmó el punto y la serie en el primer arranque."""
    administrador: str = "admin"
    """El usuario con que actúan las órdenes de la línea de comandos si no se dice otro."""
    servidor: str = ""
    url_consulta: str = "https://www.manizales.gov.co/consulta?radicado={radicado}"
    sabado_habil: bool = False
    recibo_tras_cierre: bool = True
    dias_por_vencer: int = 3
    reiniciar_termino_incompleta: bool = False
    roles_correspondencia: tuple[str, ...] = ("correspondencia", "supervisor")
    """Roles que aprueban anulaciones (la unidad de correspondencia; por defecto, supervisores)."""
    numero_ventanilla: int = 1
    """El mostrador de este equipo en la cola de turnos: la pantalla anuncia «Ventanilla N»."""


_CAMPOS = {f.name: f for f in fields(Ajustes)}


def leer_ajustes(sesion: Session) -> Ajustes:
    valores: dict[str, Any] = {}
    for fila in sesion.scalars(select(Configuracion)):
        if fila.clave in _CAMPOS:
            valor = fila.valor
            valores[fila.clave] = tuple(valor) if isinstance(valor, list) else valor
    return replace(Ajustes(), **valores)


def guardar_ajustes(sesion: Session, **cambios: Any) -> None:
    desconocidos = set(cambios) - set(_CAMPOS)
    if desconocidos:
        raise KeyError(f"ajustes desconocidos: {', '.join(sorted(desconocidos))}")
    sesion.info[AJUSTES_CAMBIADOS] = True
    for clave, valor in cambios.items():
        sesion.merge(Configuracion(clave=clave, valor=list(valor) if isinstance(valor, tuple) else valor))


def calendario_de(sesion: Session, ajustes: Ajustes) -> Calendario:
    """El calendario hábil de la entidad con sus días cerrados."""
    cierres = sesion.scalars(select(Cierre.fecha))
    return Calendario.con_cierres(
        cierres, sabado_habil=ajustes.sabado_habil, recibo_tras_cierre=ajustes.recibo_tras_cierre
    )
