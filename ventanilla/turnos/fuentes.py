"""De dónde sacan la cola el kiosco, el panel de ventanilla y la pantalla: del motor local
(brigada, todo en un equipo) o del servidor de la sede (HTTP para las órdenes, WebSocket para
los cambios). Las ventanas solo conocen `FuenteTurnos` y sus señales; no saben cuál es.

La fuente remota dice con claridad cuando el servidor no responde y se reconecta sola, con
esperas crecientes; al volver recibe la foto completa de la cola, así no se queda con datos
viejos. Nada de esto bloquea el hilo de la interfaz.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QTimer, QUrl, Signal
from PySide6.QtNetwork import QAbstractSocket, QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtWebSockets import QWebSocket

from ventanilla.dominio.turnos import TurnoInvalido
from ventanilla.turnos.acciones import VERSION_TURNOS, ejecutar_accion
from ventanilla.turnos.motor import Cambio, MotorTurnos

__all__ = ["SIN_SERVIDOR", "FuenteLocal", "FuenteRemota", "FuenteTurnos"]

SIN_SERVIDOR = "Sin conexión con el servidor de turnos: la cola compartida no está disponible."


class FuenteTurnos(QObject):
    """La cola vista por una ventana: una foto inicial, cada cambio, y el resultado de cada orden."""

    foto = Signal(object)
    """La instantánea de la cola (servicios, espera, llamados, ventanillas, pausadas)."""
    cambio = Signal(object)
    """Un cambio (`Cambio.como_dict()`), en el orden en que ocurrió."""
    conexion = Signal(bool, str)
    """Si la cola está disponible y un mensaje para mostrar."""
    resultado = Signal(str, object, str)
    """La orden, el turno que devolvió (o None) y el error en palabras ("" si salió bien)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ultima_foto: dict[str, Any] = {}
        self.disponible = False
        self.foto.connect(self._guardar_foto)

    def _guardar_foto(self, foto: dict[str, Any]) -> None:
        self.ultima_foto = foto

    @property
    def servicios(self) -> list[dict[str, Any]]:
        return list(self.ultima_foto.get("servicios", []))

    def iniciar(self) -> None:
        raise NotImplementedError

    def pedir(self, accion: str, **args: Any) -> None:
        raise NotImplementedError

    def cerrar(self) -> None:
        """Deja de escuchar la cola."""


class FuenteLocal(FuenteTurnos):
    """La cola de una brigada, en este mismo equipo."""

    _desde_motor = Signal(object)

    SONDEO_MS = 300

    def __init__(self, motor: MotorTurnos, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.motor = motor
        # El motor puede avisar desde otro hilo: la señal intermedia llega en el de la interfaz.
        self._desde_motor.connect(self.cambio)
        self._retirar = motor.suscribir(self._al_cambiar)
        # Si otros procesos del equipo (kiosco, ventanillas) escriben la misma cola, se lee lo nuevo.
        self._sondeo = QTimer(self)
        self._sondeo.timeout.connect(motor.actualizar)

    def _al_cambiar(self, cambio: Cambio) -> None:
        self._desde_motor.emit(cambio.como_dict())

    def iniciar(self) -> None:
        self.disponible = True
        if self.motor.compartido:
            self.motor.actualizar()
            self._sondeo.start(self.SONDEO_MS)
        self.foto.emit(self.motor.instantanea())
        self.conexion.emit(True, "Cola local de este equipo.")

    def pedir(self, accion: str, **args: Any) -> None:
        try:
            turno = ejecutar_accion(self.motor, accion, args)
        except TurnoInvalido as error:
            self.resultado.emit(accion, None, str(error))
            return
        self.resultado.emit(accion, turno, "")

    def cerrar(self) -> None:
        self._sondeo.stop()
        self._retirar()


class FuenteRemota(FuenteTurnos):
    """La cola de la sede, en el servidor central (`url`: http://servidor:puerto)."""

    ESPERA_MAXIMA_MS = 10_000

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url.rstrip("/")
        self._numero = -1
        self._espera_ms = 500
        self._cerrada = False
        self._red = QNetworkAccessManager(self)
        self._socket = QWebSocket(parent=self)
        self._socket.textMessageReceived.connect(self._mensaje)
        self._socket.disconnected.connect(self._caido)
        self._socket.errorOccurred.connect(lambda _e: self._caido())
        self._reintento = QTimer(self, singleShot=True)
        self._reintento.timeout.connect(self._conectar)

    def iniciar(self) -> None:
        self._conectar()

    def _conectar(self) -> None:
        if self._cerrada:
            return
        ws = "ws" + self.url.removeprefix("http") + "/turnos/ws"
        self._socket.open(QUrl(ws))

    def _caido(self) -> None:
        if self._cerrada or self._reintento.isActive():
            return
        self.disponible = False
        self.conexion.emit(False, f"{SIN_SERVIDOR} Reintentando en {self._espera_ms // 1000 or 1} s.")
        self._reintento.start(self._espera_ms)
        self._espera_ms = min(self._espera_ms * 2, self.ESPERA_MAXIMA_MS)

    def _mensaje(self, texto: str) -> None:
        mensaje = json.loads(texto)
        if mensaje["tipo"] == "instantanea":
            version = int(mensaje.get("version", 0))
            if version != VERSION_TURNOS:
                self._cerrada = True
                self._socket.close()
                self.disponible = False
                cual = "más nueva" if version > VERSION_TURNOS else "más vieja"
                self.conexion.emit(
                    False,
                    f"El servidor de turnos usa una versión {cual} de la cola ({version}; este equipo usa la "
                    f"{VERSION_TURNOS}): actualice {'este equipo' if version > VERSION_TURNOS else 'el servidor'}.",
                )
                return
            self._numero = int(mensaje["numero"])
            self._espera_ms = 500
            self.disponible = True
            self.foto.emit(mensaje["estado"])
            self.conexion.emit(True, "Conectado con el servidor de turnos.")
            return
        numero = int(mensaje["numero"])
        if numero <= self._numero:
            return
        if numero != self._numero + 1:
            # Se perdió un cambio: una conexión nueva trae la foto completa.
            self._socket.abort()
            return
        self._numero = numero
        self.cambio.emit(mensaje["cambio"])

    def pedir(self, accion: str, **args: Any) -> None:
        peticion = QNetworkRequest(QUrl(f"{self.url}/turnos/acciones/{accion}"))
        peticion.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "application/json")
        cuerpo = QByteArray(json.dumps(args).encode("utf-8"))
        respuesta = self._red.post(peticion, cuerpo)
        respuesta.finished.connect(lambda: self._respondida(accion, respuesta))

    def _respondida(self, accion: str, respuesta: QNetworkReply) -> None:
        respuesta.deleteLater()
        estado = respuesta.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        contenido = bytes(respuesta.readAll().data())
        if estado is None:
            self.resultado.emit(accion, None, f"{SIN_SERVIDOR} La orden no se hizo: intente de nuevo.")
            return
        try:
            datos = json.loads(contenido or b"{}")
        except ValueError:
            datos = {}
        if int(estado) == 200:
            self.resultado.emit(accion, datos.get("turno"), "")
        else:
            self.resultado.emit(accion, None, str(datos.get("detail") or f"El servidor respondió {estado}."))

    def cerrar(self) -> None:
        self._cerrada = True
        self._reintento.stop()
        if self._socket.state() != QAbstractSocket.SocketState.UnconnectedState:
            self._socket.close()
