"""Trabajo fuera del hilo de la interfaz: el único camino para radicar, buscar, entrar o exportar.

Toda llamada a `servicios/` que pueda tardar (escribir con fsync, verificar un hash argon2,
buscar en un almacén de un millón de solicitudes) pasa por `ejecutar`: corre en un hilo del
`QThreadPool` y, al terminar, entrega el resultado (o la excepción) en el hilo de la interfaz.
Así la ventana nunca se congela más de lo que tarda en pintar.

Reglas:
- El `trabajo` no toca ningún widget: recibe y devuelve datos. Todo lo visual va en
  `al_terminar` / `al_fallar`, que corren en el hilo de la interfaz.
- Si el widget dueño ya no existe cuando el trabajo termina, las respuestas no se llaman.
- Una operación que cambia el almacén declara qué cambió (`cambia={"solicitudes"}`); cuando
  termina bien, `avisos().cambiado` lo anuncia y cada pantalla decide si se redibuja.
- `avisos().ocupado` dice qué se está haciendo ("Radicando…"), para la barra de estado.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from shiboken6 import isValid

from ventanilla.gui.qt import QCoreApplication, QObject, QThreadPool, QWidget, Signal

__all__ = ["Avisos", "Operacion", "avisos", "ejecutar", "esperar_todas"]

T = TypeVar("T")


class Avisos(QObject):
    """Lo que las pantallas escuchan de todas las operaciones."""

    cambiado = Signal(object)
    """Un `frozenset[str]` con lo que cambió en el almacén ("solicitudes", "eventos"...)."""
    ocupado = Signal(str)
    """Qué se está haciendo; texto vacío cuando ya no hay nada en curso."""


_AVISOS: Avisos | None = None
_EN_CURSO: set[Operacion[Any]] = set()


def avisos() -> Avisos:
    global _AVISOS
    if _AVISOS is None:
        _AVISOS = Avisos()
    return _AVISOS


class Operacion(QObject, Generic[T]):
    """Una operación en curso; sus señales llegan en el hilo de la interfaz."""

    _terminada = Signal(object)
    _fallida = Signal(object)

    def __init__(
        self,
        dueno: QWidget | None,
        al_terminar: Callable[[T], None] | None,
        al_fallar: Callable[[Exception], None] | None,
        cambia: frozenset[str],
        descripcion: str,
    ) -> None:
        # Hija de la aplicación: la borra Qt (deleteLater) al terminar, nunca el recolector de
        # Python en medio de la entrega de su propia señal.
        super().__init__(QCoreApplication.instance())
        self._dueno = dueno
        self._al_terminar = al_terminar
        self._al_fallar = al_fallar
        self._cambia = cambia
        self.descripcion = descripcion
        self._terminada.connect(self._terminar)
        self._fallida.connect(self._fallar)

    def _vigente(self) -> bool:
        return self._dueno is None or isValid(self._dueno)

    def _cerrar(self) -> None:
        _EN_CURSO.discard(self)
        self.deleteLater()
        pendientes = [o.descripcion for o in _EN_CURSO if o.descripcion]
        avisos().ocupado.emit(pendientes[-1] if pendientes else "")

    def _terminar(self, resultado: T) -> None:
        self._cerrar()
        if self._cambia:
            avisos().cambiado.emit(self._cambia)
        if self._al_terminar is not None and self._vigente():
            self._al_terminar(resultado)

    def _fallar(self, error: Exception) -> None:
        self._cerrar()
        if not self._vigente():
            return
        if self._al_fallar is None:
            raise error
        self._al_fallar(error)


def _correr(operacion: Operacion[Any], trabajo: Callable[[], Any]) -> Callable[[], None]:
    def correr() -> None:
        try:
            resultado = trabajo()
        except Exception as error:  # noqa: BLE001  (se entrega al hilo de la interfaz, que decide)
            operacion._fallida.emit(error)
        else:
            operacion._terminada.emit(resultado)

    return correr


def ejecutar(
    dueno: QWidget | None,
    trabajo: Callable[[], T],
    *,
    al_terminar: Callable[[T], None] | None = None,
    al_fallar: Callable[[Exception], None] | None = None,
    cambia: frozenset[str] | set[str] = frozenset(),
    descripcion: str = "",
) -> Operacion[T]:
    """Corre `trabajo()` en otro hilo; entrega su resultado a `al_terminar` en el de la interfaz.

    Una excepción va a `al_fallar`; sin `al_fallar`, se relanza en el hilo de la interfaz (y
    la ve el manejador de errores de la aplicación).
    """
    operacion: Operacion[T] = Operacion(dueno, al_terminar, al_fallar, frozenset(cambia), descripcion)
    _EN_CURSO.add(operacion)
    if descripcion:
        avisos().ocupado.emit(descripcion)
    QThreadPool.globalInstance().start(_correr(operacion, trabajo))
    return operacion


def esperar_todas(milisegundos: int = 10_000) -> bool:
    """Espera a que terminen los trabajos en curso (al salir de la aplicación y en las pruebas)."""
    return QThreadPool.globalInstance().waitForDone(milisegundos)
