"""El panel de supervisión: bitácora, términos, indicadores, informes y anulaciones resueltas."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.supervision import PanelSupervision
from ventanilla.servicios import tramite
from ventanilla.servicios.consultas import ficha
from ventanilla.servicios.radicacion import radicar


@pytest.fixture
def con_pendiente(almacen: Almacen, solicitud_valida: dict[str, Any]) -> tuple[Almacen, list[str]]:
    """Tres solicitudes de hace unos días; a la primera le pidieron anularla."""
    ahora = datetime.now(UTC)
    radicados = []
    for dias in (6, 4, 2):
        instante = (ahora - timedelta(days=dias)).astimezone(BOGOTA).replace(hour=10, minute=0)
        datos = {**solicitud_valida, "recibido": instante.isoformat()}
        radicados.append(radicar(almacen, datos, usuario="admin", ahora=instante).radicado)
    tramite.solicitar_anulacion(almacen, radicados[0], "Se radicó dos veces la misma carta", usuario="admin",
                                ahora=ahora - timedelta(hours=1))
    return almacen, radicados


def test_el_panel_muestra_y_resuelve_una_anulacion(qtbot: Any, con_pendiente: tuple[Almacen, list[str]]) -> None:
    almacen, radicados = con_pendiente
    panel = PanelSupervision(almacen, "admin")
    qtbot.addWidget(panel)
    panel.barra.atajo.setCurrentText("Esta semana")
    panel.barra.actualizar.click()
    anulaciones = panel.anulaciones
    qtbot.waitUntil(lambda: anulaciones.modelo.rowCount() == 1 and anulaciones.puede, timeout=30_000)
    anulaciones.vista.selectRow(0)
    assert anulaciones.aprobar.isEnabled()
    anulaciones.resolver(True)
    assert "al menos" in anulaciones.mensaje.text(), "sin justificación no se resuelve"
    anulaciones.motivo.setPlainText("Duplicado confirmado con el original")
    anulaciones.resolver(True)
    qtbot.waitUntil(lambda: "aprobada" in anulaciones.mensaje.text(), timeout=30_000)
    qtbot.waitUntil(lambda: anulaciones.modelo.rowCount() == 0, timeout=30_000)
    assert ficha(almacen, radicados[0]).solicitud.estado == "anulada"
    esperar_todas()


def test_quien_no_es_de_correspondencia_no_resuelve(qtbot: Any, con_pendiente: tuple[Almacen, list[str]]) -> None:
    almacen, _ = con_pendiente
    from ventanilla.datos.modelos import Usuario

    with almacen.escribir() as sesion:
        sesion.add(Usuario(login="ana", nombre="Ana Ruiz", roles=["funcionario"], clave_hash=None, activo=True))
    panel = PanelSupervision(almacen, "ana")
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.anulaciones.modelo.rowCount() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: "solo la unidad de correspondencia" in panel.anulaciones.mensaje.text(), timeout=30_000)
    panel.anulaciones.vista.selectRow(0)
    assert not panel.anulaciones.aprobar.isEnabled()
    esperar_todas()


def test_bitacora_terminos_indicadores_e_informes(qtbot: Any, con_pendiente: tuple[Almacen, list[str]],
                                                 tmp_path: Path) -> None:
    almacen, radicados = con_pendiente
    panel = PanelSupervision(almacen, "admin")
    qtbot.addWidget(panel)
    panel.barra.atajo.setCurrentText("Este mes")
    panel.barra.actualizar.click()
    qtbot.waitUntil(lambda: panel.bitacora.modelo.rowCount() == 4, timeout=30_000)
    assert {panel.bitacora.modelo.fila(i)[4] for i in range(4)} == set(radicados)
    qtbot.waitUntil(lambda: panel.terminos.por_dependencia.rowCount() == 1, timeout=30_000)
    assert panel.terminos.por_dependencia.fila(0)[0] == "Medio Ambiente"
    qtbot.waitUntil(lambda: "solicitudes recibidas" in panel.indicadores.cifras.text(), timeout=30_000)
    assert panel.indicadores.cifras.text().count("3 solicitudes recibidas") == 1
    panel.informes.lista.setCurrentRow(4)
    panel.informes.formatos["xlsx"].setChecked(True)
    destino = tmp_path / "trimestral.xlsx"
    panel.informes.guardar(destino)
    qtbot.waitUntil(lambda: "Se guardó" in panel.informes.estado.text(), timeout=30_000)
    assert destino.read_bytes().startswith(b"PK")
    panel.bitacora.exportar(tmp_path / "bitacora.csv", "csv")
    qtbot.waitUntil(lambda: "Se guardó" in panel.bitacora.estado.text(), timeout=30_000)
    assert radicados[0] in (tmp_path / "bitacora.csv").read_text(encoding="utf-8-sig")
    panel.barra.hasta.setDate(panel.barra.desde.date().addDays(-1))
    panel.barra.actualizar.click()
    assert "anterior" in panel.barra.aviso.text()
    esperar_todas()
