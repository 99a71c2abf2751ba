"""`ventanilla` sin suborden: abre la aplicación del funcionario.

Primer arranque de un equipo sin configurar → configuración inicial; luego la entrada con
usuario y clave; luego la ventana principal. Cerrar sesión vuelve a la entrada.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

NOMBRE = "app"
AYUDA = "abre la aplicación del funcionario (lo mismo que `ventanilla` sin suborden)"

__all__ = [
    "AYUDA",
    "MARCA_LISTA",
    "NOMBRE",
    "Aplicacion",
    "abrir_aplicacion",
    "avisar_si_se_mide",
    "configurar",
    "crear_aplicacion",
    "ejecutar",
]

MARCA_LISTA = "ventanilla: lista"
"""Lo que se escribe cuando la primera ventana ya responde, si `VENTANILLA_MEDIR_ARRANQUE` está
definida (lo usa `benchmarks/gui.py` para medir el arranque en frío); luego la aplicación sale."""


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tema", default="sistema", help="claro, oscuro, alto_contraste_oscuro, alto_contraste_claro o sistema")


def ejecutar(args: argparse.Namespace) -> int:
    return abrir_aplicacion(["--tema", args.tema])


def crear_aplicacion(argv: Sequence[str], tema: str = "sistema") -> Any:
    """La QApplication con nombre (lo ven los lectores de pantalla) y el tema aplicado."""
    from ventanilla.gui.qt import QApplication
    from ventanilla.gui.temas import aplicar_tema

    app = QApplication.instance() or QApplication(["ventanilla", *argv])
    app.setApplicationName("Ventanilla")
    app.setApplicationDisplayName("Ventanilla")
    app.setOrganizationName("Ventanilla")
    aplicar_tema(app, tema)
    return app


def avisar_si_se_mide(app: Any) -> None:
    """Con `VENTANILLA_MEDIR_ARRANQUE`, avisa en la primera vuelta del ciclo de eventos y sale."""
    import os

    if not os.environ.get("VENTANILLA_MEDIR_ARRANQUE"):
        return
    from ventanilla.gui.qt import QTimer

    def listo() -> None:
        print(MARCA_LISTA, flush=True)
        app.quit()

    QTimer.singleShot(0, listo)


class Aplicacion:
    """Lleva al usuario de ventana en ventana: configuración, entrada, ventana principal."""

    def __init__(self, almacen: Any) -> None:
        self.almacen = almacen
        self.ventana: Any = None

    def empezar(self) -> None:
        if self.almacen.ajustes.configurado:
            self.entrada()
        else:
            from ventanilla.gui.configuracion_inicial import VentanaConfiguracionInicial

            self._mostrar(VentanaConfiguracionInicial(self.almacen, _inscripcion()))
            self.ventana.configurado.connect(lambda sesion: self.principal(sesion) if sesion else self.entrada())

    def entrada(self) -> None:
        from ventanilla.gui.inicio_sesion import VentanaInicioSesion

        self._mostrar(VentanaInicioSesion(self.almacen))
        self.ventana.sesion_iniciada.connect(self.principal)

    def principal(self, sesion: Any) -> None:
        from ventanilla.gui.ventana_principal import VentanaPrincipal

        self._mostrar(VentanaPrincipal(self.almacen, sesion), maximizada=True)
        self.ventana.sesion_cerrada.connect(self.entrada)

    def _mostrar(self, ventana: Any, *, maximizada: bool = False) -> None:
        anterior = self.ventana
        self.ventana = ventana
        ventana.resize(1280, 760)
        if maximizada:
            ventana.showMaximized()
        else:
            ventana.show()
        if anterior is not None:
            anterior.hide()
            anterior.deleteLater()


def _inscripcion() -> Any:
    """La inscripción con un servidor, si el módulo de sincronización la ofrece."""
    try:
        from ventanilla.sincronizacion.inscripcion import inscribir
    except ImportError:
        return None
    return inscribir


def abrir_aplicacion(argv: Sequence[str]) -> int:
    from ventanilla.datos.almacen import Almacen
    from ventanilla.gui.operaciones import esperar_todas

    parser = argparse.ArgumentParser(prog="ventanilla")
    configurar(parser)
    args, resto = parser.parse_known_args(list(argv))
    app = crear_aplicacion(resto, args.tema)
    almacen = Almacen.abrir()
    aplicacion = Aplicacion(almacen)
    aplicacion.empezar()
    avisar_si_se_mide(app)
    codigo = int(app.exec())
    esperar_todas()
    almacen.cerrar()
    return codigo
