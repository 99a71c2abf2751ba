"""`ventanilla inscribir`: inscribe este equipo en un servidor con un código de un solo uso."""

from __future__ import annotations

import argparse

NOMBRE = "inscribir"
AYUDA = "inscribe este equipo en el servidor central con el código que dio un administrador"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--servidor", required=True, help="dirección del servidor, p. ej. https://ventanilla.manizales.gov.co")
    parser.add_argument("--codigo", required=True, help="el código de inscripción de un solo uso")


def ejecutar(args: argparse.Namespace) -> int:
    from ventanilla.ordenes._comun import abrir_almacen, fallar, imprimir_json
    from ventanilla.sincronizacion.errores import RechazoDelServidor, SinConexion
    from ventanilla.sincronizacion.inscripcion import inscribir

    almacen = abrir_almacen()
    try:
        hecha = inscribir(almacen, args.servidor, args.codigo)
    except SinConexion as error:
        fallar(str(error), 3)
    except RechazoDelServidor as error:
        fallar(str(error), 4)
    finally:
        almacen.cerrar()
    imprimir_json(
        {"servidor": hecha.servidor, "punto": hecha.punto, "serie": hecha.serie, "series": list(hecha.series),
         "token_en": hecha.token_en}
    )
    return 0
