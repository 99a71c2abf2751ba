"""`ventanilla reconstruir`: rehace los modelos de lectura desde los eventos."""

from __future__ import annotations

import argparse

NOMBRE = "reconstruir"
AYUDA = "reconstruye el estado de las solicitudes desde el registro de eventos y reporta diferencias"


def configurar(parser: argparse.ArgumentParser) -> None:
    del parser


def ejecutar(args: argparse.Namespace) -> int:
    from ventanilla.ordenes._comun import abrir_almacen, imprimir_json
    from ventanilla.servicios.reconstruccion import reconstruir

    resultado = reconstruir(abrir_almacen())
    imprimir_json({"eventos": resultado.eventos, "coincide": resultado.coincide, "diferencias": resultado.diferencias})
    return 0 if resultado.coincide else 1
