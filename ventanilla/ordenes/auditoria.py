"""`ventanilla auditoria verificar`: revisa la cadena de eventos del almacén del equipo.

Sale con 0 si la cadena está íntegra y con 1 si encontró un evento alterado, faltante o
reordenado (nombrado por su id), para que un script o una tarea programada lo note.
"""

from __future__ import annotations

import argparse

NOMBRE = "auditoria"
AYUDA = "revisa que el registro de eventos no haya sido alterado (auditoria verificar)"

SALIDA_CADENA_ROTA = 1


def configurar(parser: argparse.ArgumentParser) -> None:
    acciones = parser.add_subparsers(dest="accion", metavar="ACCION", required=True)
    verificar = acciones.add_parser(
        "verificar", help="revisa la cadena de hashes de cada dispositivo y nombra el primer evento roto"
    )
    verificar.add_argument("--json", action="store_true", help="imprime el informe en JSON")


def _texto(informe: object) -> str:
    from ventanilla.seguridad.cadena import Informe

    assert isinstance(informe, Informe)
    cabecera = f"Eventos revisados: {informe.eventos_revisados} de {informe.dispositivos} dispositivo(s)."
    if informe.integro:
        return f"{cabecera}\nLa cadena de eventos está íntegra."
    lineas = [cabecera, f"La cadena de eventos NO está íntegra ({len(informe.problemas)} problema(s)):"]
    lineas += [f"- [{p.tipo}] {p.detalle}" for p in informe.problemas]
    return "\n".join(lineas)


def ejecutar(args: argparse.Namespace) -> int:
    from ventanilla.ordenes._comun import abrir_almacen, imprimir_json
    from ventanilla.seguridad.cadena import verificar_cadena

    almacen = abrir_almacen()
    try:
        informe = verificar_cadena(almacen)
    finally:
        almacen.cerrar()
    if args.json:
        imprimir_json(informe.como_json())
    else:
        print(_texto(informe))
    return 0 if informe.integro else SALIDA_CADENA_ROTA
