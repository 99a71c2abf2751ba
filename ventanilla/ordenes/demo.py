"""`ventanilla demo`: la aplicación en un perfil de demostración desechable, ya con sesión.

Sin `--datos`, crea un directorio temporal (nada toca el equipo real) y lo borra al salir. Con
`--datos` usa ese directorio y, si ya tiene solicitudes, no genera más: así se abre una copia
del almacén grande de las mediciones. Las solicitudes de ejemplo se generan después de abrir la ventana,
fuera del hilo de la interfaz, y aparecen mientras se crean.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

NOMBRE = "demo"
AYUDA = "abre la aplicación en un perfil de demostración con solicitudes de ejemplo"

__all__ = ["AYUDA", "NOMBRE", "configurar", "ejecutar"]


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--datos", type=Path, help="directorio del perfil (por defecto, uno temporal)")
    parser.add_argument("--cantidad", type=int, default=300, help="solicitudes de ejemplo a generar (por defecto 300)")
    parser.add_argument("--semilla", type=int, default=17001, help="semilla de los datos de ejemplo (los mismos cada vez)")
    parser.add_argument("--tema", default="sistema", help="claro, oscuro, alto_contraste_oscuro, alto_contraste_claro o sistema")


def ejecutar(args: argparse.Namespace) -> int:
    desechable = args.datos is None
    directorio = args.datos or Path(tempfile.mkdtemp(prefix="ventanilla-demo-"))
    os.environ["VENTANILLA_DATOS"] = str(directorio)

    from ventanilla.datos.almacen import Almacen
    from ventanilla.gui.operaciones import ejecutar as en_segundo_plano
    from ventanilla.gui.operaciones import esperar_todas
    from ventanilla.gui.ventana_principal import VentanaPrincipal
    from ventanilla.ordenes.app import avisar_si_se_mide, crear_aplicacion
    from ventanilla.servicios.demostracion import (
        USUARIO_DEMO,
        generar_solicitudes,
        preparar_equipo_demo,
    )
    from ventanilla.servicios.formulario import hay_solicitudes
    from ventanilla.servicios.sesion import sesion_de

    app = crear_aplicacion([], args.tema)
    almacen = Almacen.abrir(directorio)
    preparar_equipo_demo(almacen)
    ventana = VentanaPrincipal(almacen, sesion_de(almacen, USUARIO_DEMO))
    ventana.resize(1280, 760)
    ventana.showMaximized()
    if args.cantidad > 0 and not hay_solicitudes(almacen):
        en_segundo_plano(
            ventana,
            lambda: generar_solicitudes(almacen, args.cantidad, semilla=args.semilla),
            al_terminar=lambda n: ventana.barra.ocupado.setText(f"Demostración lista: {n} solicitudes de ejemplo."),
            cambia={"solicitudes", "eventos"},
            descripcion=f"Preparando {args.cantidad} solicitudes de ejemplo…",
        )
    avisar_si_se_mide(app)
    codigo = int(app.exec())
    esperar_todas(60_000)
    almacen.cerrar()
    if desechable:
        shutil.rmtree(directorio, ignore_errors=True)
    return codigo
