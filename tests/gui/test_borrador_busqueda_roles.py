"""Borrador tras cerrar la ventana, lector de códigos de barras, acciones por rol y bitácora."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.qt import QApplication, Qt
from ventanilla.gui.registro_campos import elegir
from ventanilla.gui.ventana_principal import VentanaPrincipal
from ventanilla.servicios import tramite
from ventanilla.servicios.borradores import leer_borrador, ruta_borrador
from ventanilla.servicios.radicacion import radicar


def test_borrador_restaurado_tras_destruir_la_ventana(app: Any, almacen: Almacen, funcionario: Any, qtbot: Any) -> None:
    v = VentanaPrincipal(almacen, funcionario)
    f = v.registro.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María José")
    elegir(f.tipo, "queja")
    f.asunto.setText("Ruido de un establecimiento")
    f.descripcion.setPlainText("Todas las noches hasta las 3 a. m.")
    borrador = ruta_borrador(almacen.directorio, funcionario.login)
    qtbot.waitUntil(lambda: "establecimiento" in str(leer_borrador(almacen.directorio, funcionario.login)))
    esperar_todas()
    assert b"75071234" not in borrador.read_bytes() and "María".encode() not in borrador.read_bytes()
    v.deleteLater()
    qtbot.waitUntil(lambda: not _vivo(v))
    otra = VentanaPrincipal(almacen, funcionario)
    qtbot.addWidget(otra)
    g = otra.registro.form
    assert g.numero_documento.text() == "75071234"
    assert g.nombres.text() == "María José"
    assert g.asunto.text() == "Ruido de un establecimiento"
    assert g.descripcion.toPlainText() == "Todas las noches hasta las 3 a. m."
    assert g.tipo.currentData() == "queja"
    assert g.franja.isVisibleTo(otra) and "recuperó" in g.franja_texto.text()


def _vivo(widget: Any) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))


def _radicar_varias(almacen: Almacen, solicitud: dict[str, Any], login: str, n: int = 3) -> list[str]:
    return [radicar(almacen, solicitud, usuario=login).radicado for _ in range(n)]


def test_lector_de_codigos_abre_la_solicitud(ventana: Any, qtbot: Any, almacen: Almacen, solicitud_valida: dict[str, Any], funcionario: Any) -> None:
    radicados = _radicar_varias(almacen, solicitud_valida, funcionario.login)
    qtbot.keyClick(ventana, Qt.Key.Key_F3)
    b = ventana.busqueda
    assert ventana.seccion_actual == "buscar" and b.form.texto.hasFocus()
    qtbot.keyClicks(b.form.texto, radicados[1])
    qtbot.keyClick(b.form.texto, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: b.abierta == radicados[1])
    assert b.vista.form.radicado.text() == radicados[1]
    assert b.vista.form.linea.count() == 1
    assert "Radicó" in b.vista.form.linea.item(0).text()
    qtbot.keyClick(b.vista.form.volver, Qt.Key.Key_Escape)
    assert b.abierta is None


def test_busqueda_por_palabras_muestra_estado_del_termino(ventana: Any, qtbot: Any, almacen: Almacen, solicitud_valida: dict[str, Any], funcionario: Any) -> None:
    _radicar_varias(almacen, solicitud_valida, funcionario.login, 2)
    ventana.buscar()
    b = ventana.busqueda
    qtbot.keyClicks(b.form.texto, "poda")
    qtbot.keyClick(b.form.texto, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: b.modelo.rowCount() == 2)
    termino = b.modelo.index(0, 7)
    assert b.modelo.data(termino) in ("Vigente", "Por vencer", "Vencida")
    qtbot.waitUntil(lambda: not b.modelo.data(termino, Qt.ItemDataRole.DecorationRole).isNull(), timeout=15_000)
    assert b.modelo.data(termino, Qt.ItemDataRole.ForegroundRole).isValid()


def _abrir(ventana: Any, qtbot: Any, radicado: str) -> Any:
    ventana.buscar()
    b = ventana.busqueda
    b.abrir(radicado)
    qtbot.waitUntil(lambda: b.abierta == radicado)
    return b.vista.acciones


def test_funcionario_pide_anulacion_pero_no_la_aprueba(ventana: Any, qtbot: Any, almacen: Almacen, solicitud_valida: dict[str, Any], funcionario: Any) -> None:
    radicado = radicar(almacen, solicitud_valida, usuario=funcionario.login).radicado
    acciones = _abrir(ventana, qtbot, radicado)
    assert acciones.botones["anular"].isVisibleTo(ventana)
    assert not acciones.botones["aprobar"].isVisibleTo(ventana)
    acciones.abrir("anular")
    acciones.texto.setText("Radicado por error: el ciudadano se equivocó de entidad")
    qtbot.keyClick(acciones.texto, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "anulación pendiente" in ventana.busqueda.vista.form.estado.text())
    acciones = ventana.busqueda.vista.acciones
    assert not acciones.botones["aprobar"].isVisibleTo(ventana)
    assert not acciones.botones["rechazar"].isVisibleTo(ventana)
    assert not acciones.botones["anular"].isVisibleTo(ventana)


def test_supervisor_aprueba_la_anulacion(app: Any, almacen: Almacen, supervisor: Any, funcionario: Any, solicitud_valida: dict[str, Any], qtbot: Any) -> None:
    radicado = radicar(almacen, solicitud_valida, usuario=funcionario.login).radicado
    tramite.solicitar_anulacion(almacen, radicado, "Radicado duplicado por error", usuario=funcionario.login)
    v = VentanaPrincipal(almacen, supervisor)
    qtbot.addWidget(v)
    v.show()
    assert "supervision" in v.secciones
    acciones = _abrir(v, qtbot, radicado)
    assert acciones.botones["aprobar"].isVisibleTo(v)
    acciones.abrir("aprobar")
    acciones.texto.setText("Duplicado confirmado")
    acciones.confirmar_accion()
    qtbot.waitUntil(lambda: v.busqueda.vista.form.estado.text().startswith("Anulada"))
    esperar_todas()


def test_asignar_desde_la_vista_y_error_en_sus_palabras(ventana: Any, qtbot: Any, almacen: Almacen, solicitud_valida: dict[str, Any], funcionario: Any) -> None:
    radicado = radicar(almacen, solicitud_valida, usuario=funcionario.login).radicado
    acciones = _abrir(ventana, qtbot, radicado)
    acciones.abrir("incompleta")
    acciones.confirmar_accion()  # sin decir qué falta: el caso de uso se niega
    qtbot.waitUntil(lambda: bool(acciones.mensaje.text()))
    assert "Escriba qué le falta" in acciones.mensaje.text()
    acciones.abrir("asignar")
    acciones.dependencia.setCurrentIndex(acciones.dependencia.findText("Hacienda"))
    acciones.confirmar_accion()
    qtbot.waitUntil(lambda: ventana.busqueda.vista.form.dependencia.text() == "Hacienda")
    assert ventana.busqueda.vista.form.linea.count() == 2


def test_bitacora_filtra_y_exporta(ventana: Any, qtbot: Any, almacen: Almacen, solicitud_valida: dict[str, Any], funcionario: Any, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    solicitud_valida["recibido"] = None
    radicados = _radicar_varias(almacen, solicitud_valida, funcionario.login, 2)
    tramite.asignar(almacen, radicados[0], "Hacienda", usuario=funcionario.login, ahora=datetime.now(UTC))
    ventana.mostrar("bitacora")
    panel = ventana.bitacora
    qtbot.waitUntil(lambda: len(panel.visibles) == 3)
    panel.form.clase.setCurrentIndex(panel.form.clase.findData("radicacion"))
    assert [e.radicado for e in panel.visibles] == radicados[::-1]
    panel.form.filtro.setText(radicados[0][-6:])
    assert len(panel.visibles) == 1
    destino = tmp_path / "bitacora.csv"
    panel.exportar(destino)
    qtbot.waitUntil(lambda: "exportada" in panel.form.resumen.text())
    with destino.open(encoding="utf-8-sig", newline="") as archivo:
        filas = list(csv.reader(archivo, delimiter=";"))
    assert filas[0][0] == "Fecha" and filas[1][3] == "Radicó" and filas[1][4] == radicados[0]


def test_barra_de_estado_dice_quien_donde_y_la_conexion(ventana: Any, qtbot: Any, almacen: Almacen) -> None:
    barra = ventana.barra
    assert "María Gómez" in barra.quien.text() and almacen.ajustes.serie in barra.quien.text()
    qtbot.waitUntil(lambda: barra.conexion.text() == "○ Sin servidor")
    assert barra.reloj.text()
    assert ventana.secciones == ["radicar", "buscar", "turnos", "bitacora", "jornada"]


def test_el_tema_de_cada_persona_se_guarda_y_vuelve(ventana: Any, qtbot: Any, almacen: Almacen, funcionario: Any) -> None:
    from ventanilla.gui.temas import gestor
    from ventanilla.servicios.preferencias import leer_preferencias

    qtbot.keyClick(ventana, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    guardadas = leer_preferencias(almacen, funcionario.login)
    assert guardadas is not None and guardadas["tema"] == ventana.preferencias.actuales.tema
    assert gestor(QApplication.instance()).tema == guardadas["tema"]
