"""Kiosco, pantalla y panel de ventanilla sobre la cola local: tamaños, teclas, nombres, avisos,
y el tema y el tamaño del texto aplicados en vivo."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

from ventanilla.gui.accesibilidad import (
    nombre_accesible,
    orden_de_tabulacion,
    revisar_accesibilidad,
)
from ventanilla.gui.kiosko import ALTO_MINIMO_BOTON, Kiosko
from ventanilla.gui.kiosko import NOMBRE_VENTANA as NOMBRE_KIOSCO
from ventanilla.gui.panel_turnos import PanelTurnos
from ventanilla.gui.pantalla import NOMBRE_VENTANA as NOMBRE_PANTALLA
from ventanilla.gui.pantalla import Pantalla
from ventanilla.gui.preferencias_visuales import PreferenciasVisuales
from ventanilla.gui.temas import cargar_paleta, gestor, retirar_temas
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.fuentes import SIN_SERVIDOR, FuenteLocal, FuenteRemota
from ventanilla.turnos.motor import MotorTurnos


@pytest.fixture
def motor() -> MotorTurnos:
    return MotorTurnos(catalogo_por_defecto(4))


@pytest.fixture
def fuente(qtbot, motor: MotorTurnos) -> FuenteLocal:
    return FuenteLocal(motor)


@pytest.fixture
def guardadas(qapp: QApplication) -> Iterator[dict[str, object]]:
    """Las preferencias visuales del equipo, empezando en claro al 100 %; al final, sin tema."""
    yield {"tema": "claro", "escala": 100}
    retirar_temas(qapp)


@pytest.fixture
def preferencias(qapp: QApplication, guardadas: dict[str, object]) -> PreferenciasVisuales:
    visuales = PreferenciasVisuales(qapp, lambda: dict(guardadas), guardadas.update)
    visuales.cargar()
    return visuales


CTRL = Qt.KeyboardModifier.ControlModifier


def test_la_pantalla_muestra_el_codigo_grande_y_los_ultimos_cinco(qtbot, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    pantalla = Pantalla(fuente)
    qtbot.addWidget(pantalla)
    pantalla.resize(1366, 768)
    pantalla.show()
    fuente.iniciar()
    for servicio in ("radicacion", "orientacion", "hacienda", "radicacion", "movilidad", "radicacion"):
        motor.emitir(servicio)
    for ventanilla in (1, 2, 3, 4):
        motor.llamar_siguiente(ventanilla, usuario="f")
        motor.finalizar(ventanilla, usuario="f")
    motor.llamar_siguiente(1, usuario="f")
    motor.llamar_siguiente(2, usuario="f")
    qtbot.waitUntil(lambda: pantalla.llamado_actual is not None and pantalla.llamado_actual.secuencia == 6)
    assert pantalla.llamado_actual.ventanilla == 2
    assert len(pantalla.textos_ultimos) == 5
    assert pantalla.textos_ultimos[0] == f"{pantalla.llamado_actual.codigo} · Ventanilla 2"
    assert pantalla._codigo.font().pixelSize() >= 0.18 * pantalla.height()
    assert pantalla._codigo.fontMetrics().horizontalAdvance(pantalla._codigo.text()) < pantalla._codigo.width()


def test_una_rafaga_destella_una_sola_vez(qtbot, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    pantalla = Pantalla(fuente)
    qtbot.addWidget(pantalla)
    fuente.iniciar()
    for _ in range(4):
        motor.emitir("radicacion")
    for ventanilla in (1, 2, 3, 4):
        motor.llamar_siguiente(ventanilla, usuario="f")
    qtbot.waitUntil(lambda: pantalla.llamado_actual is not None and pantalla.llamado_actual.secuencia == 4)
    assert pantalla.destellos == 1


def _puerto_cerrado() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sin_servidor_la_pantalla_y_el_kiosco_lo_dicen(qtbot) -> None:
    fuente = FuenteRemota(f"http://127.0.0.1:{_puerto_cerrado()}")
    pantalla, kiosco = Pantalla(fuente), Kiosko(fuente)
    qtbot.addWidget(pantalla)
    qtbot.addWidget(kiosco)
    with qtbot.waitSignal(fuente.conexion, timeout=5000) as senal:
        fuente.iniciar()
    assert senal.args[0] is False
    assert SIN_SERVIDOR in pantalla._aviso.text() and not pantalla._aviso.isHidden()
    assert "funcionario de la entrada" in kiosco.mensaje
    fuente.cerrar()


def test_el_kiosco_es_tactil_nombrado_y_pide_la_razon_preferencial(qtbot, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    impresos: list[tuple[dict[str, Any], str]] = []
    kiosco = Kiosko(fuente, imprimir=lambda turno, servicio: impresos.append((turno, servicio)))
    qtbot.addWidget(kiosco)
    kiosco.resize(1280, 800)
    kiosco.show()
    fuente.iniciar()
    assert 1 <= len(kiosco.botones_servicio) <= 8
    kiosco.boton_preferencial.setChecked(True)
    for boton in [*kiosco.botones_servicio, kiosco.boton_preferencial, *kiosco.botones_razon.values()]:
        assert boton.height() >= max(44, ALTO_MINIMO_BOTON * 3 // 4), boton.text()
    assert kiosco.campo_documento.height() >= 44
    assert revisar_accesibilidad(kiosco) == []
    kiosco.botones_servicio[0].click()
    assert "razón" in kiosco.mensaje and not kiosco.mostrando_turno
    kiosco.botones_razon["adulto_mayor"].click()
    kiosco.botones_servicio[0].click()
    qtbot.waitUntil(lambda: kiosco.mostrando_turno)
    assert kiosco.ultimo_turno is not None
    assert kiosco.ultimo_turno["codigo"] == "A-001" and kiosco.ultimo_turno["preferencial"] == "adulto_mayor"
    assert [(t["codigo"], s) for t, s in impresos] == [("A-001", "Radicación de PQRSD")]
    kiosco.reiniciar()
    assert not kiosco.mostrando_turno and not kiosco.boton_preferencial.isChecked()


def test_el_panel_llama_con_f5_finaliza_con_f8_y_cuenta_la_espera(qtbot, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    for servicio in ("radicacion", "radicacion", "orientacion"):
        motor.emitir(servicio)
    panel = PanelTurnos(fuente, 3, "maria")
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    fuente.iniciar()
    assert panel.espera_por_servicio == {"radicacion": 2, "orientacion": 1}
    assert revisar_accesibilidad(panel) == []
    with qtbot.waitSignal(panel.turno_actual) as senal:
        qtbot.keyClick(panel, Qt.Key.Key_F5)
    assert senal.args[0]["codigo"] == "A-001"
    assert panel.espera_por_servicio == {"radicacion": 1, "orientacion": 1}
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    assert "termínelo" not in panel.mensaje  # F5 está deshabilitado mientras hay un turno
    qtbot.keyClick(panel, Qt.Key.Key_F6)
    assert panel.actual is not None and panel.actual["llamadas"] == 2
    with qtbot.waitSignal(panel.turno_actual) as senal:
        qtbot.keyClick(panel, Qt.Key.Key_F8)
    assert senal.args[0] is None
    assert "Terminó la atención del turno A-001" in panel.mensaje
    assert motor.estado.turnos[next(iter(motor.estado.turnos))].estado.value == "finalizado"


def test_el_panel_transfiere_pausa_y_exige_motivo_fuera_de_orden(qtbot, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    motor.emitir("radicacion")
    segundo = motor.emitir("radicacion")
    panel = PanelTurnos(fuente, 1, "maria")
    qtbot.addWidget(panel)
    fuente.iniciar()
    panel._turno_elegido.setCurrentIndex(panel._turno_elegido.findData(segundo.id))
    panel._llamar_este.click()
    assert "motivo" in panel.mensaje and panel.actual is None
    panel._motivo.setText("Persona con bebé en brazos")
    panel._llamar_este.click()
    assert panel.actual is not None and panel.actual["id"] == segundo.id
    panel.pedir("transferir", servicio="hacienda", a_ventanilla=2)
    assert panel.actual is None and panel.espera_por_servicio == {"radicacion": 1, "hacienda": 1}
    panel._pausar.click()
    assert not panel._llamar.isEnabled() and panel._pausar.text() == "Reanudar"
    panel.pedir("llamar_siguiente")
    assert "pausa" in panel.mensaje
    panel._pausar.click()
    assert panel._llamar.isEnabled()


def test_desde_el_panel_se_da_un_turno_y_el_kiosco_no_se_entera(qtbot, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    panel = PanelTurnos(fuente, 1, "portero")
    kiosco = Kiosko(fuente)
    qtbot.addWidget(panel)
    qtbot.addWidget(kiosco)
    fuente.iniciar()
    panel._servicio_nuevo.setCurrentIndex(panel._servicio_nuevo.findData("hacienda"))
    panel._categoria_nueva.setCurrentIndex(panel._categoria_nueva.findData("discapacidad"))
    with qtbot.waitSignal(panel.turno_emitido) as senal:
        panel._dar_turno.click()
    turno, servicio = senal.args
    assert (turno["codigo"], turno["preferencial"], servicio) == ("C-001", "discapacidad", "Impuestos y Hacienda")
    assert "Dio el turno C-001" in panel.mensaje
    assert not kiosco.mostrando_turno and kiosco.ultimo_turno is None
    assert panel.espera_por_servicio == {"hacienda": 1}


def test_los_atajos_pueden_vivir_en_la_ventana_principal(qtbot, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    from PySide6.QtWidgets import QLineEdit, QStackedWidget, QVBoxLayout, QWidget

    motor.emitir("radicacion")
    ventana = QWidget()
    secciones = QStackedWidget(ventana)
    campo = QLineEdit()
    panel = PanelTurnos(fuente, 1, "maria")
    secciones.addWidget(campo)
    secciones.addWidget(panel)
    QVBoxLayout(ventana).addWidget(secciones)
    qtbot.addWidget(ventana)
    panel.instalar_atajos(ventana)
    fuente.iniciar()
    ventana.show()
    ventana.activateWindow()
    qtbot.waitUntil(ventana.isActiveWindow)
    campo.setFocus()
    assert not panel.isVisible()
    with qtbot.waitSignal(panel.turno_actual):
        qtbot.keyClick(campo, Qt.Key.Key_F5)
    assert panel.actual is not None and panel.actual["codigo"] == "A-001"


def test_si_no_imprime_el_kiosco_muestra_el_turno_y_lo_dice(qtbot, almacen, motor: MotorTurnos, fuente: FuenteLocal) -> None:
    from ventanilla.servicios.turnos import imprimir_turno

    kiosco = Kiosko(fuente, imprimir=lambda turno, servicio: imprimir_turno(almacen, turno, servicio, "NoExiste"))
    qtbot.addWidget(kiosco)
    fuente.iniciar()
    kiosco.botones_servicio[1].click()
    qtbot.waitUntil(lambda: kiosco.mostrando_turno)
    assert "No se pudo imprimir" in kiosco._impresion.text()
    assert "NoExiste" in kiosco._impresion.text() and "Anote su turno: B-001" in kiosco._impresion.text()


def test_un_problema_de_sonido_se_ve_en_la_pantalla(qtbot, fuente: FuenteLocal) -> None:
    from ventanilla.turnos.anuncios import ColaAnuncios
    from ventanilla.turnos.voz import VozEspeak

    anuncios = ColaAnuncios(VozEspeak(), campanilla=False)
    pantalla = Pantalla(fuente, anuncios=anuncios)
    qtbot.addWidget(pantalla)
    anuncios.estado.emit("Sin sonido: la campanilla no se pudo reproducir.")
    assert not pantalla._sonido.isHidden() and "Sin sonido" in pantalla._sonido.text()


def test_el_equipo_elige_su_numero_de_ventanilla_y_no_lo_cambia_con_un_turno_en_curso(
    qtbot, motor: MotorTurnos, fuente: FuenteLocal
) -> None:
    from ventanilla.gui.qt import QComboBox

    motor.emitir("radicacion")
    panel = PanelTurnos(fuente, 1, "maria")
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    fuente.iniciar()
    combo = next(c for c in panel.findChildren(QComboBox) if c.accessibleName() == "Número de ventanilla de este equipo")
    assert [combo.itemData(i) for i in range(combo.count())] == [1, 2, 3, 4]
    assert revisar_accesibilidad(panel) == []

    with qtbot.waitSignal(panel.ventanilla_cambiada) as elegida:
        combo.setCurrentIndex(combo.findData(3))
        combo.activated.emit(combo.currentIndex())
    assert elegida.args == [3] and panel.ventanilla == 3
    with qtbot.waitSignal(panel.turno_actual):
        qtbot.keyClick(panel, Qt.Key.Key_F5)
    assert motor.estado.turnos[next(iter(motor.estado.turnos))].ventanilla == 3

    combo.setCurrentIndex(combo.findData(2))
    combo.activated.emit(combo.currentIndex())
    assert panel.ventanilla == 3 and combo.currentData() == 3
    assert "antes de cambiar el número" in panel.mensaje


def test_el_numero_de_ventanilla_elegido_queda_en_los_ajustes_del_equipo(qtbot, almacen) -> None:
    from ventanilla.gui.panel_turnos import PanelTurnos as Panel
    from ventanilla.gui.secciones import panel_turnos
    from ventanilla.servicios.sesion import sesion_de

    panel = panel_turnos(almacen, sesion_de(almacen, "admin"))
    qtbot.addWidget(panel)
    assert isinstance(panel, Panel) and panel.ventanilla == 1
    panel.ventanilla_cambiada.emit(4)
    assert almacen.ajustes.numero_ventanilla == 4
    otro = panel_turnos(almacen, sesion_de(almacen, "admin"))
    qtbot.addWidget(otro)
    assert isinstance(otro, Panel) and otro.ventanilla == 4


def _mostrar_activa(qtbot, ventana: QMainWindow) -> None:
    qtbot.addWidget(ventana)
    ventana.resize(1366, 768)
    ventana.show()
    qtbot.waitExposed(ventana)
    ventana.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ventana)


def _color_en(widget, x: int, y: int) -> str:
    return widget.grab().toImage().pixelColor(x, y).name().upper()


def test_kiosco_y_pantalla_son_ventanas_con_nombre(qtbot, fuente: FuenteLocal) -> None:
    kiosco, pantalla = Kiosko(fuente), Pantalla(fuente)
    for ventana, nombre in ((kiosco, NOMBRE_KIOSCO), (pantalla, NOMBRE_PANTALLA)):
        qtbot.addWidget(ventana)
        assert isinstance(ventana, QMainWindow) and ventana.isWindow()
        assert ventana.windowTitle() == nombre and nombre_accesible(ventana) == nombre
    assert NOMBRE_KIOSCO == "Ventanilla — turnos: tome su turno"
    assert NOMBRE_PANTALLA == "Ventanilla — pantalla de turnos"


def test_tab_recorre_el_kiosco_en_orden_de_lectura(qtbot, fuente: FuenteLocal) -> None:
    kiosco = Kiosko(fuente)
    _mostrar_activa(qtbot, kiosco)
    fuente.iniciar()
    kiosco.boton_preferencial.setChecked(True)
    esperado = [*kiosco.botones_servicio, kiosco.boton_preferencial, *kiosco.botones_razon.values(),
                kiosco.campo_documento]
    assert orden_de_tabulacion(kiosco) == esperado
    # Con el teclado de verdad, desde el primer servicio.
    kiosco.botones_servicio[0].setFocus()
    qtbot.waitUntil(kiosco.botones_servicio[0].hasFocus)
    for siguiente in esperado[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is siguiente


def test_el_kiosco_sigue_la_escala_y_el_tema_en_vivo(
    qtbot, fuente: FuenteLocal, preferencias: PreferenciasVisuales, guardadas: dict[str, object]
) -> None:
    kiosco = Kiosko(fuente, preferencias=preferencias)
    _mostrar_activa(qtbot, kiosco)
    fuente.iniciar()
    servicio = kiosco.botones_servicio[0]
    servicio.setFocus()
    qtbot.waitUntil(servicio.hasFocus)
    al_100 = servicio.font().pixelSize()
    assert al_100 == int(768 * 0.04)
    qtbot.keyClick(servicio, Qt.Key.Key_Equal, CTRL)
    assert guardadas["escala"] == 110 and servicio.font().pixelSize() == int(768 * 0.04 * 1.1)
    preferencias.fijar(escala=200)
    assert servicio.font().pixelSize() == int(768 * 0.04 * 2)
    assert kiosco.factor_inicio == 2
    qtbot.keyClick(servicio, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert guardadas == {"tema": "oscuro", "escala": 200, "voz": False}
    oscuro = cargar_paleta("oscuro").colores
    assert kiosco.palette().color(QPalette.ColorRole.Window) == QColor(oscuro["fondo"])
    # El servicio enfocado se invierte: fondo del tema y texto (e icono) de acento.
    qtbot.waitUntil(lambda: _color_en(servicio, servicio.width() // 2, 8) == oscuro["fondo"])


def test_la_pantalla_sigue_la_escala_y_el_tema_en_vivo(
    qtbot, motor: MotorTurnos, fuente: FuenteLocal, preferencias: PreferenciasVisuales,
    guardadas: dict[str, object],
) -> None:
    motor.emitir("radicacion")
    motor.llamar_siguiente(4, usuario="f")
    pantalla = Pantalla(fuente, preferencias=preferencias)
    _mostrar_activa(qtbot, pantalla)
    fuente.iniciar()
    codigo, hora = pantalla._codigo, pantalla._hora
    assert codigo.font().pixelSize() == int(768 * 0.22)
    al_100 = {"codigo": codigo.font().pixelSize(), "hora": hora.font().pixelSize()}
    claro = cargar_paleta("claro").colores
    assert _color_en(pantalla, 2, pantalla.height() // 2) == claro["fondo"]
    preferencias.fijar(tema="alto_contraste_oscuro", escala=200)
    qtbot.waitUntil(lambda: codigo.font().pixelSize() > al_100["codigo"])
    assert codigo.font().pixelSize() >= 0.18 * pantalla.height()
    assert hora.font().pixelSize() >= al_100["hora"]
    assert pantalla._cinta.font().pixelSize() == int(768 * 0.04 * 2)
    oscuro = cargar_paleta("alto_contraste_oscuro").colores
    assert _color_en(pantalla, 2, pantalla.height() // 2) == oscuro["fondo"]
    # El código del llamado, en el acento del tema.
    imagen = codigo.grab().toImage()
    colores = {
        imagen.pixelColor(x, y).name().upper()
        for x in range(0, imagen.width(), 4)
        for y in range(0, imagen.height(), 4)
    }
    assert oscuro["acento"] in colores
    qtbot.keyClick(pantalla, Qt.Key.Key_Minus, CTRL)
    assert guardadas["escala"] == 175 and gestor(QApplication.instance()).escala == 175


def test_la_pantalla_anuncia_cada_llamado(qtbot, motor: MotorTurnos, fuente: FuenteLocal, monkeypatch) -> None:
    import ventanilla.gui.pantalla as modulo

    oidos: list[str] = []
    monkeypatch.setattr(modulo, "anunciar", lambda _widget, texto, **_: oidos.append(texto))
    pantalla = Pantalla(fuente)
    qtbot.addWidget(pantalla)
    fuente.iniciar()
    motor.emitir("hacienda")
    motor.llamar_siguiente(3, usuario="f")
    qtbot.waitUntil(lambda: oidos == ["Turno C-001, ventanilla 3"])
    assert pantalla._codigo.accessibleDescription() == "Turno C-001, ventanilla 3"
