"""`ventanilla radicar`: radica una solicitud descrita en JSON (archivo o entrada estándar).

El formato está en `docs/solicitud-json.md`; es también el de la importación masiva: un arreglo
de solicitudes se radica una por una, en orden, y la salida es un arreglo.
"""

from __future__ import annotations

import argparse
import sys

from ventanilla.ordenes._comun import agregar_usuario

NOMBRE = "radicar"
AYUDA = "radica una solicitud descrita en JSON e imprime su radicado y vencimiento en JSON"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archivo", nargs="?", default="-", help="archivo JSON (por defecto, la entrada estándar)")
    agregar_usuario(parser)


def _leer(archivo: str) -> str:
    if archivo == "-":
        return sys.stdin.read()
    with open(archivo, encoding="utf-8") as entrada:
        return entrada.read()


def ejecutar(args: argparse.Namespace) -> int:
    import json

    from ventanilla.dominio.solicitudes import SolicitudInvalida
    from ventanilla.ordenes._comun import abrir_almacen, fallar, imprimir_json, usuario_de
    from ventanilla.servicios.errores import ErrorDeServicio
    from ventanilla.servicios.radicacion import radicar

    try:
        contenido = json.loads(_leer(args.archivo))
    except OSError as error:
        fallar(f"no se pudo leer «{args.archivo}»: {error.strerror}.")
    except json.JSONDecodeError as error:
        fallar(f"el JSON no es válido (línea {error.lineno}, columna {error.colno}): {error.msg}.")
    except UnicodeDecodeError:
        fallar(f"«{args.archivo}» no está en UTF-8: guárdelo como UTF-8 y vuelva a intentarlo.")
    lote = contenido if isinstance(contenido, list) else [contenido]
    if not all(isinstance(s, dict) for s in lote):
        fallar("cada solicitud debe ser un objeto JSON con sus campos.")
    almacen = abrir_almacen()
    usuario = usuario_de(args, almacen)
    resultados = []
    for numero, solicitud in enumerate(lote, start=1):
        prefijo = f"solicitud {numero}: " if isinstance(contenido, list) else ""
        try:
            resultados.append(radicar(almacen, solicitud, usuario=usuario).como_json())
        except SolicitudInvalida as error:
            lineas = "\n".join(f"  {e.campo}: {e.mensaje}" for e in error.errores)
            if resultados:
                imprimir_json(resultados)
            fallar(f"{prefijo}la solicitud no se radicó; corrija:\n{lineas}")
        except ErrorDeServicio as error:
            fallar(f"{prefijo}{error}")
    imprimir_json(resultados if isinstance(contenido, list) else resultados[0])
    return 0
