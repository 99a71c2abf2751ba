"""Toma la captura de la sección «Revisiones» de la ventana de administración.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/capturas/tomar_capturas_administracion.py [tema]

Arma todo de verdad en un directorio temporal: un servidor central (SQLite, servido por uvicorn en
un hilo), una ventanilla y una brigada inscritas que atienden a la misma persona sin verse, y una
administradora que abre la revisión, escribe el motivo y pide aplicar la propuesta. La captura es
la ventana sola (`grab()`); sin tema, con el claro, en `administracion-revisiones.png`.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

DESTINO = Path(__file__).resolve().parent


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    tema = sys.argv[1] if len(sys.argv) > 1 else "claro"
    carpeta = Path(tempfile.mkdtemp(prefix="ventanilla-capturas-"))
    os.environ["VENTANILLA_DATOS"] = str(carpeta / "datos")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    import uvicorn
    from PySide6.QtTest import QTest

    from ventanilla.central.app import crear_app
    from ventanilla.central.bd import Central
    from ventanilla.central.equipos import crear_codigo
    from ventanilla.central.modelos_api import CambioUsuario
    from ventanilla.central.rutas_administracion import guardar_usuario
    from ventanilla.datos.almacen import Almacen
    from ventanilla.gui.administracion import SECCIONES, VentanaAdministracion
    from ventanilla.gui.operaciones import esperar_todas
    from ventanilla.ordenes.app import crear_aplicacion
    from ventanilla.servicios.radicacion import radicar
    from ventanilla.sincronizacion.administracion import entrar
    from ventanilla.sincronizacion.inscripcion import inscribir
    from ventanilla.sincronizacion.motor import sincronizar

    crear_aplicacion([], tema)
    central = Central.abrir(f"sqlite:///{carpeta / 'central.db'}", carpeta / "central")
    guardar_usuario(central, "lmarin", CambioUsuario(nombre="Luisa Marín", roles=["administrador"], clave="clave-segura-1"))
    puerto = _puerto_libre()
    servidor = uvicorn.Server(uvicorn.Config(crear_app(central), host="127.0.0.1", port=puerto, log_level="warning"))
    threading.Thread(target=servidor.run, daemon=True).start()
    while not servidor.started:
        time.sleep(0.02)
    url = f"http://127.0.0.1:{puerto}"

    def equipo(serie: str, punto: str) -> Almacen:
        almacen = Almacen.abrir(carpeta / serie)
        with central.escribir() as conexion:
            codigo = crear_codigo(conexion, serie=serie, punto=punto, serie_num=100, creado_por="lmarin")[0]
        inscribir(almacen, url, codigo)
        return almacen

    def atender(almacen: Almacen, **ciudadano: str) -> None:
        radicar(almacen, {
            "tipo": "peticion", "canal": "presencial", "asunto": "Poda del árbol del andén", "dependencia": "Medio Ambiente",
            "folios": 1, "recibido": "2026-11-20T09:00:00",
            "ciudadano": {"tipo_documento": "CC", "numero_documento": "24331208", "nombres": "Ana María",
                          "apellidos": "Gómez Ñáñez", **ciudadano},
        }, usuario="admin")

    ventanilla, brigada = equipo("VU01", "CAM · Ventanilla 1"), equipo("BRIG1", "Brigada San José")
    atender(ventanilla, telefono="3001112233", direccion="Calle 19 # 21-44", comuna="C03")
    sincronizar(ventanilla)
    sincronizar(brigada)
    atender(ventanilla, correo="ana.gomez@example.co")
    atender(brigada, telefono="3104445566", direccion="Carrera 12 # 40-15, barrio San José", comuna="C02")
    sincronizar(ventanilla)
    sincronizar(brigada)

    ventana = VentanaAdministracion(entrar(url, "lmarin", "clave-segura-1"))
    ventana.resize(1366, 768)
    ventana.show()
    ventana.secciones_lista.setCurrentRow(SECCIONES.index("Revisiones"))
    seccion = ventana.revisiones
    while seccion.lista.count() == 0:
        QTest.qWait(50)
    seccion.motivo.setText("Ana confirmó en la brigada su nueva dirección y su celular.")
    seccion.pedir_confirmacion()
    esperar_todas()
    QTest.qWait(200)
    nombre = "administracion-revisiones.png" if tema == "claro" else f"administracion-revisiones-{tema}.png"
    ventana.grab().save(str(DESTINO / nombre))
    print(DESTINO / nombre)
    ventana.close()
    esperar_todas()
    servidor.should_exit = True
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
