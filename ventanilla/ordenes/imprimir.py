"""`ventanilla imprimir`: imprime (o escribe en PDF) un documento de un radicado y lo anota.

Una segunda impresión del mismo documento sale marcada «COPIA» con la hora de reimpresión.
Sin `--salida` ni `--impresora`, usa la impresora predeterminada del sistema.
"""

from __future__ import annotations

import argparse

from ventanilla.ordenes._comun import agregar_usuario

NOMBRE = "imprimir"
AYUDA = "imprime la constancia, el rótulo, el recibo o la constancia de anulación de un radicado"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("radicado", help="el número de radicado")
    parser.add_argument(
        "--documento", required=True, choices=["constancia", "sticker", "recibo", "anulacion"],
        help="qué documento imprimir",
    )
    destino = parser.add_mutually_exclusive_group()
    destino.add_argument("--salida", metavar="ARCHIVO.pdf", help="escribir el PDF en este archivo")
    destino.add_argument("--impresora", metavar="NOMBRE", help="enviar a esta impresora del sistema")
    parser.add_argument("--tamano", choices=["carta", "a4"], default="carta",
                        help="hoja de la constancia (por defecto carta)")
    parser.add_argument("--letra-grande", action="store_true",
                        help="constancia con letra de 18 puntos o más")
    agregar_usuario(parser)


def ejecutar(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ventanilla.impresion.impresora import ErrorDeImpresion, impresora_predeterminada
    from ventanilla.ordenes._comun import abrir_almacen, fallar, imprimir_json, usuario_de
    from ventanilla.servicios.errores import ErrorDeServicio
    from ventanilla.servicios.impresion import imprimir

    salida = Path(args.salida) if args.salida else None
    impresora = args.impresora
    if salida is None and impresora is None:
        impresora = impresora_predeterminada()
        if impresora is None:
            fallar("no hay impresora predeterminada: use --impresora NOMBRE o --salida ARCHIVO.pdf.")
    almacen = abrir_almacen()
    try:
        resultado = imprimir(
            almacen, args.radicado, args.documento, usuario_de(args, almacen), salida=salida,
            impresora=impresora, tamano=args.tamano, letra_grande=args.letra_grande,
        )
    except (ErrorDeServicio, ErrorDeImpresion) as error:
        fallar(str(error))
    except OSError as error:
        fallar(f"no se pudo escribir «{args.salida}»: {error.strerror}.")
    imprimir_json(resultado.como_json())
    return 0
