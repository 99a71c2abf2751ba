"""`ventanilla backup DESTINO`: copia cifrada y verificada del almacén (por ejemplo a una USB).

Es la acción de fin de jornada de una brigada: una sola orden, que se puede correr con la
aplicación abierta (la copia es en línea) y que solo da por buena la copia después de abrirla y
comparar sus filas con las del almacén.
"""

from __future__ import annotations

import argparse

NOMBRE = "backup"
AYUDA = "hace una copia cifrada y verificada del almacén en DESTINO (carpeta o archivo)"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("destino", help="carpeta (por ejemplo la memoria USB) o nombre del archivo de copia")
    parser.add_argument("--json", action="store_true", help="imprime el resultado en JSON")


def ejecutar(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ventanilla.ordenes._comun import abrir_almacen, fallar, imprimir_json
    from ventanilla.seguridad.clave import AlmacenIlegible
    from ventanilla.seguridad.respaldo import respaldar

    destino = Path(args.destino).expanduser()
    if not destino.is_dir() and not destino.parent.is_dir():
        fallar(f"no existe la carpeta {destino.parent}: conecte la memoria o revise la ruta.")
    try:
        almacen = abrir_almacen()
    except AlmacenIlegible as error:
        fallar(str(error))
    try:
        respaldo = respaldar(almacen, destino)
    except AlmacenIlegible as error:
        fallar(f"la copia no quedó bien y se descartó: {error}")
    except OSError as error:
        fallar(f"no se pudo escribir la copia en {destino}: {error.strerror}.")
    finally:
        almacen.cerrar()
    if args.json:
        imprimir_json(respaldo.como_json())
    else:
        eventos = respaldo.tablas.get("eventos", 0)
        print(f"Copia cifrada y verificada: {respaldo.archivo} ({respaldo.bytes} bytes, {eventos} eventos).")
    return 0
