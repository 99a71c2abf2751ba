"""Cada tema y cada tamaño de texto se aplican en vivo a una ventana abierta, y siguen al sistema."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ventanilla.gui.muestra_temas import VentanaMuestra
from ventanilla.gui.qt import QApplication, QColor, QPalette, Qt, QWidget
from ventanilla.gui.temas import (
    PASOS_ESCALA,
    PUNTOS_BASE,
    SISTEMA,
    TEMAS,
    aplicar_escala,
    aplicar_tema,
    cargar_paleta,
    gestor,
    siguiente_escala,
    siguiente_tema,
    tema_del_sistema,
)


@pytest.mark.parametrize("clave", TEMAS)
def test_cada_tema_y_escala_cambian_la_ventana_abierta(
    qtbot: QtBot, ventana: VentanaMuestra, app: QApplication, clave: str
) -> None:
    nombres = ventana.nombres
    alturas = []
    for escala in (100, 150, 200):
        with qtbot.waitSignal(gestor(app).cambiado) as senal:
            aplicar_tema(app, clave)
        assert senal.args == [clave, gestor(app).escala]
        aplicar_escala(app, escala)
        esperado = PUNTOS_BASE * escala / 100
        assert nombres.font().pointSizeF() == esperado
        qtbot.waitUntil(lambda: nombres.height() >= nombres.sizeHint().height())
        alturas.append(nombres.height())
        fondo = ventana.palette().color(QPalette.ColorRole.Window)
        assert fondo == QColor(cargar_paleta(clave).colores["fondo"])
    assert alturas[0] < alturas[1] < alturas[2]


def test_el_anillo_de_foco_se_ve_con_su_grosor(
    qtbot: QtBot, ventana: VentanaMuestra, app: QApplication
) -> None:
    for clave, escala in [(clave, escala) for clave in TEMAS for escala in (100, 200)]:
        aplicar_tema(app, clave)
        aplicar_escala(app, escala)
        paleta = cargar_paleta(clave)
        grosor = paleta.grosor_foco + (2 if escala == 200 else 0)
        for campo in (ventana.documento, ventana.radicar, ventana.caracterizacion):
            campo.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(campo.hasFocus)
            imagen = campo.grab().toImage()
            medio = imagen.height() // 2
            anillo = [imagen.pixelColor(x, medio).name().upper() for x in range(grosor + 1)]
            assert anillo[:grosor] == [paleta.colores["foco"]] * grosor, (clave, escala, campo)
            assert anillo[grosor] != paleta.colores["foco"], (clave, escala, campo)
        ventana.nombres.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(ventana.nombres.hasFocus)
        sin_foco = ventana.documento.grab().toImage()
        borde = sin_foco.pixelColor(0, sin_foco.height() // 2).name().upper()
        assert borde == paleta.colores["borde"], clave


def test_el_texto_pasa_de_100_a_200_en_pasos_y_vuelve(app: QApplication) -> None:
    assert siguiente_escala(100, 1) == PASOS_ESCALA[1]
    assert siguiente_escala(200, 1) == 200
    assert siguiente_escala(100, -1) == 100
    assert siguiente_escala(130, -1) == 125
    with pytest.raises(ValueError, match="de 100 a 200"):
        aplicar_escala(app, 250)


def test_el_ciclo_de_temas_pasa_por_los_cuatro() -> None:
    visto = [siguiente_tema(SISTEMA)]
    while len(visto) < 5:
        visto.append(siguiente_tema(visto[-1]))
    assert visto[:4] == list(TEMAS) and visto[4] == visto[0]


@pytest.mark.parametrize(
    ("esquema", "contraste", "esperado"),
    [
        (Qt.ColorScheme.Unknown, Qt.ContrastPreference.NoPreference, "claro"),
        (Qt.ColorScheme.Dark, Qt.ContrastPreference.NoPreference, "oscuro"),
        (Qt.ColorScheme.Dark, Qt.ContrastPreference.HighContrast, "alto_contraste_oscuro"),
        (Qt.ColorScheme.Light, Qt.ContrastPreference.HighContrast, "alto_contraste_claro"),
    ],
)
def test_el_tema_del_sistema_sigue_esquema_y_contraste(
    esquema: Qt.ColorScheme, contraste: Qt.ContrastPreference, esperado: str
) -> None:
    assert tema_del_sistema(esquema, contraste) == esperado


def test_con_tema_sistema_sigue_los_avisos_de_qt(qtbot: QtBot, app: QApplication) -> None:
    pistas = app.styleHints()
    inicial = (pistas.colorScheme(), pistas.accessibility().contrastPreference())
    aplicar_tema(app, SISTEMA)
    try:
        with qtbot.waitSignal(gestor(app).cambiado) as senal:
            pistas.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert senal.args[0] == "oscuro"
        with qtbot.waitSignal(gestor(app).cambiado) as senal:
            pistas.accessibility().contrastPreferenceChanged.emit(
                Qt.ContrastPreference.HighContrast
            )
        assert senal.args[0] == "alto_contraste_oscuro"
        assert app.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
        aplicar_tema(app, "claro")
        with qtbot.assertNotEmitted(gestor(app).cambiado):
            pistas.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    finally:
        pistas.colorSchemeChanged.emit(inicial[0])
        pistas.accessibility().contrastPreferenceChanged.emit(inicial[1])


def test_un_widget_nuevo_nace_con_el_tema_y_la_escala(qtbot: QtBot, app: QApplication) -> None:
    aplicar_tema(app, "oscuro")
    aplicar_escala(app, 175)
    nuevo = QWidget()
    qtbot.addWidget(nuevo)
    assert nuevo.font().pointSizeF() == pytest.approx(PUNTOS_BASE * 1.75)
    assert nuevo.palette().color(QPalette.ColorRole.WindowText) == QColor("#E9ECEF")
