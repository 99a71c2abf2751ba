"""Toma las capturas de las ventanas reales en cada tema, al 100 % y al 200 % del texto.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/capturas/tomar_capturas_temas.py [registro kiosko pantalla]

Escribe `registro-<tema>-<escala>.png` (la ventana del funcionario con el formulario lleno y el
foco en «Asunto»), `kiosko-<tema>-<escala>.png` (con la atención preferencial abierta y el foco en
el primer servicio), `kiosko-turno-alto_contraste_oscuro-200.png` (el turno recién dado) y
`pantalla-<tema>-<escala>.png` (con cinco llamados). Sin argumentos toma las tres ventanas; con
ellos, solo las nombradas. Cada captura es la ventana sola (`grab()`), del tamaño de una pantalla de
1366 × 768.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DESTINO = Path(__file__).resolve().parent
ESCALAS = (100, 200)
VENTANAS = ("registro", "kiosko", "pantalla")


def main() -> int:
    pedidas = sys.argv[1:] or list(VENTANAS)
    desconocidas = set(pedidas) - set(VENTANAS)
    if desconocidas:
        print(f"Ventanas desconocidas: {', '.join(sorted(desconocidas))}. Son: {', '.join(VENTANAS)}.")
        return 2
    os.environ["VENTANILLA_DATOS"] = tempfile.mkdtemp(prefix="ventanilla-capturas-")
    from PySide6.QtTest import QTest

    from ventanilla.datos.almacen import Almacen
    from ventanilla.gui.kiosko import Kiosko
    from ventanilla.gui.operaciones import esperar_todas
    from ventanilla.gui.pantalla import Pantalla
    from ventanilla.gui.qt import QWidget
    from ventanilla.gui.registro_campos import elegir
    from ventanilla.gui.temas import TEMAS, gestor
    from ventanilla.gui.ventana_principal import VentanaPrincipal
    from ventanilla.ordenes.app import crear_aplicacion
    from ventanilla.servicios.demostracion import USUARIO_DEMO, preparar_equipo_demo
    from ventanilla.servicios.sesion import sesion_de
    from ventanilla.turnos.catalogo import catalogo_por_defecto
    from ventanilla.turnos.fuentes import FuenteLocal
    from ventanilla.turnos.motor import MotorTurnos

    app = crear_aplicacion([], "claro")
    almacen = Almacen.abrir()
    preparar_equipo_demo(almacen)

    ventana = VentanaPrincipal(almacen, sesion_de(almacen, USUARIO_DEMO))
    f = ventana.registro.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María Fernanda")
    f.apellidos.setText("Gómez Ñáñez")
    f.telefono.setText("3001234567")
    f.correo.setText("maria.gomez@")
    ventana.registro._validar("correo")
    f.direccion.setText("Calle 19 # 21-44")
    elegir(f.comuna, "C03")
    elegir(f.dependencia, f.dependencia.itemData(f.dependencia.findText("Planeación")))
    f.folios.setValue(2)
    f.asunto.setText("Copia del certificado de estratificación del predio")

    motor = MotorTurnos(catalogo_por_defecto(6))
    fuente = FuenteLocal(motor)
    for servicio in (
        "radicacion",
        "orientacion",
        "hacienda",
        "radicacion",
        "movilidad",
        "radicacion",
    ):
        motor.emitir(servicio)
    for numero in (1, 3, 4, 5, 6):
        motor.llamar_siguiente(numero, usuario="demo")
    kiosco = Kiosko(fuente)
    kiosco.boton_preferencial.setChecked(True)
    aviso = "La atención preferencial es un derecho: personas mayores, gestantes, niños y personas con discapacidad."

    def asentar() -> None:
        for _ in range(3):
            esperar_todas()
            QTest.qWait(100)

    def capturar(vista: QWidget, nombre: str) -> None:
        vista.resize(1366, 768)
        vista.show()
        vista.activateWindow()
        asentar()
        vista.grab().save(str(DESTINO / nombre))
        print(DESTINO / nombre)

    for tema in TEMAS:
        for escala in ESCALAS:
            gestor(app).aplicar(tema, escala)
            if "registro" in pedidas:
                f.asunto.setFocus()
                capturar(ventana, f"registro-{tema}-{escala}.png")
            if "kiosko" in pedidas:
                fuente.iniciar()
                kiosco.botones_servicio[0].setFocus()
                capturar(kiosco, f"kiosko-{tema}-{escala}.png")
            if "pantalla" in pedidas:
                pantalla = Pantalla(fuente, mensaje=aviso)
                fuente.iniciar()
                capturar(pantalla, f"pantalla-{tema}-{escala}.png")
                pantalla.close()
                pantalla.deleteLater()
    if "kiosko" in pedidas:
        gestor(app).aplicar("alto_contraste_oscuro", 200)
        kiosco.botones_razon["adulto_mayor"].click()
        kiosco.botones_servicio[0].click()
        capturar(kiosco, "kiosko-turno-alto_contraste_oscuro-200.png")
    ventana.close()
    esperar_todas()
    almacen.cerrar()
    return 0


if __name__ == "__main__":
    sys.exit(main())
