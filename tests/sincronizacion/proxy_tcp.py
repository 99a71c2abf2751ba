"""Un proxy TCP de las pruebas que corta y trunca conexiones al azar (con semilla)."""

from __future__ import annotations

import random
import socket
import threading
from dataclasses import dataclass, field

__all__ = ["ProxyTcp"]


@dataclass
class ProxyTcp:
    """Reenvía 127.0.0.1:puerto → 127.0.0.1:destino; una parte de las conexiones se corta a mitad.

    `cortar_respuesta`: la conexión se cierra tras pasar algunos bytes de la respuesta (el servidor
    ya confirmó; el cliente no se entera: la causa clásica de duplicados). `cortar_peticion`: se
    cierra a mitad de la petición.
    """

    destino: int
    semilla: int = 7
    cortar_respuesta: float = 0.5
    cortar_peticion: float = 0.25
    cortes: int = 0
    conexiones: int = 0
    _azar: random.Random = field(init=False)
    _escucha: socket.socket = field(init=False)
    _cerrojo: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._azar = random.Random(self.semilla)
        self._escucha = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._aceptar, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._escucha.getsockname()[1]}"

    def cerrar(self) -> None:
        self._escucha.close()

    def _aceptar(self) -> None:
        while True:
            try:
                cliente, _ = self._escucha.accept()
            except OSError:
                return
            with self._cerrojo:
                self.conexiones += 1
                suerte = self._azar.random()
                # Las conexiones se reusan (keep-alive): el corte cae tras un número de bytes al azar,
                # en medio de alguna de las peticiones o respuestas que pasan por ella.
                limite_respuesta = self._azar.randint(0, 20_000) if suerte < self.cortar_respuesta else None
                limite_peticion = (
                    self._azar.randint(0, 20_000)
                    if self.cortar_respuesta <= suerte < self.cortar_respuesta + self.cortar_peticion
                    else None
                )
            try:
                servidor = socket.create_connection(("127.0.0.1", self.destino))
            except OSError:
                cliente.close()
                continue
            threading.Thread(target=self._pasar, args=(cliente, servidor, limite_peticion), daemon=True).start()
            threading.Thread(target=self._pasar, args=(servidor, cliente, limite_respuesta), daemon=True).start()

    def _pasar(self, origen: socket.socket, destino: socket.socket, limite: int | None) -> None:
        pasados = 0
        try:
            while True:
                datos = origen.recv(65536)
                if not datos:
                    break
                if limite is not None and pasados + len(datos) > limite:
                    destino.sendall(datos[: max(0, limite - pasados)])
                    with self._cerrojo:
                        self.cortes += 1
                    break
                destino.sendall(datos)
                pasados += len(datos)
        except OSError:
            pass
        for extremo in (origen, destino):
            try:
                extremo.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            extremo.close()
