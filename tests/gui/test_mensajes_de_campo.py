"""Los mensajes bajo un campo se parten en líneas, también dentro de un correo largo."""

from __future__ import annotations

from typing import Any

from ventanilla.gui.accesibilidad import textos_recortados
from ventanilla.gui.mensajes_de_campo import CORTE, con_cortes, mostrar_mensaje, preparar_mensaje
from ventanilla.gui.qt import QLabel, QLineEdit, QVBoxLayout, QWidget

CORREO = "maria.fernanda.gomez.ocampo.de.la.torre@alcaldiademanizalesgobiernodigital.gov.co"
MENSAJE = f"El correo «{CORREO}» no es válido: debe ser como nombre@dominio.co."


def test_solo_las_palabras_largas_reciben_cortes_invisibles() -> None:
    assert con_cortes("Escriba el asunto.") == "Escriba el asunto."
    partido = con_cortes(MENSAJE)
    assert partido.replace(CORTE, "") == MENSAJE
    assert "maria.\u200bfernanda." in partido
    assert all(len(trozo) <= 16 for palabra in partido.split() for trozo in palabra.split(CORTE))


def test_un_correo_largo_en_el_mensaje_no_ensancha_el_formulario(app: Any, qtbot: Any) -> None:
    formulario = QWidget()
    qtbot.addWidget(formulario)
    disposicion = QVBoxLayout(formulario)
    campo = QLineEdit(CORREO)
    error = QLabel()
    disposicion.addWidget(campo)
    disposicion.addWidget(error)
    preparar_mensaje(error)
    antes = formulario.minimumSizeHint().width()
    mostrar_mensaje(error, MENSAJE)
    assert formulario.minimumSizeHint().width() == antes
    assert error.accessibleName() == MENSAJE
    formulario.resize(260, 200)
    formulario.show()
    qtbot.waitExposed(formulario)
    qtbot.waitUntil(lambda: textos_recortados(formulario) == [])
    assert error.height() >= 4 * error.fontMetrics().height()
    mostrar_mensaje(error, None)
    assert error.isHidden() and error.text() == "" and error.accessibleName() == ""
