"""`ventanilla restaurar ORIGEN`: pone una copia de respaldo como almacén de este equipo.

Antes de reemplazar nada guarda una copia cifrada del almacén actual en `respaldos/`. Cierre la
aplicación antes de restaurar. Una copia hecha en otro equipo se abre con la clave de ese equipo
(`--clave-archivo`, ver docs/seguridad.md) y queda cifrada con la de este.
"""

from __future__ import annotations

import argparse

NOMBRE = "restaurar"
AYUDA = "reemplaza el almacén de este equipo por la copia ORIGEN (guarda antes el actual)"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("origen", help="archivo de copia hecho con `ventanilla backup`")
    parser.add_argument(
        "--clave-archivo", help="archivo con la clave del equipo que hizo la copia (si no fue este)"
    )


def ejecutar(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ventanilla.ordenes._comun import fallar
    from ventanilla.rutas import directorio_datos
    from ventanilla.seguridad.cifrado import ClaveIncorrecta
    from ventanilla.seguridad.clave import AlmacenIlegible
    from ventanilla.seguridad.respaldo import leer_clave_de_archivo, restaurar

    origen = Path(args.origen).expanduser()
    if not origen.is_file():
        fallar(f"no existe la copia {origen}.")
    clave = None
    if args.clave_archivo:
        try:
            clave = leer_clave_de_archivo(Path(args.clave_archivo).expanduser())
        except OSError as error:
            fallar(f"no se pudo leer la clave de «{args.clave_archivo}»: {error.strerror}.")
        except AlmacenIlegible as error:
            fallar(str(error))
    try:
        previo = restaurar(origen, directorio_datos(), clave_origen=clave)
    except ClaveIncorrecta:
        fallar(
            f"la copia {origen.name} no se abre con la clave de este equipo: se hizo en otro. "
            "Use --clave-archivo con la clave del equipo que la hizo."
        )
    except AlmacenIlegible as error:
        fallar(str(error))
    except OSError as error:
        fallar(f"no se pudo restaurar: {error.strerror}.")
    if previo is not None:
        print(f"El almacén anterior quedó guardado (cifrado) en {previo}.")
    print(f"Almacén restaurado desde {origen}.")
    return _verificar_restaurado()


def _verificar_restaurado() -> int:
    """Revisa la cadena de eventos del almacén recién puesto y lo dice (1 si está rota)."""
    from ventanilla.ordenes._comun import abrir_almacen
    from ventanilla.seguridad.cadena import verificar_cadena

    almacen = abrir_almacen()
    try:
        informe = verificar_cadena(almacen)
    finally:
        almacen.cerrar()
    if informe.integro:
        print(f"Cadena de eventos íntegra ({informe.eventos_revisados} eventos).")
        return 0
    print("La copia restaurada tiene la cadena de eventos rota:")
    for problema in informe.problemas:
        print(f"- [{problema.tipo}] {problema.detalle}")
    return 1
