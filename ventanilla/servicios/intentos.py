"""Espera creciente tras claves equivocadas: adivinar una clave en el mostrador sale caro.

Los primeros fallos de un usuario no cuestan nada (todos nos equivocamos); a partir de ahí cada
fallo dobla la espera antes del siguiente intento, hasta un máximo. Entrar bien borra la cuenta.
La cuenta se guarda en un archivo del directorio del equipo (sin claves ni datos de ciudadanos),
así cerrar y abrir la aplicación no la reinicia. El reloj se inyecta para probarlo sin esperar.

Uso desde la ventana de inicio de sesión:

    sesion = intentos.proteger(login, lambda: iniciar_sesion(almacen, login, clave))
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ventanilla.servicios.errores import ErrorDeServicio

__all__ = ["ARCHIVO_INTENTOS", "DemasiadosIntentos", "Intentos", "PoliticaEspera"]

ARCHIVO_INTENTOS = "intentos.json"
T = TypeVar("T")


class DemasiadosIntentos(ErrorDeServicio):
    """Hubo varias claves equivocadas seguidas: hay que esperar antes de volver a intentar."""


@dataclass(frozen=True)
class PoliticaEspera:
    libres: int = 3
    """Fallos seguidos que no imponen espera."""
    base_segundos: float = 5.0
    """Espera tras el primer fallo que ya cuenta; se dobla con cada fallo siguiente."""
    maximo_segundos: float = 300.0

    def espera_tras(self, fallos: int) -> float:
        if fallos < self.libres:
            return 0.0
        return min(self.maximo_segundos, self.base_segundos * 2 ** (fallos - self.libres))


class Intentos:
    """Los fallos de inicio de sesión de un equipo, por usuario."""

    def __init__(
        self,
        politica: PoliticaEspera | None = None,
        *,
        archivo: Path | None = None,
        reloj: Callable[[], float] = time.time,
    ) -> None:
        self.politica = politica or PoliticaEspera()
        self._archivo = archivo
        self._reloj = reloj
        self._registro: dict[str, tuple[int, float]] = self._cargar()

    def _cargar(self) -> dict[str, tuple[int, float]]:
        if self._archivo is None or not self._archivo.exists():
            return {}
        try:
            crudo = json.loads(self._archivo.read_text(encoding="utf-8"))
            return {str(k): (int(v[0]), float(v[1])) for k, v in crudo.items()}
        except (ValueError, TypeError, IndexError, AttributeError):
            return {}

    def _guardar(self) -> None:
        if self._archivo is not None:
            self._archivo.write_text(json.dumps(self._registro), encoding="utf-8")

    @staticmethod
    def _clave(login: str) -> str:
        return login.strip().casefold()

    def espera(self, login: str) -> float:
        """Segundos que faltan para poder intentar otra vez (0 si ya se puede)."""
        fallos, ultimo = self._registro.get(self._clave(login), (0, 0.0))
        restante = ultimo + self.politica.espera_tras(fallos) - self._reloj()
        return max(0.0, min(restante, self.politica.maximo_segundos))

    def exigir_turno(self, login: str) -> None:
        restante = self.espera(login)
        if restante > 0:
            segundos = math.ceil(restante)
            unidad = "segundo" if segundos == 1 else "segundos"
            raise DemasiadosIntentos(
                f"Hubo varias claves equivocadas seguidas. Espere {segundos} {unidad} y vuelva a intentarlo; "
                "si olvidó su clave, pídale al administrador del equipo que la restablezca."
            )

    def fallo(self, login: str) -> float:
        """Anota un fallo y devuelve cuántos segundos hay que esperar ahora."""
        fallos, _ = self._registro.get(self._clave(login), (0, 0.0))
        self._registro[self._clave(login)] = (fallos + 1, self._reloj())
        self._guardar()
        return self.espera(login)

    def exito(self, login: str) -> None:
        if self._registro.pop(self._clave(login), None) is not None:
            self._guardar()

    def proteger(self, login: str, entrar: Callable[[], T]) -> T:
        """Corre `entrar` si el usuario no está en espera; anota fallo o éxito según lo que pase."""
        self.exigir_turno(login)
        try:
            resultado = entrar()
        except ErrorDeServicio:
            self.fallo(login)
            raise
        self.exito(login)
        return resultado
