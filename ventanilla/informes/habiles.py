"""Un índice de días hábiles para contar plazos de cientos de miles de solicitudes sin recorrer
el calendario día por día.

`Calendario.habiles_entre` camina de un día al siguiente: bien para una solicitud, lento para
un millón. Aquí se numeran una vez los días hábiles de un rango y cada cuenta queda en una resta.
Las fechas van como texto ISO (AAAA-MM-DD), que es como las guarda el almacén: así la lectura no
tiene que convertir cada fecha. Da los mismos números que el calendario (una prueba lo verifica).
"""

from __future__ import annotations

from datetime import date, timedelta

from ventanilla.dominio.calendario import Calendario

__all__ = ["IndiceHabil"]


class IndiceHabil:
    """Cuentas de días hábiles entre `desde` y `hasta` (con margen para los vencimientos)."""

    def __init__(self, calendario: Calendario, desde: date, hasta: date) -> None:
        self._calendario = calendario
        self._construir(desde, hasta)

    def _construir(self, desde: date, hasta: date) -> None:
        self._desde, self._hasta = desde, hasta
        self._posicion: dict[str, int] = {}
        self._habiles: list[str] = []
        dia = desde
        while dia <= hasta:
            texto = dia.isoformat()
            if self._calendario.es_habil(dia):
                self._habiles.append(texto)
            self._posicion[texto] = len(self._habiles)
            dia += timedelta(days=1)

    def posicion(self, dia: str) -> int:
        """Cuántos días hábiles hay desde el inicio del rango hasta `dia` inclusive.

        Una fecha fuera del rango lo amplía (con margen): las posiciones solo se comparan entre sí.
        """
        posicion = self._posicion.get(dia)
        if posicion is None:
            fecha = date.fromisoformat(dia)
            margen = timedelta(days=90)
            self._construir(min(self._desde, fecha - margen), max(self._hasta, fecha + margen))
            posicion = self._posicion[dia]
        return posicion

    def entre(self, desde: str, hasta: str) -> int:
        """Días hábiles en (desde, hasta], como `Calendario.habiles_entre`."""
        if desde not in self._posicion:
            self.posicion(desde)
        return self.posicion(hasta) - self.posicion(desde)

    def sumar(self, dia: str, n: int) -> str:
        """El n-ésimo día hábil después de `dia` (n ≥ 1), como `Calendario.sumar_habiles`."""
        indice = self.posicion(dia) + n - 1
        if indice >= len(self._habiles):
            self.posicion((self._hasta + timedelta(days=2 * n + 30)).isoformat())
            indice = self.posicion(dia) + n - 1
        return self._habiles[indice]
