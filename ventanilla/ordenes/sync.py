"""`ventanilla sync`: una sincronización completa (envío y recepción).

El avance va a la salida de errores; el resumen, en JSON, a la salida estándar. Sale con 0 si todo
entró; 3 si el servidor no se alcanzó (lo pendiente sigue guardado); 4 si el servidor rechazó algo
(el mensaje dice qué y queda en la vista de rechazos); 5 si el equipo no está inscrito.
"""

from __future__ import annotations

import argparse
import sys

NOMBRE = "sync"
AYUDA = "sincroniza este equipo con el servidor: envía lo pendiente y recibe lo nuevo"

SALIDA_SIN_CONEXION = 3
SALIDA_RECHAZO = 4
SALIDA_NO_INSCRITO = 5


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--silencio", action="store_true", help="no mostrar el avance en la salida de errores")


def ejecutar(args: argparse.Namespace) -> int:
    from ventanilla.ordenes._comun import abrir_almacen, imprimir_json
    from ventanilla.sincronizacion.errores import NoInscrito, RechazoDelServidor, SinConexion
    from ventanilla.sincronizacion.motor import sincronizar

    def avance(etapa: str, hecho: int, total: int) -> None:
        if not args.silencio:
            print(f"{etapa}: {hecho}" + (f" de {total}" if total else ""), file=sys.stderr, flush=True)

    almacen = abrir_almacen()
    try:
        resumen = sincronizar(almacen, progreso=avance)
    except NoInscrito as error:
        imprimir_json({"error": str(error)})
        return SALIDA_NO_INSCRITO
    except SinConexion as error:
        imprimir_json({"error": str(error), "sin_conexion": True})
        return SALIDA_SIN_CONEXION
    except RechazoDelServidor as error:
        imprimir_json({"error": str(error), "rechazo": error.estado})
        return SALIDA_RECHAZO
    finally:
        almacen.cerrar()
    if resumen.aviso_reloj:
        print(f"aviso: {resumen.aviso_reloj}", file=sys.stderr)
    imprimir_json(resumen.como_json())
    return SALIDA_RECHAZO if resumen.rechazos else 0
