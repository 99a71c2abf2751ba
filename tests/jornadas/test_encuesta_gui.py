"""La encuesta en la pantalla del funcionario: se responde con el teclado y con el puntero al 200 %."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ventanilla.dominio.jornadas import Cuestionario
from ventanilla.gui.accesibilidad import revisar_accesibilidad, textos_recortados
from ventanilla.gui.encuesta import EncuestaCiudadano
from ventanilla.gui.qt import QApplication, Qt
from ventanilla.gui.temas import aplicar_escala, aplicar_tema, gestor, retirar_temas
from ventanilla.servicios.encuestas import cuestionarios_semilla
from ventanilla.turnos.voz import VozEspeak


@pytest.fixture
def alto_contraste(qapp: QApplication) -> Iterator[QApplication]:
    """Tema de alto contraste oscuro y texto al 200 %; al terminar la aplicación vuelve a su aspecto."""
    aplicar_tema(qapp, "alto_contraste_oscuro")
    aplicar_escala(qapp, 200)
    yield qapp
    retirar_temas(qapp)


@pytest.fixture
def cuestionario() -> Cuestionario:
    return cuestionarios_semilla()["2026-1"]


def _mostrar(qtbot: QtBot, encuesta: EncuestaCiudadano) -> EncuestaCiudadano:
    qtbot.addWidget(encuesta)
    encuesta.resize(1280, 800)
    encuesta.show()
    qtbot.waitExposed(encuesta)
    encuesta.activateWindow()
    encuesta.setFocus()
    return encuesta


def test_se_responde_con_el_teclado_en_alto_contraste_al_200(
    qtbot: QtBot, alto_contraste: QApplication, cuestionario: Cuestionario, tmp_path: Path
) -> None:
    assert gestor(alto_contraste).paleta.alto_contraste and gestor(alto_contraste).escala == 200
    voz = VozEspeak(carpeta=tmp_path)
    encuesta = _mostrar(qtbot, EncuestaCiudadano(cuestionario, voz=voz))
    assert textos_recortados(encuesta) == []
    assert revisar_accesibilidad(encuesta) == []
    with qtbot.waitSignal(encuesta.respondida, timeout=5000) as señal:
        qtbot.keyClick(encuesta, Qt.Key.Key_4)
        qtbot.keyClick(encuesta, Qt.Key.Key_2)
        # Se arrepiente: vuelve y cambia la segunda respuesta.
        qtbot.keyClick(encuesta, Qt.Key.Key_Escape)
        assert [b.isChecked() for b in encuesta.botones_respuesta] == [False, True, False, False, False]
        assert encuesta.botones_respuesta[1].text().startswith("✔")
        qtbot.keyClick(encuesta, Qt.Key.Key_5)
        qtbot.keyClick(encuesta, Qt.Key.Key_3)
        qtbot.keyClick(encuesta, Qt.Key.Key_S)
        qtbot.keyClick(encuesta, Qt.Key.Key_N)
        assert encuesta.pregunta_actual is not None and encuesta.pregunta_actual.tipo == "comentario"
        qtbot.keyClicks(encuesta.focusWidget(), "Buena atencion")
        qtbot.keyClick(encuesta.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert señal.args == [
        {"atencion": 4, "claridad": 5, "espera": 3, "resuelto": True, "volveria": False, "comentario": "Buena atencion"}
    ]
    # La primera pregunta y el agradecimiento se dijeron en voz alta (espeak-ng los dejó en WAV); las
    # que el ciudadano pasó mientras se leía otra se saltan.
    qtbot.waitUntil(lambda: len(voz.archivos) >= 2, timeout=20000)
    qtbot.waitUntil(lambda: all(a.stat().st_size > 1000 for a in voz.archivos), timeout=20000)


def test_se_responde_con_el_puntero_y_los_botones_son_grandes(
    qtbot: QtBot, alto_contraste: QApplication, cuestionario: Cuestionario, tmp_path: Path
) -> None:
    encuesta = _mostrar(qtbot, EncuestaCiudadano(cuestionario))
    alto_texto = encuesta.fontMetrics().height()
    with qtbot.waitSignal(encuesta.respondida, timeout=5000) as señal:
        for nombre in ("5, Muy buena", "4, Buena", "1, Muy mala", "Sí", "Sí"):
            [boton] = [b for b in encuesta.botones_respuesta if b.accessibleName() == nombre]
            assert boton.height() >= max(88, 2 * alto_texto) and boton.width() >= 150
            qtbot.waitUntil(lambda: textos_recortados(encuesta) == [], timeout=2000)
            qtbot.mouseClick(boton, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(encuesta._omitir, Qt.MouseButton.LeftButton)
    assert señal.args == [{"atencion": 5, "claridad": 4, "espera": 1, "resuelto": True, "volveria": True}]
    assert "Gracias" in encuesta._texto.text()
