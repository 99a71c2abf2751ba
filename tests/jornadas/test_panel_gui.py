"""La sección de la jornada: preparar, abrir, registrar asistencia, pasar la encuesta, cerrar e informar."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos_jornadas import EncuestaFila
from ventanilla.gui.accesibilidad import revisar_accesibilidad
from ventanilla.gui.jornadas import PanelJornada
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.qt import QApplication, Qt
from ventanilla.servicios.jornadas import programar_jornada


@pytest.fixture
def panel(qtbot: QtBot, almacen: Almacen, datos_jornada: dict[str, Any]) -> Iterator[PanelJornada]:
    programar_jornada(almacen, datos_jornada, usuario="admin")
    vista = PanelJornada(almacen, "admin")
    qtbot.addWidget(vista)
    vista.resize(1200, 1000)
    vista.show()
    qtbot.waitExposed(vista)
    qtbot.waitUntil(lambda: vista.jornada is not None)
    yield vista
    esperar_todas()


def test_la_jornada_se_prepara_se_abre_y_registra_asistencia(qtbot: QtBot, panel: PanelJornada) -> None:
    assert revisar_accesibilidad(panel) == []
    assert panel._chequeo.isVisible() and not panel._registro.isEnabled()
    for item in ("bateria", "impresora", "papel"):
        panel._marcas[item].setChecked(True)
    qtbot.mouseClick(panel._preparar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.jornada is not None and panel.jornada.estado == "lista")
    assert "No se pudo sincronizar" in panel.mensaje, "el equipo no está inscrito: lo dice y sale igual"
    assert "Pendiente: Unidad de respaldo (USB) en el maletín, Almacén sincronizado" in panel.mensaje
    assert not panel._marcas["sincronizado"].isEnabled()
    qtbot.mouseClick(panel._abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel._registro.isEnabled())
    qtbot.keyClicks(panel._numero, "1053777888")
    qtbot.keyClicks(panel._nombres, "Maria")
    qtbot.keyClicks(panel._apellidos, "Ocampo")
    panel.registrar()
    qtbot.waitUntil(lambda: "aviso de privacidad" in panel._error.text())
    assert panel._numero.text() == "1053777888", "nada de lo escrito se pierde"
    panel._aviso.setChecked(True)
    qtbot.keyClick(panel._nombres, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(panel.asistentes) == 1)
    assert panel.asistentes[0].nombre == "Maria Ocampo"
    assert "1 personas en la lista" in panel._conteos.text() and panel._numero.text() == ""
    # Quien ya está en los registros del equipo no se vuelve a escribir: el documento trae el nombre.
    qtbot.keyClicks(panel._numero, "1053777888")
    panel._numero.editingFinished.emit()
    qtbot.waitUntil(lambda: panel._nombres.text() == "Maria" and panel._apellidos.text() == "Ocampo")
    assert "Persona conocida" in panel.mensaje


def test_la_encuesta_se_pasa_al_ciudadano_y_queda_anonima(
    qtbot: QtBot, panel: PanelJornada, almacen: Almacen
) -> None:
    panel.preparar()
    qtbot.waitUntil(lambda: panel._abrir.isEnabled())
    panel.abrir()
    qtbot.waitUntil(lambda: panel._boton_encuesta.isEnabled())
    panel.abrir_encuesta()
    qtbot.waitUntil(lambda: panel.encuesta is not None)
    encuesta = panel.encuesta
    assert encuesta is not None
    for tecla in (Qt.Key.Key_5, Qt.Key.Key_5, Qt.Key.Key_4, Qt.Key.Key_S, Qt.Key.Key_S):
        qtbot.keyClick(encuesta, tecla)
    qtbot.mouseClick(encuesta._omitir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Encuesta guardada" in panel.mensaje)
    with almacen.leer() as sesion:
        [fila] = sesion.scalars(select(EncuestaFila)).all()
    assert (fila.atencion, fila.atencion_id, fila.respuestas["espera"]) == ("jornada", None, 4)
    panel._descripcion.setText("Arreglar el alumbrado del parque")
    panel.anotar_compromiso()
    qtbot.waitUntil(lambda: panel._lista_comp.count() == 1)
    assert "Sin iniciar" in panel._lista_comp.item(0).text()
    panel._lista_comp.setCurrentRow(0)
    panel._estado_comp.setCurrentIndex(panel._estado_comp.findData("en_curso"))
    panel.seguir_compromiso()
    qtbot.waitUntil(lambda: "En curso" in panel._lista_comp.item(0).text())
    panel.cerrar()
    qtbot.waitUntil(lambda: panel.jornada is not None and panel.jornada.estado == "cerrada")
    panel.ver_informe()
    qtbot.waitUntil(lambda: panel.ultimo_pdf is not None)
    assert panel.ultimo_pdf is not None and panel.ultimo_pdf.startswith(b"%PDF")
    for ventana in QApplication.topLevelWidgets():
        if ventana.isWindow() and ventana is not panel and ventana.isVisible():
            ventana.close()
