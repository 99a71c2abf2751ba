"""Casillas cuyo texto se parte en líneas: etiqueta compañera, puntero, estado y nombre."""

from __future__ import annotations

from typing import Any

import pytest

from ventanilla.gui.accesibilidad import nombre_accesible, revisar_accesibilidad, textos_recortados
from ventanilla.gui.casillas import EtiquetaDeCasilla, partir_texto, partir_textos
from ventanilla.gui.qt import QApplication, QCheckBox, QGridLayout, QLineEdit, Qt, QWidget

TEXTO = "Autoriza de forma expresa el tratamiento de datos sensi&bles (opcional)"


@pytest.fixture
def formulario(app: Any, qtbot: Any) -> QWidget:
    """Un campo y, debajo, una casilla de texto largo, en una rejilla como las de Designer."""
    raiz = QWidget()
    qtbot.addWidget(raiz)
    rejilla = QGridLayout(raiz)
    campo = QLineEdit(objectName="antes")
    campo.setAccessibleName("Antes")
    rejilla.addWidget(campo, 0, 0)
    rejilla.addWidget(QCheckBox(TEXTO, objectName="sensibles"), 1, 0)
    rejilla.addWidget(QCheckBox("Migrante", objectName="migrante"), 1, 1)
    return raiz


def _casilla(formulario: QWidget, nombre: str = "sensibles") -> QCheckBox:
    return formulario.findChild(QCheckBox, nombre)


def _mostrar(formulario: QWidget, qtbot: Any, ancho: int = 900) -> None:
    formulario.resize(ancho, 300)
    formulario.show()
    qtbot.waitExposed(formulario)
    formulario.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is formulario)


def test_la_casilla_queda_sin_texto_junto_a_su_etiqueta_en_el_mismo_lugar(
    formulario: QWidget,
) -> None:
    casilla = _casilla(formulario)
    (etiqueta, _migrante) = partir_textos(formulario)
    assert casilla.text() == ""
    assert etiqueta.text() == TEXTO and etiqueta.wordWrap()
    assert etiqueta.buddy() is casilla and etiqueta.objectName() == "e_sensibles"
    assert (
        nombre_accesible(casilla)
        == "Autoriza de forma expresa el tratamiento de datos sensibles (opcional)"
    )
    rejilla = formulario.layout()
    assert rejilla.getItemPosition(rejilla.indexOf(etiqueta.parentWidget())) == (1, 0, 1, 1)
    assert revisar_accesibilidad(formulario) == []


def test_el_texto_se_parte_y_la_casilla_no_ensancha_el_formulario(
    formulario: QWidget, qtbot: Any
) -> None:
    una_linea = _casilla(formulario).sizeHint().width()
    etiqueta = partir_texto(_casilla(formulario))
    assert formulario.minimumSizeHint().width() < una_linea // 2
    _mostrar(formulario, qtbot, ancho=320)
    qtbot.waitUntil(lambda: etiqueta.height() >= 3 * etiqueta.fontMetrics().height())
    qtbot.waitUntil(lambda: textos_recortados(formulario) == [])
    # Con espacio de sobra va en una sola línea, como iría en la casilla.
    formulario.resize(1600, 300)
    qtbot.waitUntil(lambda: etiqueta.height() < 2 * etiqueta.fontMetrics().height())


def test_pulsar_la_etiqueta_marca_y_desmarca_la_casilla(formulario: QWidget, qtbot: Any) -> None:
    casilla = _casilla(formulario)
    etiqueta = partir_texto(casilla)
    _mostrar(formulario, qtbot)
    with qtbot.waitSignal(casilla.toggled) as marcada:
        qtbot.mouseClick(etiqueta, Qt.MouseButton.LeftButton)
    assert marcada.args == [True] and casilla.hasFocus()
    qtbot.mouseClick(etiqueta, Qt.MouseButton.LeftButton)
    assert not casilla.isChecked()
    qtbot.mouseClick(etiqueta, Qt.MouseButton.RightButton)
    assert not casilla.isChecked()


def test_la_etiqueta_sigue_a_la_casilla_deshabilitada_oculta_y_con_ayuda(
    formulario: QWidget, qtbot: Any
) -> None:
    casilla = _casilla(formulario)
    etiqueta = partir_texto(casilla)
    _mostrar(formulario, qtbot)
    casilla.setEnabled(False)
    casilla.setToolTip("Primero autorice la caracterización.")
    assert not etiqueta.isEnabled()
    assert etiqueta.toolTip() == "Primero autorice la caracterización."
    qtbot.mouseClick(etiqueta, Qt.MouseButton.LeftButton)
    assert not casilla.isChecked()
    casilla.setEnabled(True)
    assert etiqueta.isEnabled()
    casilla.hide()
    assert not etiqueta.isVisible()
    casilla.show()
    qtbot.waitUntil(etiqueta.isVisible)


def test_el_cuadro_y_la_primera_linea_quedan_alineados(formulario: QWidget, qtbot: Any) -> None:
    casilla = _casilla(formulario)
    etiqueta: EtiquetaDeCasilla = partir_texto(casilla)
    _mostrar(formulario, qtbot)
    centro_cuadro = casilla.geometry().center().y()
    primera_linea = etiqueta.geometry().top() + etiqueta.contentsMargins().top()
    centro_linea = primera_linea + etiqueta.fontMetrics().height() / 2
    assert abs(centro_cuadro - centro_linea) <= 1


def test_una_casilla_fuera_de_toda_disposicion_no_se_parte(app: Any, qtbot: Any) -> None:
    suelta = QCheckBox("Suelta", objectName="suelta")
    qtbot.addWidget(suelta)
    with pytest.raises(ValueError, match="suelta"):
        partir_texto(suelta)
