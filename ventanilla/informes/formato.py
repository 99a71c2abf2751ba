"""Números y fechas como se leen en Colombia: 1.234, 12,5, 87,3 %, 23/11/2026 10:42 a. m.

Lo usan el PDF y la pantalla; la hoja de cálculo y el CSV guardan los valores con su tipo.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.informes.modelo import Tipo

__all__ = ["celda", "decimal", "entero", "fecha_corta", "fecha_hora_corta", "por_ciento"]

_NBSP = "\u00a0"


def entero(valor: int) -> str:
    return f"{valor:,}".replace(",", ".")


def decimal(valor: float, cifras: int = 1) -> str:
    texto = f"{valor:,.{cifras}f}"
    return texto.replace(",", "_").replace(".", ",").replace("_", ".")


def por_ciento(valor: float) -> str:
    return f"{decimal(valor)}{_NBSP}%"


def fecha_corta(dia: date) -> str:
    return f"{dia:%d/%m/%Y}"


def fecha_hora_corta(instante: datetime) -> str:
    local = instante.astimezone(BOGOTA) if instante.tzinfo else instante
    doce = local.hour % 12 or 12
    sufijo = "a." if local.hour < 12 else "p."
    return f"{local:%d/%m/%Y} {doce}:{local.minute:02d}{_NBSP}{sufijo}{_NBSP}m."


def celda(valor: Any, tipo: Tipo) -> str:
    """El texto de un valor para leerlo (una celda vacía para None)."""
    if valor is None:
        return "—" if tipo in (Tipo.DECIMAL, Tipo.PORCENTAJE) else ""
    if tipo is Tipo.ENTERO and isinstance(valor, int):
        return entero(valor)
    if tipo is Tipo.DECIMAL and isinstance(valor, (int, float)):
        return decimal(float(valor))
    if tipo is Tipo.PORCENTAJE and isinstance(valor, (int, float)):
        return por_ciento(float(valor))
    if tipo is Tipo.FECHA_HORA and isinstance(valor, datetime):
        return fecha_hora_corta(valor)
    if tipo is Tipo.FECHA and isinstance(valor, date):
        return fecha_corta(valor)
    return str(valor)
