"""Punto de entrada del paquete de PyInstaller: la orden `ventanilla` de siempre.

`--diagnostico` (solo aquí, no en la orden instalada con pip) comprueba la instalación: lo
atiende `diagnostico.py` antes de pasar a la línea de órdenes.
"""

from __future__ import annotations

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--diagnostico"]:
        from diagnostico import diagnosticar

        sys.exit(diagnosticar())
    from ventanilla.cli import main

    sys.exit(main())
