"""La ventana del funcionario ante un lector de pantalla: nombres, orden de Tab y textos sin recortar."""

from __future__ import annotations

from typing import Any

from ventanilla.gui.accesibilidad import (
    orden_de_tabulacion,
    revisar_accesibilidad,
    textos_recortados,
)
from ventanilla.gui.qt import QApplication, Qt
from ventanilla.gui.registro import CONFIRMACION
from ventanilla.gui.registro_campos import elegir


def test_cada_seccion_tiene_nombres_y_ningun_texto_recortado(ventana: Any, qtbot: Any) -> None:
    for clave in ventana.secciones:
        ventana.mostrar(clave)
        qtbot.waitUntil(lambda clave=clave: ventana.seccion_actual == clave)
        assert revisar_accesibilidad(ventana) == [], clave
        assert textos_recortados(ventana) == [], clave


def test_orden_de_tab_del_formulario_sigue_la_lectura(ventana: Any) -> None:
    f = ventana.registro.form
    orden = [w.objectName() for w in orden_de_tabulacion(f)]
    esperados = ["tipo_documento", "numero_documento", "nombres", "apellidos", "telefono", "correo",
                 "direccion", "comuna", "tipo", "canal", "dependencia", "folios", "preferencial", "asunto",
                 "descripcion"]
    posiciones = [orden.index(n) for n in esperados]
    assert posiciones == sorted(posiciones), orden
    assert orden.index("revisar") > orden.index("autoriza_contacto")


def test_f1_muestra_las_teclas(ventana: Any, qtbot: Any) -> None:
    def cerrar_dialogo() -> None:
        dialogo = QApplication.activeModalWidget()
        assert dialogo is not None and "F2" in dialogo.findChildren(type(ventana.form.titulo))[0].text()
        dialogo.reject()

    qtbot.waitUntil(lambda: QApplication.activeWindow() is ventana)
    from ventanilla.gui.qt import QTimer

    QTimer.singleShot(0, cerrar_dialogo)
    qtbot.keyClick(ventana, Qt.Key.Key_F1)


def test_la_confirmacion_se_lee_entera(ventana: Any) -> None:
    r = ventana.registro
    f = r.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María")
    elegir(f.dependencia, f.dependencia.itemData(0))
    f.asunto.setText("Poda")
    r.revisar()
    assert r.paso == CONFIRMACION
    assert revisar_accesibilidad(ventana) == []
    assert r.confirmacion.resumen.accessibleName() == "Resumen de la solicitud"
