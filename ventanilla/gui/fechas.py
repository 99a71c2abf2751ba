"""Fechas y horas como las lee la gente en Colombia: «15 dic 2026», «lunes 23 nov. 2026, 10:42».

Se escriben a mano y no con el locale del sistema, que en un equipo configurado en inglés
daría «Dec» y «Monday».
"""

from __future__ import annotations

from datetime import date, datetime

from ventanilla.dominio.calendario import BOGOTA

__all__ = ["fecha_con_dia", "fecha_corta", "fecha_hora", "hora", "local"]

_MESES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
_DIAS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def local(instante: datetime) -> datetime:
    return instante.astimezone(BOGOTA)


def fecha_corta(dia: date) -> str:
    return f"{dia.day} {_MESES[dia.month - 1]} {dia.year}"


def fecha_con_dia(dia: date) -> str:
    return f"{_DIAS[dia.weekday()]} {dia.day} {_MESES[dia.month - 1]}. {dia.year}"


def hora(instante: datetime) -> str:
    return local(instante).strftime("%H:%M")


def fecha_hora(instante: datetime) -> str:
    momento = local(instante)
    return f"{fecha_con_dia(momento.date())}, {momento:%H:%M}"
