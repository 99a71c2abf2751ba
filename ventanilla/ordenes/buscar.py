"""`ventanilla buscar`: busca por radicado, documento, nombre o palabras del asunto."""

from __future__ import annotations

import argparse

NOMBRE = "buscar"
AYUDA = "busca solicitudes (lo más reciente primero) e imprime JSON"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("texto", nargs="+", help="radicado, documento, nombre o palabras del asunto")
    parser.add_argument("--limite", type=int, default=50)


def ejecutar(args: argparse.Namespace) -> int:
    from ventanilla.ordenes._comun import abrir_almacen, imprimir_json
    from ventanilla.servicios.consultas import buscar

    resultados = buscar(abrir_almacen(), " ".join(args.texto), limite=args.limite)
    imprimir_json([r.como_json() for r in resultados])
    return 0
