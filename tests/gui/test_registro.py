"""Radicar desde la ventana del funcionario: teclado, validación, ciudadano conocido, anónimos y autorizaciones."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, SolicitudFila
from ventanilla.gui.qt import QApplication, QDialog, QEvent, QKeyEvent, Qt
from ventanilla.gui.registro import CONFIRMACION, FORMULARIO, RESULTADO
from ventanilla.gui.registro_campos import elegir
from ventanilla.servicios.radicacion import radicar


def _teclear(qtbot: Any, texto: str) -> None:
    """Escribe en el widget con foco, también letras con tilde (QTest solo sabe ASCII)."""
    for letra in texto:
        destino = QApplication.focusWidget()
        if letra.isascii():
            qtbot.keyClick(destino, letra)
        else:
            for tipo in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(destino, QKeyEvent(tipo, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letra))


def _tab(qtbot: Any, veces: int = 1) -> None:
    for _ in range(veces):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def _ctrl_enter(qtbot: Any) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _solicitudes(almacen: Almacen) -> list[SolicitudFila]:
    with almacen.leer() as sesion:
        return list(sesion.scalars(select(SolicitudFila)))


def test_radicacion_completa_solo_con_teclado(ventana: Any, qtbot: Any, almacen: Almacen) -> None:
    r = ventana.registro
    f = r.form
    qtbot.keyClick(ventana, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is f.tipo_documento
    _tab(qtbot)
    _teclear(qtbot, "75071234")
    _tab(qtbot)  # la casilla de anónimo está deshabilitada para peticiones: no recibe foco
    assert QApplication.focusWidget() is f.nombres
    _teclear(qtbot, "María")
    _tab(qtbot)
    _teclear(qtbot, "Gómez Ñáñez")
    _tab(qtbot)
    _teclear(qtbot, "3001234567")
    _tab(qtbot)
    _teclear(qtbot, "maria@example.co")
    _tab(qtbot, 3)  # dirección y comuna quedan vacías
    assert QApplication.focusWidget() is f.tipo
    _tab(qtbot, 2)
    assert QApplication.focusWidget() is f.dependencia
    _teclear(qtbot, "M")  # la búsqueda por teclado del combo: la primera que empieza por M
    assert r._datos()["dependencia"] != ""
    _tab(qtbot, 3)
    assert QApplication.focusWidget() is f.asunto
    _teclear(qtbot, "Poda del árbol del andén")
    _ctrl_enter(qtbot)
    assert r.paso == CONFIRMACION, f.mensaje.text()
    assert "María Gómez Ñáñez" in r.confirmacion.resumen.toPlainText()
    _ctrl_enter(qtbot)
    qtbot.waitUntil(lambda: r.paso == RESULTADO)
    filas = _solicitudes(almacen)
    assert len(filas) == 1 and r.resultado.radicado.text() == filas[0].radicado
    assert filas[0].asunto == "Poda del árbol del andén"
    assert r.resultado.vence.text().startswith("Vence: ")


def test_doble_ctrl_enter_radica_una_sola_vez(ventana: Any, qtbot: Any, almacen: Almacen) -> None:
    r = ventana.registro
    f = r.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María")
    elegir(f.dependencia, "SAD" if f.dependencia.findData("SAD") >= 0 else f.dependencia.itemData(0))
    f.asunto.setText("Poda")
    r.revisar()
    assert r.paso == CONFIRMACION
    r.radicar()
    r.radicar()
    qtbot.waitUntil(lambda: r.paso == RESULTADO)
    assert len(_solicitudes(almacen)) == 1


def test_ciudadano_conocido_llena_el_formulario(ventana: Any, qtbot: Any, almacen: Almacen, solicitud_valida: dict[str, Any], funcionario: Any) -> None:
    radicar(almacen, solicitud_valida, usuario=funcionario.login)
    f = ventana.registro.form
    f.numero_documento.setFocus()
    f.numero_documento.setText("75.071.234")
    _tab(qtbot)
    qtbot.waitUntil(lambda: f.nombres.text() == "María")
    assert f.apellidos.text() == "Gómez Ñáñez"
    assert f.correo.text() == "maria.gomez@example.co"
    assert "Ciudadano conocido" in f.conocido.text()


def test_cada_campo_invalido_muestra_su_mensaje_y_no_deja_radicar(ventana: Any, qtbot: Any, almacen: Almacen) -> None:
    r = ventana.registro
    f = r.form
    casos = (
        ("NIT", "numero_documento", "890801053-5", "es 7, no 5"),
        ("CC", "numero_documento", "12ab", "Cédula"),
        ("CC", "telefono", "12345", "teléfono"),
        ("CC", "correo", "maria@", "correo"),
    )
    for tipo_doc, campo, valor, fragmento in casos:
        elegir(f.tipo_documento, tipo_doc)
        widget = getattr(f, campo)
        widget.setFocus()
        widget.setText(valor)
        _tab(qtbot)  # al salir del campo se valida
        etiqueta = getattr(f, f"error_{campo}")
        assert fragmento.lower() in etiqueta.text().lower(), (campo, etiqueta.text())
        assert widget.property("invalido") is True
        widget.clear()
        r._validar(campo)
        assert etiqueta.text() == ""
    f.numero_documento.setText("75071234")
    f.telefono.setText("12345")
    r.revisar()
    assert r.paso == FORMULARIO
    assert "teléfono" in f.error_telefono.text()
    assert f.error_asunto.text().startswith("Escriba el asunto")
    assert "nombre" in f.error_nombres.text()
    assert f.mensaje.text() == "Elija la dependencia a la que va la solicitud."
    assert f.dependencia.property("invalido") is True
    assert _solicitudes(almacen) == []


def test_el_mensaje_se_va_mientras_se_corrige(ventana: Any, qtbot: Any) -> None:
    f = ventana.registro.form
    f.correo.setFocus()
    _teclear(qtbot, "maria@")
    _tab(qtbot)
    assert f.error_correo.text()
    f.correo.setFocus()
    _teclear(qtbot, "example.co")
    assert f.error_correo.text() == ""


def test_anonimo_solo_para_quejas_y_denuncias(ventana: Any, qtbot: Any, almacen: Almacen) -> None:
    r = ventana.registro
    f = r.form
    elegir(f.tipo, "peticion")
    assert not f.anonimo.isEnabled()
    elegir(f.tipo, "queja")
    assert f.anonimo.isEnabled()
    f.anonimo.setChecked(True)
    assert not f.nombres.isEnabled()
    elegir(f.tipo, "peticion")
    assert not f.anonimo.isChecked() and "anónima" in f.mensaje.text()
    elegir(f.tipo, "denuncia")
    f.anonimo.setChecked(True)
    elegir(f.dependencia, f.dependencia.itemData(0))
    f.asunto.setText("Invasión del espacio público")
    r.revisar()
    r.radicar()
    qtbot.waitUntil(lambda: r.paso == RESULTADO)
    assert _solicitudes(almacen)[0].ciudadano_id is None


def test_vencimiento_en_vivo_al_cambiar_el_tipo(ventana: Any, qtbot: Any) -> None:
    f = ventana.registro.form
    qtbot.waitUntil(lambda: ventana.registro.calendario_listo)
    elegir(f.tipo, "peticion")
    assert "(15 días hábiles)" in f.vence.text()
    elegir(f.tipo, "documentos")
    assert "(10 días hábiles)" in f.vence.text()
    elegir(f.tipo, "consulta")
    assert "(30 días hábiles)" in f.vence.text()
    elegir(f.tipo, "felicitacion")
    assert f.vence.text().startswith("Sin término legal")


def _llenar_con_caracterizacion(r: Any) -> None:
    f = r.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María")
    elegir(f.dependencia, f.dependencia.itemData(0))
    f.asunto.setText("Poda")
    f.autoriza_caracterizacion.setChecked(True)
    elegir(f.sexo, "mujer")
    f.autoriza_sensibles.setChecked(True)
    elegir(f.etnia, "raizal")
    f.victima.setChecked(True)


def _ciudadano(almacen: Almacen) -> CiudadanoFila:
    with almacen.leer() as sesion:
        return sesion.scalars(select(CiudadanoFila)).one()


def test_sin_autorizacion_no_se_guarda_caracterizacion(ventana: Any, qtbot: Any, almacen: Almacen) -> None:
    r = ventana.registro
    _llenar_con_caracterizacion(r)
    r.form.autoriza_caracterizacion.setChecked(False)
    assert not r.form.sexo.isEnabled() and not r.form.etnia.isEnabled()
    r.revisar()
    assert "Ninguna (no impide radicar)" in r.confirmacion.resumen.toPlainText()
    r.radicar()
    qtbot.waitUntil(lambda: r.paso == RESULTADO)
    assert _ciudadano(almacen).caracterizacion is None


def test_datos_sensibles_necesitan_su_propia_autorizacion(ventana: Any, qtbot: Any, almacen: Almacen) -> None:
    r = ventana.registro
    _llenar_con_caracterizacion(r)
    r.form.autoriza_sensibles.setChecked(False)
    r.revisar()
    r.radicar()
    qtbot.waitUntil(lambda: r.paso == RESULTADO)
    caracterizacion = _ciudadano(almacen).caracterizacion
    assert caracterizacion == {"sexo": "mujer"}


def test_esc_limpia_y_se_puede_deshacer(ventana: Any, qtbot: Any) -> None:
    f = ventana.registro.form
    f.asunto.setText("Poda")
    f.asunto.setFocus()
    qtbot.keyClick(f.asunto, Qt.Key.Key_Escape)
    assert f.asunto.text() == ""
    assert f.franja.isVisible()
    qtbot.mouseClick(f.franja_boton, Qt.MouseButton.LeftButton)
    assert f.asunto.text() == "Poda"


def test_ctrl_p_abre_la_vista_previa_de_la_constancia(ventana: Any, qtbot: Any) -> None:
    r = ventana.registro
    f = r.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María")
    elegir(f.dependencia, f.dependencia.itemData(0))
    f.asunto.setText("Poda")
    r.revisar()
    r.radicar()
    qtbot.waitUntil(lambda: r.paso == RESULTADO)
    assert r.resultado.imprimir.isEnabled()
    qtbot.keyClick(r.resultado.imprimir, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ventana.findChild(QDialog, "vista_previa") is not None)
    dialogo = ventana.findChild(QDialog, "vista_previa")
    assert r.ultima is not None and r.ultima.radicado in dialogo.windowTitle()
    dialogo.reject()
