"""Supervisión e informes: la bitácora, el estado de los términos, los indicadores y los
informes periódicos (PDF, XLSX, CSV), todos calculados del registro de eventos y de los
modelos de lectura que lo siguen (ver docs/informes.md).
"""

from __future__ import annotations

from ventanilla.informes.generar import FORMATOS, TIPOS_INFORME, InformeDesconocido, armar, generar
from ventanilla.informes.periodo import Periodo, PeriodoInvalido

__all__ = ["FORMATOS", "TIPOS_INFORME", "InformeDesconocido", "Periodo", "PeriodoInvalido", "armar", "generar"]
