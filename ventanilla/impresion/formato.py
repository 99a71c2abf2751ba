"""Fechas y horas como las lee un ciudadano en Colombia: «23 de noviembre de 2026, 10:42 a. m.».

Los documentos se imprimen siempre en la hora de Bogotá, sin importar la zona del equipo ni que
el almacén guarde UTC; una fecha sin zona es un error de quien llama, no algo que adivinar.
"""

from __future__ import annotations

from datetime import date, datetime

from ventanilla.dominio.calendario import BOGOTA

__all__ = ["MESES", "fecha_larga", "hora", "fecha_hora", "local"]

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
    """«10:42 a. m.», «12:05 p. m.», en la hora de Bogotá."""
    en_bogota = local(instante)
    doce = en_bogota.hour % 12 or 12
    sufijo = "a. m." if en_bogota.hour < 12 else "p. m."
    return f"{doce}:{en_bogota.minute:02d} {sufijo}"


def fecha_hora(instante: datetime) -> str:
    """«23 de noviembre de 2026, 10:42 a. m.», en la hora de Bogotá."""
    return f"{fecha_larga(local(instante).date())}, {hora(instante)}"
