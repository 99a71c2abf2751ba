"""Lo que comparten `ventanilla kiosko` y `ventanilla display`: de dónde sale la cola y con qué
tema y tamaño de texto se ven.

Con un servidor (la opción `--servidor` o el del equipo inscrito) la cola es la de la sede; sin
él, la de este equipo (modo brigada), en su almacén, compartida con la ventana del funcionario.

En el kiosco y en la pantalla nadie inicia sesión: el tema y el tamaño del texto son del equipo,
uno para cada ventana, guardados en su almacén como las preferencias de una persona con el nombre
reservado `@kiosko` o `@pantalla` (claves `preferencias.@kiosko` y `preferencias.@pantalla`). Los
atajos Ctrl+Shift+C, Ctrl+= y Ctrl+- los cambian en vivo y los guardan ahí.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["TEMA_POR_DEFECTO", "agregar_opciones_de_cola", "fuente_de_turnos", "preferencias_del_equipo"]

TEMA_POR_DEFECTO = "alto_contraste_oscuro"
"""El tema del kiosco y de la pantalla mientras nadie elija otro en el equipo."""


def agregar_opciones_de_cola(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--servidor",
        default=None,
        help="URL del servidor de la sede (http://servidor:8765); sin él, la cola de este equipo",
    )
    parser.add_argument(
        "--tema", default=None,
        help="claro, oscuro, alto_contraste_oscuro o alto_contraste_claro (por defecto, el guardado en el "
        "equipo para esta ventana o, si no hay, alto_contraste_oscuro)",
    )
    parser.add_argument("--ventana", action="store_true", help="en una ventana y no a pantalla completa")


def fuente_de_turnos(args: argparse.Namespace, almacen: Any) -> Any:
    """La fuente de la cola: remota si hay servidor, local (brigada) si no."""
    from ventanilla.turnos.fuentes import FuenteLocal, FuenteRemota

    url = args.servidor or almacen.ajustes.servidor
    if url:
        return FuenteRemota(url)
    from ventanilla.servicios.turnos import abrir_cola_local

    return FuenteLocal(abrir_cola_local(almacen))


def preferencias_del_equipo(app: Any, almacen: Any, ventana: str, tema: str | None) -> Any:
    """Las preferencias visuales de `ventana` ("kiosko" o "pantalla") en este equipo, ya aplicadas.

    `tema` (la opción `--tema`) manda en esta ejecución sobre el tema guardado; no se guarda por sí sola.
    """
    from ventanilla.gui.preferencias_visuales import PreferenciasVisuales
    from ventanilla.servicios.preferencias import guardar_preferencias, leer_preferencias

    nombre = f"@{ventana}"

    def cargar() -> dict[str, Any]:
        guardadas = {"tema": TEMA_POR_DEFECTO, **(leer_preferencias(almacen, nombre) or {})}
        return {**guardadas, "tema": tema} if tema else guardadas

    preferencias = PreferenciasVisuales(
        app, cargar, lambda datos: guardar_preferencias(almacen, nombre, datos)
    )
    preferencias.cargar()
    return preferencias
