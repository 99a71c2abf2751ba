"""La orden `ventanilla`: sin suborden abre la aplicación; cada suborden vive en `ordenes/`.

Cada módulo de `ventanilla/ordenes/` (los que no empiezan por `_`) es una suborden: define
`NOMBRE`, `AYUDA`, `configurar(parser)` y `ejecutar(args) -> int`, e importa lo pesado dentro de
`ejecutar`, para que `ventanilla --help` y el arranque sigan siendo rápidos. La ayuda y los errores
de los argumentos salen en español (`ordenes/_espanol.py`).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from ventanilla import __version__, ordenes
from ventanilla.ordenes._espanol import ParserEnEspanol

__all__ = ["construir_parser", "main"]


def _modulos_de_ordenes() -> list[object]:
    nombres = sorted(m.name for m in pkgutil.iter_modules(ordenes.__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"ventanilla.ordenes.{nombre}") for nombre in nombres]


def construir_parser() -> argparse.ArgumentParser:
    parser = ParserEnEspanol(
        prog="ventanilla",
        description="Ventanilla única de PQRSD. Sin suborden, abre la aplicación.",
    )
    parser.add_argument(
        "--version", action="version", version=f"ventanilla {__version__}",
        help="mostrar la versión del programa y salir",
    )
    subordenes = parser.add_subparsers(dest="orden", metavar="ORDEN")
    for modulo in _modulos_de_ordenes():
        sub = subordenes.add_parser(modulo.NOMBRE, help=modulo.AYUDA, description=modulo.AYUDA)  # type: ignore[attr-defined]
        modulo.configurar(sub)  # type: ignore[attr-defined]
        sub.set_defaults(ejecutar=modulo.ejecutar)  # type: ignore[attr-defined]
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = construir_parser().parse_args(argv)
    try:
        if args.orden is None:
            from ventanilla.ordenes.app import abrir_aplicacion

            return abrir_aplicacion([])
        return int(args.ejecutar(args))
    except BrokenPipeError:
        # La salida se cerró antes de tiempo (`ventanilla buscar ... | head`): no es un error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("ventanilla: interrumpido.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
