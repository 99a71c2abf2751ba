"""Accesorios de las pruebas de temas y accesibilidad: la aplicación vuelve a su aspecto al terminar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ventanilla.gui.muestra_temas import VentanaMuestra
from ventanilla.gui.preferencias_visuales import PreferenciasVisuales
from ventanilla.gui.qt import QApplication
from ventanilla.gui.temas import retirar_temas


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """La QApplication de la sesión; al terminar se le quitan tema y escala."""
    yield qapp
    retirar_temas(qapp)


@pytest.fixture
def guardadas() -> dict[str, object]:
    """Lo que el almacén guardaría para el usuario: empieza vacío."""
    return {}


@pytest.fixture
def preferencias(app: QApplication, guardadas: dict[str, object]) -> PreferenciasVisuales:
    """Preferencias visuales que se guardan en `guardadas`."""
    visuales = PreferenciasVisuales(app, lambda: dict(guardadas), guardadas.update)
    visuales.cargar()
    return visuales


@pytest.fixture
def ventana(qtbot: QtBot, preferencias: PreferenciasVisuales) -> VentanaMuestra:
    """La ventana de muestra, mostrada y activa, con los atajos globales."""
    muestra = VentanaMuestra(preferencias)
    qtbot.addWidget(muestra)
    muestra.resize(760, 860)
    muestra.show()
    qtbot.waitExposed(muestra)
    muestra.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is muestra)
    return muestra
