"""`ventanilla kiosko`: el kiosco de turnos a pantalla completa, con el tema y el tamaño de texto del equipo."""

from __future__ import annotations

import argparse
from typing import Any

from ventanilla.ordenes._turnos import agregar_opciones_de_cola

NOMBRE = "kiosko"
AYUDA = "abre el kiosco de turnos (con la cola de la sede o, sin servidor, la de este equipo)"

__all__ = ["AYUDA", "NOMBRE", "configurar", "construir", "ejecutar"]


def configurar(parser: argparse.ArgumentParser) -> None:
    agregar_opciones_de_cola(parser)
    parser.add_argument("--impresora", default=None, help="impresora del rollo de 80 mm (por defecto, la del sistema)")
    parser.add_argument("--sin-imprimir", action="store_true", help="muestra el turno sin imprimirlo")


def construir(args: argparse.Namespace) -> Any:
    """La aplicación y la ventana del kiosco, listas para mostrarse."""
    from ventanilla.gui.kiosko import Kiosko
    from ventanilla.ordenes._comun import abrir_almacen
    from ventanilla.ordenes._turnos import (
        TEMA_POR_DEFECTO,
        fuente_de_turnos,
        preferencias_del_equipo,
    )
    from ventanilla.ordenes.app import crear_aplicacion
    from ventanilla.servicios.turnos import imprimir_turno, resolver_ciudadano

    app = crear_aplicacion([], args.tema or TEMA_POR_DEFECTO)
    almacen = abrir_almacen()
    preferencias = preferencias_del_equipo(app, almacen, "kiosko", args.tema)
    fuente = fuente_de_turnos(args, almacen)

    def imprimir(turno: dict[str, Any], servicio: str) -> None:
        imprimir_turno(almacen, turno, servicio, args.impresora)

    kiosco = Kiosko(
        fuente,
        imprimir=None if args.sin_imprimir else imprimir,
        resolver_ciudadano=lambda documento: resolver_ciudadano(almacen, documento),
        preferencias=preferencias,
    )
    preferencias.setParent(kiosco)
    fuente.setParent(kiosco)
    fuente.iniciar()
    return app, kiosco


def ejecutar(args: argparse.Namespace) -> int:
    app, kiosco = construir(args)
    if args.ventana:
        kiosco.resize(1280, 800)
        kiosco.show()
    else:
        # Del tamaño de la pantalla aunque no haya gestor de ventanas que atienda la pantalla completa.
        kiosco.setGeometry(app.primaryScreen().geometry())
        kiosco.showFullScreen()
    return int(app.exec())
