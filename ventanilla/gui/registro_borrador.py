"""El borrador del formulario de radicación: guardado medio segundo después de cada cambio.

Cada guardado corre fuera del hilo de la interfaz y nunca dos a la vez: si llega un cambio
mientras se escribe el anterior, se vuelve a guardar al terminar, así el último estado siempre
gana. Al cerrar la ventana o la sesión se guarda en el acto.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import QObject, QTimer, QWidget
from ventanilla.servicios.borradores import descartar_borrador, guardar_borrador, leer_borrador

__all__ = ["ESPERA_MS", "GuardianBorrador"]

ESPERA_MS = 500


class GuardianBorrador(QObject):
    """Guarda lo que `leer()` devuelve como borrador de `usuario`, salvo si `vacio(datos)`."""

    def __init__(
        self,
        dueno: QWidget,
        directorio: Path,
        usuario: str,
        leer: Callable[[], dict[str, Any]],
        vacio: Callable[[dict[str, Any]], bool],
    ) -> None:
        super().__init__(dueno)
        self._dueno = dueno
        self._directorio = directorio
        self._usuario = usuario
        self._leer = leer
        self._vacio = vacio
        self._pausado = False
        self._guardando = False
        self._pendiente = False
        self._temporizador = QTimer(self)
        self._temporizador.setSingleShot(True)
        self._temporizador.setInterval(ESPERA_MS)
        self._temporizador.timeout.connect(self._guardar)

    def programar(self, *_: Any) -> None:
        """Un cambio en el formulario: guardar dentro de medio segundo (si no está en pausa)."""
        if not self._pausado:
            self._temporizador.start()

    @contextmanager
    def en_pausa(self) -> Iterator[None]:
        """Mientras el programa llena o limpia el formulario, los cambios no cuentan."""
        self._pausado = True
        try:
            yield
        finally:
            self._pausado = False

    def _con_hora(self) -> dict[str, Any] | None:
        datos = self._leer()
        if self._vacio(datos):
            return None
        datos["guardado_en"] = datetime.now(UTC).isoformat()
        return datos

    def _guardar(self) -> None:
        if self._guardando:
            self._pendiente = True
            return
        datos = self._con_hora()
        if datos is None:
            descartar_borrador(self._directorio, self._usuario)
            return
        self._guardando = True
        directorio, usuario = self._directorio, self._usuario
        ejecutar(self._dueno, lambda: guardar_borrador(directorio, usuario, datos), al_terminar=self._guardado,
                 al_fallar=self._guardado)

    def _guardado(self, *_: Any) -> None:
        self._guardando = False
        if self._pendiente:
            self._pendiente = False
            self._guardar()

    def guardar_ya(self) -> None:
        """Guarda en este mismo instante (al cerrar la ventana o la sesión)."""
        self._temporizador.stop()
        datos = self._con_hora()
        if datos is not None:
            guardar_borrador(self._directorio, self._usuario, datos)

    def descartar(self) -> None:
        self._temporizador.stop()
        descartar_borrador(self._directorio, self._usuario)

    def recuperar(self) -> dict[str, Any] | None:
        """El borrador guardado, si tiene algo escrito (`BorradorIlegible` si no se pudo leer)."""
        datos = leer_borrador(self._directorio, self._usuario)
        return datos if datos and not self._vacio(datos) else None
