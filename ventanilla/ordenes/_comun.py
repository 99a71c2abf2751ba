"""Lo que comparten las subórdenes: abrir el almacén, quién actúa, errores y salida JSON.

Un error de entrada se dice en español, nombrando el campo, y sale con código 2 sin escribir
nada; nunca llega una traza de Python al usuario.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, NoReturn

__all__ = ["SALIDA_ERROR_DE_ENTRADA", "agregar_usuario", "usuario_de", "fallar", "imprimir_json", "abrir_almacen"]

SALIDA_ERROR_DE_ENTRADA = 2


def agregar_usuario(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--usuario",
        default=os.environ.get("VENTANILLA_USUARIO"),
        help="usuario con que se actúa (por defecto VENTANILLA_USUARIO o el administrador del equipo)",
    )


def abrir_almacen() -> Any:
    """El almacén del equipo; si no se puede abrir (clave ausente o errada), lo dice y sale."""
    from ventanilla.datos.almacen import Almacen
    from ventanilla.seguridad.clave import AlmacenIlegible

    try:
        return Almacen.abrir()
    except AlmacenIlegible as error:
        fallar(str(error), codigo=1)


def usuario_de(args: argparse.Namespace, almacen: Any) -> str:
    return str(args.usuario or almacen.ajustes.administrador)


def fallar(mensaje: str, codigo: int = SALIDA_ERROR_DE_ENTRADA) -> NoReturn:
    print(f"ventanilla: {mensaje}", file=sys.stderr)
    raise SystemExit(codigo)


def imprimir_json(datos: Any) -> None:
    json.dump(datos, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    sys.stdout.flush()
