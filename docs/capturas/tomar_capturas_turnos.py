"""Toma las capturas de turnos (kiosco, panel de ventanilla y pantalla) con la cola local.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/capturas/tomar_capturas_turnos.py

Cada captura es la ventana sola (`grab()`), del tamaño de una pantalla de 1366 × 768.
"""

from __future__ import annotations

from pathlib import Path

DESTINO = Path(__file__).resolve().parent


def main() -> int:
    from ventanilla.gui.kiosko import Kiosko
    from ventanilla.gui.panel_turnos import PanelTurnos
    from ventanilla.gui.pantalla import Pantalla
    from ventanilla.gui.qt import QApplication
    from ventanilla.gui.temas import aplicar_tema
    from ventanilla.turnos.catalogo import catalogo_por_defecto
    from ventanilla.turnos.fuentes import FuenteLocal
    from ventanilla.turnos.motor import MotorTurnos

    app = QApplication([])
    motor = MotorTurnos(catalogo_por_defecto(6))
    fuente = FuenteLocal(motor)
    for servicio in ("radicacion", "orientacion", "hacienda", "radicacion", "movilidad", "radicacion",
                     "planeacion", "radicacion", "social", "orientacion", "radicacion"):
        motor.emitir(servicio)
    motor.emitir("orientacion", "adulto_mayor")
    for ventanilla in (1, 3, 4, 5, 6):
        motor.llamar_siguiente(ventanilla, usuario="demo")

    def capturar(ventana: object, nombre: str) -> None:
        ventana.resize(1366, 768)  # type: ignore[attr-defined]
        ventana.show()  # type: ignore[attr-defined]
        app.processEvents()
        ventana.grab().save(str(DESTINO / nombre))  # type: ignore[attr-defined]
        ventana.hide()  # type: ignore[attr-defined]
        print(DESTINO / nombre)

    aplicar_tema(app, "claro")
    panel = PanelTurnos(fuente, 2, "maria.gomez")
    fuente.iniciar()
    panel.pedir("llamar_siguiente")
    panel.pedir("iniciar")
    capturar(panel, "panel-turnos.png")

    aplicar_tema(app, "alto_contraste_oscuro")
    kiosco = Kiosko(fuente)
    fuente.iniciar()
    capturar(kiosco, "kiosko.png")

    pantalla = Pantalla(fuente, mensaje="La atención preferencial es un derecho: personas mayores, gestantes, "
                        "niños y personas con discapacidad pasan primero.")
    fuente.iniciar()
    pantalla.show()
    app.processEvents()
    pantalla._pintar(invertido=False)
    capturar(pantalla, "pantalla.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
