"""Clientes de la cola de la sede en procesos aparte: kiosco, ventanilla y pantalla.

Usan la misma `FuenteRemota` que las ventanas. Escriben una línea JSON por hecho en la salida
estándar; las ventanillas esperan «ya» en la entrada para empezar a llamar y «fin» para terminar.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ventanilla.turnos.fuentes import FuenteRemota

_vivos: list[object] = []
"""Objetos de Qt que deben vivir hasta el final del proceso."""


def escribir(datos: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(datos) + "\n")
    sys.stdout.flush()


class Entrada(QObject):
    linea = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        threading.Thread(target=self._leer, daemon=True).start()

    def _leer(self) -> None:
        for linea in sys.stdin:
            self.linea.emit(linea.strip())


def kiosco(fuente: FuenteRemota, total: int, app: QCoreApplication) -> None:
    emitidos: list[str] = []
    en_vuelo = 8

    def siguiente() -> None:
        if len(emitidos) + pendientes[0] < total:
            pendientes[0] += 1
            n = len(emitidos) + pendientes[0]
            fuente.pedir("emitir", servicio=("radicacion", "orientacion", "hacienda")[n % 3],
                         preferencial="adulto_mayor" if n % 5 == 0 else None)

    def resultado(_accion: str, turno: Any, error: str) -> None:
        pendientes[0] -= 1
        if error:
            escribir({"error": error})
            app.exit(1)
            return
        emitidos.append(turno["id"])
        escribir({"emitido": turno["id"], "codigo": turno["codigo"]})
        if len(emitidos) == total:
            app.exit(0)
        siguiente()

    pendientes = [0]
    fuente.resultado.connect(resultado)
    for _ in range(en_vuelo):
        siguiente()


def ventanilla(fuente: FuenteRemota, numero: int, app: QCoreApplication) -> None:
    estado = {"activa": False, "fin": False}
    entrada = Entrada()
    reintento = QTimer(singleShot=True)
    reintento.timeout.connect(lambda: llamar())
    _vivos.extend([entrada, reintento])

    def llamar() -> None:
        if estado["fin"]:
            app.exit(0)
            return
        fuente.pedir("llamar_siguiente", ventanilla=numero, usuario=f"funcionario{numero}")

    def orden(linea: str) -> None:
        if linea == "ya" and not estado["activa"]:
            estado["activa"] = True
            llamar()
        elif linea == "fin":
            estado["fin"] = True

    def resultado(accion: str, turno: Any, error: str) -> None:
        if error:
            escribir({"error": error, "accion": accion})
            app.exit(1)
        elif accion == "llamar_siguiente" and turno is None:
            reintento.start(15)
        elif accion == "llamar_siguiente":
            escribir({"llamado": turno["id"], "codigo": turno["codigo"], "t": time.time()})
            fuente.pedir("finalizar", ventanilla=numero, usuario=f"funcionario{numero}")
        else:
            llamar()

    entrada.linea.connect(orden)
    fuente.resultado.connect(resultado)


def pantalla(fuente: FuenteRemota) -> None:
    def cambio(c: dict[str, Any]) -> None:
        if c["llamado"]:
            ll = c["llamado"]
            escribir({"llamado": ll["turno_id"], "codigo": ll["codigo"], "ventanilla": ll["ventanilla"],
                      "t": time.time()})

    fuente.cambio.connect(cambio)


def main() -> int:
    rol, url = sys.argv[1], sys.argv[2]
    app = QCoreApplication([])
    fuente = FuenteRemota(url)
    fuente.conexion.connect(lambda ok, msg: escribir({"conectado": ok, "mensaje": msg}))
    if rol == "kiosco":
        def empezar(_foto: dict[str, Any]) -> None:
            if not _vivos:
                _vivos.append(fuente)
                kiosco(fuente, int(sys.argv[3]), app)

        fuente.foto.connect(empezar)
    elif rol == "ventanilla":
        ventanilla(fuente, int(sys.argv[3]), app)
    else:
        pantalla(fuente)
    fuente.iniciar()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
