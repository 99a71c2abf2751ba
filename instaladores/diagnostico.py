"""`ventanilla --diagnostico`: comprueba que una instalación tiene lo que necesita, y lo dice.

Para el personal de soporte de una oficina (y para la prueba del paquete): abre una ventana de Qt
en la plataforma gráfica real, abre y cierra el almacén cifrado del equipo y prueba la búsqueda
FTS5, e imprime un informe JSON sin datos personales. Sale con 0 si todo funciona.
"""

from __future__ import annotations

import json
import sys
from typing import Any

__all__ = ["diagnosticar"]


def _ventana() -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["ventanilla-diagnostico"])
    etiqueta = QLabel("Ventanilla: diagnóstico de la instalación")
    etiqueta.setWindowTitle("Ventanilla — diagnóstico")
    etiqueta.show()
    visto: dict[str, bool] = {}

    def mirar_y_salir() -> None:
        ventana = etiqueta.windowHandle()
        visto["ventana_expuesta"] = ventana is not None and ventana.isExposed()
        app.quit()

    QTimer.singleShot(300, mirar_y_salir)
    app.exec()
    etiqueta.close()
    return {"plataforma": QApplication.platformName(), **visto}


def _almacen() -> dict[str, Any]:
    from sqlalchemy import text

    from ventanilla.datos.almacen import Almacen
    from ventanilla.seguridad.cifrado import es_texto_plano
    from ventanilla.seguridad.llavero import Llavero

    almacen = Almacen.abrir()
    try:
        with almacen.leer() as sesion:
            sesion.execute(text("SELECT count(*) FROM busqueda WHERE busqueda MATCH 'prueba'")).scalar()
            version = sesion.execute(text("PRAGMA cipher_version")).scalar()
        dependencias = len(almacen.dependencias())
    finally:
        almacen.cerrar()
    return {
        "almacen_cifrado": not es_texto_plano(almacen.archivo),
        "sqlcipher": version,
        "clave_en": Llavero(almacen.directorio).origen("clave-almacen"),
        "dependencias": dependencias,
    }


def diagnosticar() -> int:
    from ventanilla import __version__

    informe: dict[str, Any] = {"version": __version__}
    correcto = True
    for nombre, prueba in (("qt", _ventana), ("almacen", _almacen)):
        try:
            informe[nombre] = prueba()
        except Exception as error:  # noqa: BLE001 (el diagnóstico informa cualquier fallo en vez de romperse)
            informe[nombre] = {"error": f"{type(error).__name__}: {error}"}
            correcto = False
    json.dump(informe, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0 if correcto else 1
