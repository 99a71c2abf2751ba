"""La forma común de todos los informes: cifras destacadas, tablas con columnas tipadas y
párrafos. Cada informe se arma una vez con esta forma y se escribe igual en PDF, XLSX y CSV,
así las tres salidas dicen siempre lo mismo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

__all__ = ["Bloque", "Cifra", "Columna", "Informe", "Parrafo", "Tabla", "Tipo"]


class Tipo(StrEnum):
    """Cómo se escribe el valor de una celda (y su tipo en la hoja de cálculo)."""

    TEXTO = "texto"
    ENTERO = "entero"
    DECIMAL = "decimal"
    PORCENTAJE = "porcentaje"
    """Un número de 0 a 100."""
    FECHA = "fecha"
    FECHA_HORA = "fecha_hora"


@dataclass(frozen=True)
class Columna:
    titulo: str
    tipo: Tipo = Tipo.TEXTO
    ancho: float = 1.0
    """Ancho relativo en el PDF."""


@dataclass
class Tabla:
    titulo: str
    columnas: list[Columna]
    filas: list[list[Any]]
    totales: list[Any] | None = None
    nota: str = ""
    max_filas_pdf: int | None = None
    """Si hay más filas, el PDF muestra estas y dice cuántas quedan (las hojas las llevan todas)."""
    grafico: str | None = None
    """«barras» si la tabla se entiende mejor como gráfico (primera columna contra la segunda)."""


@dataclass(frozen=True)
class Cifra:
    etiqueta: str
    valor: Any
    tipo: Tipo = Tipo.ENTERO


@dataclass(frozen=True)
class Parrafo:
    texto: str
    titulo: str = ""


Bloque = Tabla | Parrafo | list[Cifra]


@dataclass
class Informe:
    tipo: str
    titulo: str
    entidad: str
    nit: str
    desde: date
    hasta: date
    periodo: str
    """El periodo dicho en palabras."""
    corte: datetime
    generado_en: datetime
    corte_texto: str = ""
    """El corte dicho en palabras: «estado de las solicitudes al final del 30/09/2026»."""
    bloques: list[Bloque] = field(default_factory=list)
    fuente: str = ""
    """La norma o el documento que pide el informe."""

    @property
    def tablas(self) -> list[Tabla]:
        return [b for b in self.bloques if isinstance(b, Tabla)]

    @property
    def cifras(self) -> list[Cifra]:
        return [c for b in self.bloques if isinstance(b, list) for c in b]

    def tabla(self, titulo: str) -> Tabla:
        for t in self.tablas:
            if t.titulo == titulo:
                return t
        raise KeyError(titulo)

    def cifra(self, etiqueta: str) -> Any:
        for c in self.cifras:
            if c.etiqueta == etiqueta:
                return c.valor
        raise KeyError(etiqueta)
