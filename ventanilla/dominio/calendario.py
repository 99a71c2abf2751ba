"""Calendario hábil de la entidad: qué días cuentan para los términos legales y cuándo se
entiende recibida una solicitud.

Los festivos de Colombia vienen del paquete `holidays` (país CO, Ley 51 de 1983 incluida); nunca
se escriben a mano. A ellos se suman los días que la entidad declara cerrados. Los sábados no
son hábiles salvo que la entidad los trabaje (ajuste). El horario de atención decide la regla de
recibo fuera de horario: lo recibido después del cierre, o en un día no hábil, se entiende
recibido el siguiente día hábil (política de la oficina, activa por defecto).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

__all__ = [
    "BOGOTA",
    "Horario",
    "HORARIO_MANIZALES",
    "Calendario",
    "festivos_de_colombia",
    "combinar_local",
]

BOGOTA = ZoneInfo("America/Bogota")


@dataclass(frozen=True)
class Horario:
    """Hora de cierre de la atención por día de la semana (0 = lunes). Un día sin cierre no atiende."""

    cierres: dict[int, time]

    def cierre(self, dia: date) -> time | None:
        return self.cierres.get(dia.weekday())


# Lunes a jueves 07:00–12:00 y 13:30–16:30; viernes 07:00–15:00 jornada continua (CAM, Manizales).
# La pausa del almuerzo no cuenta como cierre: solo importa la hora del último cierre del día.
HORARIO_MANIZALES = Horario({0: time(16, 30), 1: time(16, 30), 2: time(16, 30), 3: time(16, 30), 4: time(15, 0)})


@lru_cache(maxsize=64)
def festivos_de_colombia(anio: int) -> frozenset[date]:
    """Los festivos nacionales de un año, según el paquete `holidays`."""
    return frozenset(holidays.country_holidays("CO", years=anio).keys())


@dataclass(frozen=True)
class Calendario:
    """Días hábiles y regla de recibo de una entidad.

    `sabado_habil`: la entidad atiende y cuenta los sábados. `recibo_tras_cierre`: lo recibido
    después del cierre se entiende recibido el siguiente día hábil. `cierres_extra`: días que
    la entidad declara cerrados (no cuentan para los términos).
    """

    cierres_extra: frozenset[date] = field(default_factory=frozenset)
    sabado_habil: bool = False
    horario: Horario = HORARIO_MANIZALES
    recibo_tras_cierre: bool = True

    @classmethod
    def con_cierres(cls, cierres: Iterable[date], **ajustes: object) -> Calendario:
        return cls(cierres_extra=frozenset(cierres), **ajustes)  # type: ignore[arg-type]

    def es_habil(self, dia: date) -> bool:
        dia_semana = dia.weekday()
        if dia_semana == 6 or (dia_semana == 5 and not self.sabado_habil):
            return False
        return dia not in festivos_de_colombia(dia.year) and dia not in self.cierres_extra

    def siguiente_habil(self, dia: date) -> date:
        """El primer día hábil estrictamente posterior a `dia`."""
        siguiente = dia + timedelta(days=1)
        while not self.es_habil(siguiente):
            siguiente += timedelta(days=1)
        return siguiente

    def habil_o_siguiente(self, dia: date) -> date:
        return dia if self.es_habil(dia) else self.siguiente_habil(dia)

    def sumar_habiles(self, dia: date, n: int) -> date:
        """El n-ésimo día hábil después de `dia` (el día 1 es el hábil siguiente). n = 0 da `dia`."""
        if n < 0:
            raise ValueError("n debe ser cero o positivo")
        actual = dia
        for _ in range(n):
            actual = self.siguiente_habil(actual)
        return actual

    def habiles_entre(self, desde: date, hasta: date) -> int:
        """Cuántos días hábiles hay en (desde, hasta]; negativo si `hasta` es anterior."""
        if hasta < desde:
            return -self.habiles_entre(hasta, desde)
        cuenta = 0
        dia = desde + timedelta(days=1)
        while dia <= hasta:
            if self.es_habil(dia):
                cuenta += 1
            dia += timedelta(days=1)
        return cuenta

    def fecha_de_recibo(self, recibido: datetime) -> date:
        """El día hábil en que la solicitud se entiende recibida (hora local de Bogotá).

        Un día no hábil, o después del cierre con la regla activa, pasa al siguiente día hábil.
        """
        if recibido.tzinfo is None:
            raise ValueError("la hora de recibo debe llevar zona horaria")
        local = recibido.astimezone(BOGOTA)
        dia = local.date()
        if not self.es_habil(dia):
            return self.siguiente_habil(dia)
        cierre = self.horario.cierre(dia)
        if self.recibo_tras_cierre and (cierre is None or local.time() >= cierre):
            return self.siguiente_habil(dia)
        return dia


def combinar_local(dia: date, hora: time) -> datetime:
    """Un instante en hora de Bogotá."""
    return datetime.combine(dia, hora, tzinfo=BOGOTA)
