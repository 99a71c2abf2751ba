"""Primer arranque y entrada: configuración del equipo, primera clave, clave errada y sin red."""

from __future__ import annotations

from typing import Any

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.configuracion_inicial import VentanaConfiguracionInicial
from ventanilla.gui.inicio_sesion import VentanaInicioSesion
from ventanilla.gui.qt import QApplication, Qt
from ventanilla.servicios.sesion import (
    ClaveNoValida,
    CredencialesInvalidas,
    fijar_primera_clave,
    iniciar_sesion,
)


def test_configuracion_inicial_fija_punto_serie_y_clave(app: Any, almacen: Almacen, qtbot: Any) -> None:
    assert not almacen.ajustes.configurado
    ventana = VentanaConfiguracionInicial(almacen)
    qtbot.addWidget(ventana)
    f = ventana.form
    assert not f.inscribir.isEnabled() and not f.codigo.isEnabled() and f.inscribir.toolTip()
    f.serie.setText("brig2")
    assert "MZL-BRIG2-2026-000001" in f.ejemplo.text()
    f.serie.setText("VU 01")
    assert "no es válida" in f.ejemplo.text()
    f.serie.setText("VU07")
    f.punto.setText("Ventanilla Única CAM")
    f.clave.setText("corta")
    f.confirmacion.setText("corta")
    qtbot.mouseClick(f.guardar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "al menos 8" in f.mensaje.text())
    assert not almacen.ajustes.configurado
    f.clave.setText("manizales-2026")
    f.confirmacion.setText("manizales-2026")
    with qtbot.waitSignal(ventana.configurado, timeout=10_000) as senal:
        qtbot.mouseClick(f.guardar, Qt.MouseButton.LeftButton)
    assert senal.args[0].login == "admin"
    ajustes = almacen.ajustes
    assert ajustes.configurado and ajustes.serie == "VU07" and ajustes.punto == "Ventanilla Única CAM"
    assert iniciar_sesion(almacen, "admin", "manizales-2026").tiene("administrador")


def test_primera_clave_y_entrada(app: Any, almacen: Almacen, funcionario: Any, qtbot: Any) -> None:
    ventana = VentanaInicioSesion(almacen)
    qtbot.addWidget(ventana)
    ventana.show()
    qtbot.waitExposed(ventana)
    ventana.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ventana)
    f = ventana.form
    f.usuario.setFocus()
    qtbot.keyClicks(f.usuario, "mgomez")
    qtbot.keyClick(f.usuario, Qt.Key.Key_Return)
    assert ventana.primera_vez and f.confirmacion.isVisible()
    qtbot.keyClicks(f.clave, "clave-segura-1")
    qtbot.keyClick(f.clave, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is f.confirmacion
    qtbot.keyClicks(f.confirmacion, "clave-segura-1")
    with qtbot.waitSignal(ventana.sesion_iniciada, timeout=10_000) as senal:
        qtbot.keyClick(f.confirmacion, Qt.Key.Key_Return)
    assert senal.args[0].nombre == "María Gómez"

    otra = VentanaInicioSesion(almacen)
    qtbot.addWidget(otra)
    otra.form.usuario.setText("mgomez")
    otra.form.clave.setText("errada-123")
    otra.form.entrar.click()
    qtbot.waitUntil(lambda: "incorrectos" in otra.form.mensaje.text())
    assert not otra.primera_vez
    otra.form.clave.setText("clave-segura-1")
    with qtbot.waitSignal(otra.sesion_iniciada, timeout=10_000):
        otra.form.entrar.click()


def test_la_entrada_no_necesita_red_ni_servidor(almacen: Almacen, funcionario: Any) -> None:
    """La clave se comprueba contra el hash argon2 guardado en el propio equipo."""
    assert almacen.ajustes.servidor == ""
    fijar_primera_clave(almacen, "mgomez", "clave-segura-1", "clave-segura-1")
    assert iniciar_sesion(almacen, "mgomez", "clave-segura-1").login == "mgomez"
    with pytest.raises(CredencialesInvalidas):
        fijar_primera_clave(almacen, "mgomez", "otra-clave-22", "otra-clave-22")
    with pytest.raises(ClaveNoValida, match="no coinciden"):
        fijar_primera_clave(almacen, "admin", "clave-segura-1", "clave-segura-2")
    with pytest.raises(CredencialesInvalidas):
        iniciar_sesion(almacen, "nadie", "clave-segura-1")


def test_inscribir_sin_servidor_alcanzable_lo_dice_y_no_configura(app: Any, almacen: Almacen, qtbot: Any) -> None:
    from ventanilla.sincronizacion.inscripcion import inscribir

    ventana = VentanaConfiguracionInicial(almacen, inscribir)
    qtbot.addWidget(ventana)
    f = ventana.form
    assert f.inscribir.isEnabled()
    f.servidor.setText("http://127.0.0.1:9")
    f.codigo.setText("ABCD-1234")
    qtbot.mouseClick(f.inscribir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(f.mensaje.text()), timeout=20_000)
    assert f.inscribir.isEnabled()
    assert not almacen.ajustes.configurado and almacen.ajustes.servidor == ""


def test_claves_equivocadas_hacen_esperar(app: Any, almacen: Almacen, funcionario: Any, qtbot: Any) -> None:
    fijar_primera_clave(almacen, "mgomez", "clave-segura-1", "clave-segura-1")
    ventana = VentanaInicioSesion(almacen)
    qtbot.addWidget(ventana)
    f = ventana.form
    f.usuario.setText("mgomez")
    mensajes = []
    for _ in range(6):
        f.clave.setText("errada-123")
        f.entrar.click()
        qtbot.waitUntil(lambda: f.entrar.isEnabled() and bool(f.mensaje.text()))
        mensajes.append(f.mensaje.text())
        f.mensaje.setText("")
    assert any("espere" in m.lower() or "segundo" in m.lower() for m in mensajes), mensajes


def test_la_aplicacion_va_de_la_configuracion_a_la_ventana_principal(app: Any, almacen: Almacen, qtbot: Any) -> None:
    from ventanilla.gui.ventana_principal import VentanaPrincipal
    from ventanilla.ordenes.app import Aplicacion

    aplicacion = Aplicacion(almacen)
    aplicacion.empezar()
    configuracion = aplicacion.ventana
    assert isinstance(configuracion, VentanaConfiguracionInicial)
    configuracion.form.clave.setText("manizales-2026")
    configuracion.form.confirmacion.setText("manizales-2026")
    configuracion.form.guardar.click()
    qtbot.waitUntil(lambda: isinstance(aplicacion.ventana, VentanaPrincipal))
    principal = aplicacion.ventana
    assert principal.sesion.login == "admin" and "administracion" in principal.secciones
    principal.cerrar_sesion()
    assert isinstance(aplicacion.ventana, VentanaInicioSesion)
    aplicacion.ventana.close()
