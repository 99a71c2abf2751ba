"""Los archivos de prueba tienen nombres únicos en todo `tests/`.

pytest importa cada archivo por su nombre de módulo (modo `prepend`, sin paquetes): dos
`test_servicios.py` en carpetas distintas rompen la recolección de la suite entera, y solo al
correrla completa. Esta prueba lo dice antes, con los nombres repetidos.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

PRUEBAS = Path(__file__).resolve().parent


def test_ningun_archivo_de_prueba_repite_nombre() -> None:
    por_nombre: dict[str, list[str]] = defaultdict(list)
    for archivo in PRUEBAS.rglob("*.py"):
        if archivo.name != "conftest.py" and "__pycache__" not in archivo.parts:
            por_nombre[archivo.name].append(str(archivo.relative_to(PRUEBAS)))
    repetidos = {nombre: sorted(rutas) for nombre, rutas in por_nombre.items() if len(rutas) > 1}
    assert not repetidos, f"nombres repetidos (cambie uno de cada par): {repetidos}"
