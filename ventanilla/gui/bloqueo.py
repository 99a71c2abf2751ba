"""Bloqueo por inactividad: tras unos minutos sin uso, una capa opaca tapa la ventana.

En un mostrador compartido, un funcionario que se levanta no debe dejar a la vista (ni al
alcance) los datos del ciudadano que atendía. Tras `espera_ms` sin teclado ni ratón (5 minutos
por defecto, configurable) una capa cubre la ventana entera y pide la clave de quien tenía la
sesión. El formulario abierto queda debajo tal como estaba: no se cierra, no se limpia, y al
desbloquear vuelve el foco al campo donde estaba. Mientras dura el bloqueo, un filtro de eventos
de la aplicación descarta el teclado y el ratón dirigidos a la ventana o a sus diálogos, salvo a
la capa.

El reloj se inyecta (milisegundos, monótono) para que las pruebas avancen el tiempo sin esperar.
Integración en la ventana principal, una línea:

    self._bloqueo = VigilanteInactividad(self, verificar=lambda clave: ..., usuario=sesion.nombre)
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ventanilla.gui.qt import (
    QApplication,
    QEvent,
    QFrame,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.servicios.errores import ErrorDeServicio

__all__ = ["ESPERA_POR_DEFECTO_MS", "CapaBloqueo", "VigilanteInactividad", "reloj_monotono"]

ESPERA_POR_DEFECTO_MS = 5 * 60 * 1000
_REVISAR_CADA_MS = 1000
_ACTIVIDAD = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
}


def reloj_monotono() -> int:
    return time.monotonic_ns() // 1_000_000


class CapaBloqueo(QFrame):
    """La capa que tapa la ventana: quién tenía la sesión, su clave y un botón para volver."""

    intento = Signal(str)

    def __init__(self, ventana: QWidget, usuario: str) -> None:
        super().__init__(ventana)
        self.setObjectName("capaBloqueo")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.titulo = QLabel(f"Sesión de {usuario} bloqueada por inactividad")
        self.titulo.setObjectName("tituloBloqueo")
        self.titulo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clave = QLineEdit()
        self.clave.setEchoMode(QLineEdit.EchoMode.Password)
        self.clave.setAccessibleName("Clave para desbloquear")
        self.clave.setPlaceholderText("Escriba su clave")
        self.boton = QPushButton("&Desbloquear")
        self.mensaje = QLabel("")
        self.mensaje.setObjectName("mensajeBloqueo")
        self.mensaje.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mensaje.setWordWrap(True)
        caja = QVBoxLayout(self)
        caja.addStretch(1)
        for widget in (self.titulo, self.clave, self.boton, self.mensaje):
            caja.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        caja.addStretch(1)
        self.clave.setMinimumWidth(280)
        self.clave.returnPressed.connect(self._enviar)
        self.boton.clicked.connect(self._enviar)
        self.hide()

    def _enviar(self) -> None:
        clave = self.clave.text()
        self.clave.clear()
        self.intento.emit(clave)

    def cubrir(self) -> None:
        ventana = self.parentWidget()
        if ventana is not None:
            self.setGeometry(ventana.rect())
        self.mensaje.setText("")
        self.show()
        self.raise_()
        self.clave.setFocus(Qt.FocusReason.OtherFocusReason)


class VigilanteInactividad(QObject):
    """Vigila la actividad en toda la aplicación y bloquea `ventana` tras `espera_ms` sin uso."""

    bloqueado = Signal()
    desbloqueado = Signal()

    def __init__(
        self,
        ventana: QWidget,
        *,
        verificar: Callable[[str], bool],
        usuario: str = "",
        espera_ms: int = ESPERA_POR_DEFECTO_MS,
        reloj: Callable[[], int] = reloj_monotono,
        revisar_cada_ms: int = _REVISAR_CADA_MS,
    ) -> None:
        super().__init__(ventana)
        self._ventana = ventana
        self._verificar = verificar
        self._reloj = reloj
        self.espera_ms = espera_ms
        self._ultima = reloj()
        self._foco: QWidget | None = None
        self._bloqueada = False
        self.capa = CapaBloqueo(ventana, usuario)
        self.capa.intento.connect(self.desbloquear)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        ventana.installEventFilter(self)
        self._temporizador = QTimer(self)
        self._temporizador.setInterval(revisar_cada_ms)
        self._temporizador.timeout.connect(self.revisar)
        self._temporizador.start()

    @property
    def activo(self) -> bool:
        """Verdadero mientras la ventana está bloqueada."""
        return self._bloqueada

    def _es_de_la_capa(self, objeto: QObject) -> bool:
        return self._desciende_de(objeto, self.capa)

    @staticmethod
    def _desciende_de(objeto: QObject | None, ancestro: QObject) -> bool:
        while objeto is not None:
            if objeto is ancestro:
                return True
            objeto = objeto.parent()
        return False

    def eventFilter(self, objeto: QObject, evento: QEvent) -> bool:
        tipo = evento.type()
        if objeto is self._ventana and tipo == QEvent.Type.Resize and self.activo:
            self.capa.setGeometry(self._ventana.rect())
        if tipo not in _ACTIVIDAD:
            return False
        if self.activo:
            return self._desciende_de(objeto, self._ventana) and not self._es_de_la_capa(objeto)
        self._ultima = self._reloj()
        return False

    def revisar(self) -> None:
        """Bloquea si pasó el tiempo de espera sin actividad (lo llama el temporizador)."""
        if not self.activo and self._reloj() - self._ultima >= self.espera_ms:
            self.bloquear()

    def bloquear(self) -> None:
        if self.activo:
            return
        enfocado = self._ventana.focusWidget()
        self._foco = enfocado if enfocado is not None and not self._es_de_la_capa(enfocado) else None
        self._bloqueada = True
        self.capa.cubrir()
        self.bloqueado.emit()

    def desbloquear(self, clave: str) -> bool:
        """Quita la capa si la clave es la de quien tenía la sesión; si no, lo dice en la capa."""
        if not self.activo:
            return True
        try:
            correcta = self._verificar(clave)
        except ErrorDeServicio as error:  # p. ej. la espera tras varias claves equivocadas
            self.capa.mensaje.setText(str(error))
            return False
        if not correcta:
            self.capa.mensaje.setText("La clave no es correcta. Vuelva a escribirla.")
            return False
        self._bloqueada = False
        self.capa.hide()
        self._ultima = self._reloj()
        if self._foco is not None:
            self._foco.setFocus(Qt.FocusReason.OtherFocusReason)
        self.desbloqueado.emit()
        return True

    def detener(self) -> None:
        """Deja de vigilar (al cerrar la sesión)."""
        self._temporizador.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
