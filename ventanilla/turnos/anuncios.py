"""Anuncios en voz alta de los llamados: una campanilla y «Turno A 23, ventanilla 4».

Los anuncios se encolan y se dicen uno tras otro, cada uno con su propio turno y su ventanilla:
en una ráfaga de llamados nunca se dice el último mensaje en lugar del que toca. La voz es la de
QtTextToSpeech o, si no sirve, espeak-ng (ver `voz.py`). Si no hay sonido la cola sigue, en
silencio, y lo dice en su estado.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect

from ventanilla.dominio.turnos import codigo_hablado
from ventanilla.rutas import recurso
from ventanilla.turnos.cola import Llamado
from ventanilla.turnos.voz import Voz, voz_por_defecto

__all__ = ["ColaAnuncios", "texto_anuncio"]

CAMPANILLA_MS = 1200
"""Lo que dura la campanilla (1,15 s) y un respiro antes de hablar."""


def texto_anuncio(llamado: Llamado) -> str:
    """Lo que se dice en la sala: el turno y la ventanilla, no solo el número."""
    turno = codigo_hablado(llamado.codigo)
    if llamado.rellamado:
        return f"Nuevo llamado: turno {turno}, ventanilla {llamado.ventanilla}"
    if llamado.preferencial:
        return f"Turno preferencial {turno}, ventanilla {llamado.ventanilla}"
    return f"Turno {turno}, ventanilla {llamado.ventanilla}"


class ColaAnuncios(QObject):
    """Los llamados por anunciar, en orden: campanilla, voz, y el siguiente."""

    anunciando = Signal(object, str)
    anunciado = Signal(object, str)
    estado = Signal(str)

    def __init__(self, voz: Voz | None = None, *, campanilla: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._voz = voz or voz_por_defecto(self)
        self._voz.terminado.connect(self._dicho)
        self._voz.problema.connect(self.estado)
        self._pendientes: deque[Llamado] = deque()
        self._actual: tuple[Llamado, str] | None = None
        self._efecto: QSoundEffect | None = None
        if campanilla:
            self._efecto = QSoundEffect(self)
            self._efecto.setSource(QUrl.fromLocalFile(str(recurso("sonidos", "campanilla.wav"))))
        self._espera = QTimer(self, singleShot=True)
        self._espera.timeout.connect(self._hablar)

    @property
    def pendientes(self) -> int:
        return len(self._pendientes) + (1 if self._actual else 0)

    def anunciar(self, llamado: Llamado) -> None:
        self._pendientes.append(llamado)
        if self._actual is None:
            self._siguiente()

    def _siguiente(self) -> None:
        if not self._pendientes:
            self._actual = None
            return
        llamado = self._pendientes.popleft()
        self._actual = (llamado, texto_anuncio(llamado))
        self.anunciando.emit(*self._actual)
        if self._efecto is None:
            self._hablar()
            return
        if self._efecto.status() == QSoundEffect.Status.Error:
            self.estado.emit("Sin sonido: la campanilla no se pudo reproducir.")
        else:
            self._efecto.play()
        self._espera.start(CAMPANILLA_MS)

    def _hablar(self) -> None:
        if self._actual is not None:
            self._voz.decir(self._actual[1])

    def _dicho(self) -> None:
        if self._actual is not None:
            self.anunciado.emit(*self._actual)
        self._siguiente()
