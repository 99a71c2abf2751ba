"""`ventanilla display`: la pantalla pública de turnos, con campanilla y voz, en la segunda pantalla."""

from __future__ import annotations

import argparse
from typing import Any

from ventanilla.ordenes._turnos import agregar_opciones_de_cola

NOMBRE = "display"
AYUDA = "abre la pantalla pública de turnos (con la cola de la sede o, sin servidor, la de este equipo)"

__all__ = ["AYUDA", "NOMBRE", "configurar", "construir", "ejecutar"]


def configurar(parser: argparse.ArgumentParser) -> None:
    agregar_opciones_de_cola(parser)
    parser.add_argument("--mensaje", default="", help="mensaje que se desplaza al pie de la pantalla")
    parser.add_argument("--sin-voz", action="store_true", help="sin campanilla ni anuncio hablado")
    parser.add_argument(
        "--pantalla", type=int, default=None, help="número de la pantalla (0, 1...; por defecto la última)"
    )


def construir(args: argparse.Namespace) -> Any:
    """La aplicación y la ventana de la pantalla, listas para mostrarse."""
    from ventanilla.gui.pantalla import Pantalla
    from ventanilla.ordenes._comun import abrir_almacen
    from ventanilla.ordenes._turnos import (
        TEMA_POR_DEFECTO,
        fuente_de_turnos,
        preferencias_del_equipo,
    )
    from ventanilla.ordenes.app import crear_aplicacion
    from ventanilla.turnos.anuncios import ColaAnuncios

    app = crear_aplicacion([], args.tema or TEMA_POR_DEFECTO)
    almacen = abrir_almacen()
    preferencias = preferencias_del_equipo(app, almacen, "pantalla", args.tema)
    fuente = fuente_de_turnos(args, almacen)
    anuncios = None if args.sin_voz else ColaAnuncios()
    ajustes = almacen.ajustes
    pantalla = Pantalla(
        fuente, anuncios=anuncios, titulo=f"{ajustes.entidad_nombre} · {ajustes.punto}", mensaje=args.mensaje,
        preferencias=preferencias,
    )
    preferencias.setParent(pantalla)
    fuente.setParent(pantalla)
    if anuncios is not None:
        anuncios.setParent(pantalla)
    fuente.iniciar()
    return app, pantalla


def ejecutar(args: argparse.Namespace) -> int:
    app, pantalla = construir(args)
    pantallas = app.screens()
    indice = len(pantallas) - 1 if args.pantalla is None else args.pantalla
    if not 0 <= indice < len(pantallas):
        from ventanilla.ordenes._comun import fallar

        fallar(f"--pantalla: hay {len(pantallas)} pantallas (de 0 a {len(pantallas) - 1}).")
    pantalla.setScreen(pantallas[indice])
    pantalla.move(pantallas[indice].geometry().topLeft())
    if args.ventana:
        pantalla.resize(1366, 768)
        pantalla.show()
    else:
        # Del tamaño de la pantalla aunque no haya gestor de ventanas que atienda la pantalla completa.
        pantalla.setGeometry(pantallas[indice].geometry())
        pantalla.showFullScreen()
    return int(app.exec())
