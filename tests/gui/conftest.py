"""Accesorios de la ventana del funcionario: la aplicación con tema, sesiones y ventana."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.qt import QApplication
from ventanilla.gui.ventana_principal import VentanaPrincipal
from ventanilla.servicios.sesion import SesionUsuario, sesion_de


@pytest.fixture
def app(qapp: Any) -> Any:
    from ventanilla.ordenes.app import crear_aplicacion

    return crear_aplicacion([], "claro")


def _usuario(almacen: Almacen, login: str, nombre: str, roles: list[str]) -> SesionUsuario:
    with almacen.escribir() as sesion:
        sesion.add(Usuario(login=login, nombre=nombre, roles=roles, clave_hash=None, activo=True))
    return sesion_de(almacen, login)


@pytest.fixture
def funcionario(almacen: Almacen) -> SesionUsuario:
    return _usuario(almacen, "mgomez", "María Gómez", ["funcionario"])


@pytest.fixture
def supervisor(almacen: Almacen) -> SesionUsuario:
    return _usuario(almacen, "jramirez", "Jorge Ramírez", ["funcionario", "supervisor"])


@pytest.fixture
def ventana(app: Any, almacen: Almacen, funcionario: SesionUsuario, qtbot: Any) -> Iterator[VentanaPrincipal]:
    v = VentanaPrincipal(almacen, funcionario)
    qtbot.addWidget(v)
    v.resize(1280, 760)
    v.show()
    qtbot.waitExposed(v)
    v.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is v)
    yield v
    esperar_todas()
