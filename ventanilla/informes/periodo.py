"""El periodo de un informe y el instante de corte con que se clasifica cada solicitud.

Un periodo son dos fechas locales (hora de Bogotá), ambas incluidas. El corte es el final del
último día (medianoche siguiente en Bogotá) o el momento presente si el periodo aún no termina:
un informe del pasado clasifica cada solicitud como estaba en ese instante, no como está hoy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from ventanilla.dominio.calendario import BOGOTA

__all__ = ["Periodo", "PeriodoInvalido", "anio_de", "iso_utc", "mes_de", "semana_de", "trimestre_de"]

_MESES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)


class PeriodoInvalido(ValueError):
    """Las fechas del periodo no sirven (formato o orden)."""


def iso_utc(instante: datetime) -> str:
    """El instante como lo guarda el almacén (texto ISO en UTC, comparable como texto)."""
    return instante.astimezone(UTC).isoformat(timespec="microseconds")


def _larga(dia: date) -> str:
    return f"{dia.day} de {_MESES[dia.month - 1]} de {dia.year}"


@dataclass(frozen=True)
class Periodo:
    desde: date
    hasta: date

    def __post_init__(self) -> None:
        if self.hasta < self.desde:
            raise PeriodoInvalido(
                f"El periodo termina ({self.hasta.isoformat()}) antes de empezar ({self.desde.isoformat()})."
            )

    @classmethod
    def de_texto(cls, desde: str, hasta: str) -> Periodo:
        try:
            return cls(date.fromisoformat(desde), date.fromisoformat(hasta))
        except ValueError as error:
            if isinstance(error, PeriodoInvalido):
                raise
            raise PeriodoInvalido(f"Escriba las fechas como AAAA-MM-DD (por ejemplo 2026-07-01): {error}.") from None

    @property
    def inicio(self) -> datetime:
        """El primer instante del periodo (00:00 del primer día en Bogotá)."""
        return datetime.combine(self.desde, time(0), tzinfo=BOGOTA)

    @property
    def fin(self) -> datetime:
        """El instante en que el periodo termina (00:00 del día siguiente al último, excluido)."""
        return datetime.combine(self.hasta + timedelta(days=1), time(0), tzinfo=BOGOTA)

    def corte(self, ahora: datetime | None = None) -> datetime:
        """El instante al que se clasifica: el fin del periodo, o ahora si aún no llega."""
        presente = ahora or datetime.now(UTC)
        return min(self.fin, presente.astimezone(BOGOTA))

    def dia_de_corte(self, ahora: datetime | None = None) -> date:
        """El día («hoy» del informe) con que se mide si una solicitud está vencida o por vencer."""
        corte = self.corte(ahora)
        return self.hasta if corte >= self.fin else corte.astimezone(BOGOTA).date()

    @property
    def dias(self) -> int:
        return (self.hasta - self.desde).days + 1

    @property
    def etiqueta(self) -> str:
        if self.desde == self.hasta:
            return _larga(self.desde)
        return f"Del {_larga(self.desde)} al {_larga(self.hasta)}"


def semana_de(dia: date) -> Periodo:
    """La semana de lunes a domingo que contiene `dia`."""
    lunes = dia - timedelta(days=dia.weekday())
    return Periodo(lunes, lunes + timedelta(days=6))


def mes_de(dia: date) -> Periodo:
    siguiente = date(dia.year + (dia.month == 12), dia.month % 12 + 1, 1)
    return Periodo(date(dia.year, dia.month, 1), siguiente - timedelta(days=1))


def trimestre_de(dia: date) -> Periodo:
    primer_mes = 3 * ((dia.month - 1) // 3) + 1
    inicio = date(dia.year, primer_mes, 1)
    return Periodo(inicio, mes_de(date(dia.year, primer_mes + 2, 1)).hasta)


def anio_de(dia: date) -> Periodo:
    return Periodo(date(dia.year, 1, 1), date(dia.year, 12, 31))
