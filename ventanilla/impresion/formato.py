"""Fechas y horas como las lee un ciudadano en Colombia: «23 de noviembre de 2026, 10:42 a. m.».

Los documentos se imprimen siempre en la hora de Bogotá, sin importar la zona del equipo ni que
el almacén guarde UTC; una fecha sin zona es un error de quien llama, no algo que adivinar.
"""

from __future__ import annotations

from datetime import date, datetime

from ventanilla.dominio.calendario import BOGOTA

__all__ = ["MESES", "fecha_hora", "fecha_hora_corta", "fecha_larga", "hora", "local"]

_NBSP = "\u00a0"

MESES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)


def local(instante: datetime) -> datetime:
    """El instante en la hora de Bogotá; rechaza fechas sin zona horaria."""
    if instante.tzinfo is None or instante.utcoffset() is None:
        raise ValueError(f"La fecha {instante.isoformat()} no tiene zona horaria.")
    return instante.astimezone(BOGOTA)


def fecha_larga(dia: date) -> str:
    """«15 de diciembre de 2026»."""
    return f"{dia.day} de {MESES[dia.month - 1]} de {dia.year}"


def hora(instante: datetime) -> str:
    """«10:42 a. m.», «12:05 p. m.», en la hora de Bogotá.

    Los espacios son de no separación: la hora nunca se parte entre dos líneas.
    """
    en_bogota = local(instante)
    doce = en_bogota.hour % 12 or 12
    sufijo = "a." if en_bogota.hour < 12 else "p."
    return f"{doce}:{en_bogota.minute:02d}{_NBSP}{sufijo}{_NBSP}m."


def fecha_hora(instante: datetime) -> str:
    """«23 de noviembre de 2026, 10:42 a. m.», en la hora de Bogotá."""
    return f"{fecha_larga(local(instante).date())}, {hora(instante)}"


def fecha_hora_corta(instante: datetime) -> str:
    """«23/11/2026 10:42 a. m.», para los rótulos."""
    return f"{local(instante):%d/%m/%Y} {hora(instante)}"
