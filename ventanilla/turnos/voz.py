"""Las voces que dicen los anuncios: QtTextToSpeech y, como respaldo, espeak-ng.

QtTextToSpeech usa la voz del sistema (SAPI en Windows, speech-dispatcher en Linux). En Linux el
cliente de speech-dispatcher se bloquea sin límite si el servicio está colgado (por ejemplo, sin
servidor de audio); por eso antes de usarlo se le pregunta por su socket con un tope de tiempo,
y si no responde se habla con espeak-ng, que es la misma voz que usaría speech-dispatcher.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech


__all__ = ["Voz", "VozEspeak", "VozQt", "sintetizar_wav", "speechd_responde", "voz_por_defecto"]


def speechd_responde(tope_s: float = 1.0) -> bool:
    """True si no hay speech-dispatcher que probar (se lanzará solo) o si contesta a tiempo."""
    direccion = os.environ.get("SPEECHD_ADDRESS", "")
    if direccion.startswith("unix_socket:"):
        ruta = Path(direccion.partition(":")[2])
    else:
        base = os.environ.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
        ruta = Path(base) / "speech-dispatcher" / "speechd.sock"
    if not ruta.exists():
        return True
    with socket.socket(socket.AF_UNIX) as conexion:
        conexion.settimeout(tope_s)
        try:
            conexion.connect(str(ruta))
            conexion.sendall(b"SET SELF CLIENT_NAME ventanilla:anuncios:sonda\r\n")
            return conexion.recv(64).startswith(b"2")
        except OSError:
            return False


def sintetizar_wav(texto: str, destino: Path, voz: str = "es") -> Path:
    """Escribe el anuncio en un WAV con espeak-ng (QTextToSpeech no expone `synthesize` en PySide6)."""
    programa = shutil.which("espeak-ng")
    if programa is None:
        raise FileNotFoundError("No se encontró espeak-ng: instálelo para sintetizar anuncios.")
    subprocess.run([programa, "-v", voz, "-w", str(destino), texto], check=True, timeout=30)
    return destino


class Voz(QObject):
    """Una forma de decir un texto; avisa con `terminado` cuando acaba (o falla)."""

    terminado = Signal()
    problema = Signal(str)

    def decir(self, texto: str) -> None:
        raise NotImplementedError


class VozEspeak(Voz):
    """espeak-ng en un proceso aparte. Con `carpeta`, escribe cada anuncio en un WAV numerado."""

    def __init__(self, carpeta: Path | None = None, voz: str = "es", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._carpeta, self._voz, self._cuenta = carpeta, voz, 0
        self._proceso = QProcess(self)
        self._proceso.finished.connect(lambda *_: self.terminado.emit())
        self._proceso.errorOccurred.connect(self._fallo)

    @property
    def archivos(self) -> list[Path]:
        if self._carpeta is None:
            return []
        return sorted(self._carpeta.glob("anuncio-*.wav"))

    def decir(self, texto: str) -> None:
        argumentos = ["-v", self._voz]
        if self._carpeta is not None:
            self._cuenta += 1
            argumentos += ["-w", str(self._carpeta / f"anuncio-{self._cuenta:04d}.wav")]
        self._proceso.start("espeak-ng", [*argumentos, texto])

    def _fallo(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.problema.emit("No se pudo iniciar espeak-ng: los anuncios no se dirán en voz alta.")
            self.terminado.emit()


class VozQt(Voz):
    """QTextToSpeech en español de Colombia (o el español que haya)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts = QTextToSpeech(self)
        locales = [loc for loc in self._tts.availableLocales() if loc.language() == QLocale.Language.Spanish]
        preferido = next((loc for loc in locales if loc.territory() == QLocale.Country.Colombia), None)
        if preferido or locales:
            self._tts.setLocale(preferido or locales[0])
        self.disponible = bool(locales) and self._tts.state() != QTextToSpeech.State.Error
        self._hablando = False
        self._tts.stateChanged.connect(self._estado)
        # Algunos motores no avisan al terminar si no hay audio: un tope evita que la cola se detenga.
        self._tope = QTimer(self, singleShot=True)
        self._tope.timeout.connect(self._fin)

    def decir(self, texto: str) -> None:
        self._hablando = True
        self._tope.start(3000 + 120 * len(texto))
        self._tts.say(texto)

    def _estado(self, estado: QTextToSpeech.State) -> None:
        if estado == QTextToSpeech.State.Error:
            self.problema.emit(f"La voz del sistema falló: {self._tts.errorString()}")
            self._fin()
        elif estado == QTextToSpeech.State.Ready:
            self._fin()

    def _fin(self) -> None:
        if self._hablando:
            self._hablando = False
            self._tope.stop()
            self.terminado.emit()


def voz_por_defecto(parent: QObject | None = None) -> Voz:
    """La voz del sistema si responde y habla español; si no, espeak-ng."""
    if sys.platform.startswith("linux") and not speechd_responde():
        return VozEspeak(parent=parent)
    voz = VozQt(parent)
    if voz.disponible:
        return voz
    voz.deleteLater()
    return VozEspeak(parent=parent)
