"""Lo que comparten `ventanilla kiosko` y `ventanilla display`: de dónde sale la cola.

Con un servidor (la opción `--servidor` o el del equipo inscrito) la cola es la de la sede; sin
él, la de este equipo (modo brigada), en su almacén, compartida con la ventana del funcionario.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["agregar_opciones_de_cola", "fuente_de_turnos"]


def agregar_opciones_de_cola(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--servidor",
        default=None,
        help="URL del servidor de la sede (http://servidor:8765); sin él, la cola de este equipo",
    )
    parser.add_argument(
        "--tema", default="alto_contraste_oscuro",
        help="claro, oscuro, alto_contraste_oscuro (por defecto) o alto_contraste_claro",
    )
    parser.add_argument("--ventana", action="store_true", help="en una ventana y no a pantalla completa")


def fuente_de_turnos(args: argparse.Namespace, almacen: Any) -> Any:
    """La fuente de la cola: remota si hay servidor, local (brigada) si no."""
    from ventanilla.turnos.fuentes import FuenteLocal, FuenteRemota

    url = args.servidor or almacen.ajustes.servidor
    if url:
        return FuenteRemota(url)
    from ventanilla.servicios.turnos import abrir_cola_local

    return FuenteLocal(abrir_cola_local(almacen))
