"""Preferencias visuales por usuario: se leen, se aplican, se guardan y se cambian con atajos."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ventanilla.gui.muestra_temas import VentanaMuestra
from ventanilla.gui.preferencias_visuales import Preferencias, PreferenciasVisuales
from ventanilla.gui.qt import QApplication, Qt
from ventanilla.gui.temas import PUNTOS_BASE, SISTEMA, gestor

CTRL = Qt.KeyboardModifier.ControlModifier


def test_lo_guardado_invalido_vuelve_a_su_valor_por_omision() -> None:
    assert Preferencias.desde_dict(None) == Preferencias(SISTEMA, 100, False)
    assert Preferencias.desde_dict({"tema": "rosado", "escala": "grande", "voz": "sí"}) == (
        Preferencias(SISTEMA, 100, False)
    )
    assert Preferencias.desde_dict({"tema": "oscuro", "escala": 900, "voz": True}) == (
        Preferencias("oscuro", 200, True)
    )
    assert Preferencias.desde_dict({"escala": True}).escala == 100


def test_sin_nada_guardado_se_aplica_el_tema_del_sistema_al_100(app: QApplication) -> None:
    visuales = PreferenciasVisuales(app, lambda: None, lambda datos: None)
    assert visuales.cargar() == Preferencias()
    assert "QLineEdit:focus" in app.styleSheet()
    assert app.font().pointSizeF() == PUNTOS_BASE
    assert gestor(app).tema == SISTEMA


def test_cargar_aplica_sin_guardar_y_fijar_aplica_y_guarda(qtbot: QtBot, app: QApplication) -> None:
    guardado: list[dict[str, object]] = []
    visuales = PreferenciasVisuales(
        app, lambda: {"tema": "alto_contraste_claro", "escala": 150}, guardado.append
    )
    assert visuales.cargar() == Preferencias("alto_contraste_claro", 150, False)
    assert gestor(app).tema_efectivo == "alto_contraste_claro"
    assert app.font().pointSizeF() == PUNTOS_BASE * 1.5
    assert guardado == []
    with qtbot.waitSignal(visuales.cambiadas) as senal:
        visuales.fijar(voz=True, escala=175)
    assert senal.args == [Preferencias("alto_contraste_claro", 175, True)]
    assert guardado == [{"tema": "alto_contraste_claro", "escala": 175, "voz": True}]
    visuales.fijar(escala=175)
    assert len(guardado) == 1


def test_otro_usuario_trae_sus_preferencias(app: QApplication) -> None:
    de_ana: dict[str, object] = {"tema": "oscuro", "escala": 125}
    de_luis: dict[str, object] = {"tema": "alto_contraste_oscuro", "escala": 200, "voz": True}
    visuales = PreferenciasVisuales(app, lambda: de_ana, de_ana.update)
    visuales.cargar()
    assert gestor(app).tema_efectivo == "oscuro"
    visuales.cambiar_de_usuario(lambda: de_luis, de_luis.update)
    assert gestor(app).tema_efectivo == "alto_contraste_oscuro"
    assert gestor(app).escala == 200
    visuales.achicar()
    assert de_luis["escala"] == 175 and de_ana["escala"] == 125


def test_los_atajos_cambian_tema_y_tamano_y_se_guardan(
    qtbot: QtBot, ventana: VentanaMuestra, app: QApplication, guardadas: dict[str, object]
) -> None:
    ventana.documento.setFocus()
    qtbot.waitUntil(ventana.documento.hasFocus)
    vistos = []
    for _ in range(4):
        qtbot.keyClick(ventana.documento, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
        vistos.append(gestor(app).tema_efectivo)
    assert vistos == ["oscuro", "alto_contraste_oscuro", "alto_contraste_claro", "claro"]
    assert guardadas["tema"] == "claro"
    qtbot.keyClick(ventana.documento, Qt.Key.Key_Equal, CTRL)
    assert guardadas["escala"] == 110
    qtbot.keyClick(ventana.documento, Qt.Key.Key_Plus, CTRL)
    assert guardadas["escala"] == 125 and gestor(app).escala == 125
    qtbot.keyClick(ventana.documento, Qt.Key.Key_Minus, CTRL)
    assert guardadas["escala"] == 110
    qtbot.keyClick(ventana.documento, Qt.Key.Key_0, CTRL)
    assert guardadas["escala"] == 100
    assert ventana.documento.text() == ""
