"""`ventanilla habeas exportar|corregir|anonimizar`: los derechos del titular (Ley 1581).

Cada acción pide `--motivo` (sin datos personales: el radicado de la solicitud del titular) y
queda como evento con el usuario que la hizo. El ciudadano se nombra por su id o como
`TIPO:NÚMERO` (por ejemplo `CC:75071234`). `corregir` lee los campos nuevos en JSON (archivo o
entrada estándar). `exportar` escribe los datos del titular: con `--salida` quedan en un archivo
que solo este usuario del sistema puede leer.
"""

from __future__ import annotations

import argparse

from ventanilla.ordenes._comun import agregar_usuario

NOMBRE = "habeas"
AYUDA = "exporta, corrige o anonimiza los datos de un ciudadano (habeas data), con motivo"


def configurar(parser: argparse.ArgumentParser) -> None:
    acciones = parser.add_subparsers(dest="accion", metavar="ACCION", required=True)
    for nombre, ayuda in (
        ("exportar", "entrega todo lo que el equipo guarda del ciudadano, en JSON"),
        ("corregir", "corrige campos del registro del ciudadano (JSON: {\"campo\": \"valor\"})"),
        ("anonimizar", "borra nombre, documento y contacto del ciudadano (supervisor o administrador)"),
    ):
        sub = acciones.add_parser(nombre, help=ayuda, description=ayuda)
        sub.add_argument("ciudadano", help="id del ciudadano o TIPO:NÚMERO (por ejemplo CC:75071234)")
        sub.add_argument("--motivo", required=True, help="por qué (sin datos personales: cite el radicado)")
        agregar_usuario(sub)
        if nombre == "exportar":
            sub.add_argument("--salida", help="archivo donde escribir el JSON (si no, la salida estándar)")
        if nombre == "corregir":
            sub.add_argument("cambios", nargs="?", default="-", help="archivo JSON con los campos (por defecto, la entrada estándar)")


def _leer_cambios(archivo: str) -> object:
    import json
    import sys

    from ventanilla.ordenes._comun import fallar

    try:
        if archivo == "-":
            return json.loads(sys.stdin.read())
        with open(archivo, encoding="utf-8") as entrada:
            return json.loads(entrada.read())
    except OSError as error:
        fallar(f"no se pudo leer «{archivo}»: {error.strerror}.")
    except json.JSONDecodeError as error:
        fallar(f"el JSON no es válido (línea {error.lineno}, columna {error.colno}): {error.msg}.")
    except UnicodeDecodeError:
        fallar(f"«{archivo}» no está en UTF-8.")


def _escribir_privado(ruta: str, contenido: str) -> None:
    import os

    descriptor = os.open(ruta, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as salida:
        salida.write(contenido)


def ejecutar(args: argparse.Namespace) -> int:
    import json

    from ventanilla.ordenes._comun import abrir_almacen, fallar, imprimir_json, usuario_de
    from ventanilla.seguridad import habeas
    from ventanilla.seguridad.clave import AlmacenIlegible
    from ventanilla.servicios.errores import ErrorDeServicio

    cambios = _leer_cambios(args.cambios) if args.accion == "corregir" else {}
    if not isinstance(cambios, dict):
        fallar("los cambios deben ser un objeto JSON, por ejemplo {\"telefono\": \"3001234567\"}.")
    try:
        almacen = abrir_almacen()
    except AlmacenIlegible as error:
        fallar(str(error))
    usuario = usuario_de(args, almacen)
    try:
        if args.accion == "exportar":
            datos = habeas.exportar_ciudadano(almacen, args.ciudadano, usuario=usuario, motivo=args.motivo)
            if args.salida:
                _escribir_privado(args.salida, json.dumps(datos, ensure_ascii=False, indent=2))
                print(f"Datos del ciudadano escritos en {args.salida}.")
            else:
                imprimir_json(datos)
        elif args.accion == "corregir":
            fila = habeas.corregir_ciudadano(almacen, args.ciudadano, cambios, usuario=usuario, motivo=args.motivo)
            imprimir_json({"ciudadano_id": fila.id, "version": fila.version})
        else:
            fila = habeas.anonimizar_ciudadano(almacen, args.ciudadano, usuario=usuario, motivo=args.motivo)
            imprimir_json({"ciudadano_id": fila.id, "version": fila.version, "anonimizado": True})
    except ErrorDeServicio as error:
        fallar(str(error))
    except OSError as error:
        fallar(f"no se pudo escribir «{args.salida}»: {error.strerror}.")
    finally:
        almacen.cerrar()
    return 0
