"""El panel de Turnos cabe a lo ancho de una pantalla de 1366 × 768 con el texto hasta al 200 %.

Con el texto grande el panel se apila (la espera debajo, los botones de dos en dos, cada grupo en
columna) y se desplaza a lo alto; nunca pide más ancho que el que hay, ni agranda la ventana.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.accesibilidad import textos_recortados
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.panel_turnos import PanelTurnos
from ventanilla.gui.qt import QApplication, QScrollArea
from ventanilla.gui.temas import TEMAS, gestor
from ventanilla.gui.ventana_principal import VentanaPrincipal
from ventanilla.servicios.sesion import sesion_de


@pytest.fixture
def ventana(app: QApplication, almacen: Almacen, qtbot: QtBot) -> Iterator[VentanaPrincipal]:
    principal = VentanaPrincipal(almacen, sesion_de(almacen, "admin"))
    qtbot.addWidget(principal)
    principal.resize(1366, 768)
    principal.show()
    qtbot.waitExposed(principal)
    yield principal
    esperar_todas()


@pytest.mark.parametrize("escala", [100, 150, 200])
@pytest.mark.parametrize("tema", [TEMAS[0], TEMAS[-1]])
def test_turnos_en_1366x768_sin_desplazarse_a_lo_ancho_ni_cortes(
    ventana: VentanaPrincipal, qtbot: QtBot, app: QApplication, tema: str, escala: int
) -> None:
    gestor(app).aplicar(tema, escala)
    ventana.mostrar("turnos")
    panel = ventana.panel("turnos")
    assert isinstance(panel, PanelTurnos)
    qtbot.waitUntil(panel.isVisible)
    desplazable = panel.findChild(QScrollArea)
    assert desplazable is not None
    contenido = desplazable.widget()
    barra = desplazable.horizontalScrollBar()
    qtbot.waitUntil(lambda: not barra.isVisible() and barra.maximum() == 0, timeout=3000)
    assert contenido.minimumSizeHint().width() <= desplazable.viewport().width()
    assert ventana.width() == 1366, "abrir Turnos no debe ensanchar la ventana"
    qtbot.waitUntil(lambda: textos_recortados(panel) == [], timeout=3000)
