"""Toma las capturas de `docs/capturas/` con un servidor X real (Xvfb) y datos de demostración.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/capturas/tomar_capturas.py

Cada captura es la pantalla entera (`import -window root`), como la vería un funcionario.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

DESTINO = Path(__file__).resolve().parent


def main() -> int:
    os.environ["VENTANILLA_DATOS"] = tempfile.mkdtemp(prefix="ventanilla-capturas-")
    from PySide6.QtTest import QTest

    from ventanilla.datos.almacen import Almacen
    from ventanilla.gui.configuracion_inicial import VentanaConfiguracionInicial
    from ventanilla.gui.inicio_sesion import VentanaInicioSesion
    from ventanilla.gui.operaciones import esperar_todas
    from ventanilla.gui.registro_campos import elegir
    from ventanilla.gui.ventana_principal import VentanaPrincipal
    from ventanilla.ordenes.app import crear_aplicacion
    from ventanilla.servicios import tramite
    from ventanilla.servicios.demostracion import (
        USUARIO_DEMO,
        generar_solicitudes,
        preparar_equipo_demo,
    )
    from ventanilla.servicios.sesion import sesion_de

    crear_aplicacion([], "claro")
    almacen = Almacen.abrir()

    def asentar() -> None:
        for _ in range(3):
            esperar_todas()
            QTest.qWait(150)

    def capturar(nombre: str) -> None:
        asentar()
        subprocess.run(["import", "-window", "root", str(DESTINO / nombre)], check=True)
        print(DESTINO / nombre)

    def mostrar(ventana: object) -> None:
        ventana.setGeometry(0, 0, 1366, 768)  # type: ignore[attr-defined]
        ventana.show()  # type: ignore[attr-defined]
        ventana.activateWindow()  # type: ignore[attr-defined]

    from ventanilla.sincronizacion.inscripcion import inscribir

    configuracion = VentanaConfiguracionInicial(almacen, inscribir)
    mostrar(configuracion)
    capturar("configuracion-inicial.png")
    configuracion.close()

    preparar_equipo_demo(almacen)
    generar_solicitudes(almacen, int(os.environ.get("VENTANILLA_CAPTURAS_CANTIDAD", "150")))
    entrada = VentanaInicioSesion(almacen)
    mostrar(entrada)
    entrada.form.usuario.setText("mgomez")
    entrada.form.clave.setFocus()
    capturar("login.png")
    entrada.close()

    ventana = VentanaPrincipal(almacen, sesion_de(almacen, USUARIO_DEMO))
    mostrar(ventana)
    f = ventana.registro.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María Fernanda")
    f.apellidos.setText("Gómez Ñáñez")
    f.telefono.setText("3001234567")
    f.correo.setText("maria.gomez@")
    ventana.registro._validar("correo")
    f.direccion.setText("Calle 19 # 21-44")
    elegir(f.comuna, "C03")
    elegir(f.tipo, "documentos")
    elegir(f.dependencia, f.dependencia.itemData(f.dependencia.findText("Planeación")))
    f.folios.setValue(2)
    f.asunto.setText("Copia del certificado de estratificación del predio")
    f.descripcion.setPlainText("Necesita el certificado para un trámite ante la empresa de servicios públicos.")
    f.asunto.setFocus()
    capturar("registro.png")
    f.correo.setText("maria.gomez@example.co")
    ventana.registro._validar("correo")
    ventana.registro.revisar()
    capturar("confirmacion.png")
    ventana.registro.radicar()
    capturar("radicado.png")

    ventana.buscar()
    ventana.busqueda.form.texto.setText("poda")
    ventana.busqueda.buscar(abrir_exacto=False)
    asentar()
    ventana.busqueda.form.resultados.selectRow(0)
    capturar("busqueda.png")

    radicado = ventana.registro.ultima.radicado if ventana.registro.ultima else ""
    tramite.asignar(almacen, radicado, "Planeación", usuario=USUARIO_DEMO)
    tramite.marcar_incompleta(almacen, radicado, "Falta la copia de la escritura del predio", usuario=USUARIO_DEMO)
    tramite.completar(almacen, radicado, usuario=USUARIO_DEMO)
    tramite.solicitar_anulacion(almacen, radicado, "El ciudadano lo radicó dos veces por error", usuario=USUARIO_DEMO)
    ventana.busqueda.abrir(radicado)
    capturar("linea-de-tiempo.png")

    ventana.mostrar("bitacora")
    capturar("bitacora.png")
    ventana.close()
    esperar_todas()
    almacen.cerrar()
    return 0


if __name__ == "__main__":
    sys.exit(main())
