"""`ventanilla vencimiento`: la fecha de vencimiento legal de un tipo para una hora de recibo."""

from __future__ import annotations

import argparse

from ventanilla.ordenes._comun import fallar

NOMBRE = "vencimiento"
AYUDA = "calcula la fecha de vencimiento legal (AAAA-MM-DD o «sin término»)"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tipo", required=True, help="peticion, documentos, consulta, queja, ...")
    parser.add_argument("--recibido", required=True, help="fecha y hora ISO; sin zona es hora de Bogotá")


def ejecutar(args: argparse.Namespace) -> int:
    from datetime import datetime

    from ventanilla.datos.ajustes import calendario_de
    from ventanilla.dominio.calendario import BOGOTA
    from ventanilla.dominio.terminos import TipoDesconocido, vence_el
    from ventanilla.ordenes._comun import abrir_almacen

    try:
        recibido = datetime.fromisoformat(args.recibido)
    except ValueError:
        fallar(f"--recibido: «{args.recibido}» no es una fecha y hora; use por ejemplo 2026-11-23T10:42.")
    if recibido.tzinfo is None:
        recibido = recibido.replace(tzinfo=BOGOTA)
    almacen = abrir_almacen()
    with almacen.leer() as sesion:
        calendario = calendario_de(sesion, almacen.ajustes)
    try:
        fecha = vence_el(args.tipo, recibido, calendario)
    except TipoDesconocido as error:
        fallar(f"--tipo: {error}")
    print(fecha.isoformat() if fecha else "sin término")
    return 0
