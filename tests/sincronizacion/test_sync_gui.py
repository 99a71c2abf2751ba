"""El trabajador en segundo plano y la ventana de administración, contra un servidor real."""

from __future__ import annotations

from pathlib import Path

import pytest
from apoyo_sync import ServidorVivo, esperar, inscrito, radicar_varias
from pytestqt.qtbot import QtBot

from ventanilla.central.bd import Central
from ventanilla.central.modelos_api import CambioUsuario
from ventanilla.central.rutas_administracion import guardar_usuario
from ventanilla.gui.administracion import VentanaAdministracion
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.trabajador_sync import ESPERA_MAXIMA_S, DialogoRechazos, TrabajadorSync
from ventanilla.sincronizacion.administracion import entrar
from ventanilla.sincronizacion.estado import estado_sincronizacion

pytestmark = pytest.mark.lento


def test_sincronizar_ahora_y_espera_creciente_sin_red(qtbot: QtBot, servidor: ServidorVivo, tmp_path: Path) -> None:
    equipo = inscrito(servidor, tmp_path / "equipo", "VU01")
    radicar_varias(equipo, 3, 80_000_000)
    trabajador = TrabajadorSync(equipo)
    etapas: list[str] = []
    trabajador.progreso.connect(lambda etapa, *_: etapas.append(etapa))
    with qtbot.waitSignal(trabajador.terminado, timeout=60_000) as senal:
        assert trabajador.sincronizar_ahora()
    assert senal.args[0].enviados == 3 and "eventos enviados" in etapas
    esperar_todas()
    servidor.matar()
    with qtbot.waitSignal(trabajador.fallo, timeout=60_000) as fallo:
        trabajador.sincronizar_ahora()
    assert fallo.args[1] is True and "pendiente sigue guardado" in fallo.args[0]
    assert 0 < trabajador.proxima_espera_s <= ESPERA_MAXIMA_S
    esperar_todas()
    assert estado_sincronizacion(equipo).en_linea is False
    trabajador.detener()
    dialogo = DialogoRechazos(equipo)
    qtbot.addWidget(dialogo)
    assert dialogo.lista.count() == 0


def test_la_ventana_de_administracion_crea_codigos_y_rechaza_plantillas(
    qtbot: QtBot, servidor: ServidorVivo, tmp_path: Path
) -> None:
    inscrito(servidor, tmp_path / "equipo", "BRIG1")
    central = Central.abrir(servidor.url_bd, servidor.directorio)
    guardar_usuario(central, "jefe", CambioUsuario(nombre="Jefa", roles=["administrador"], clave="clave-segura-1"))
    central.cerrar()
    ventana = VentanaAdministracion(entrar(servidor.url, "jefe", "clave-segura-1"))
    qtbot.addWidget(ventana)

    ventana.secciones_lista.setCurrentRow(1)
    def textos() -> list[str]:
        return [ventana.equipos.lista.item(i).text() for i in range(ventana.equipos.lista.count())]

    esperar(lambda: any("serie BRIG1" in t for t in textos()) or qtbot.wait(20), 30, "la lista de equipos")
    assert any("último sync" in t and "desfase" in t for t in textos())
    ventana.equipos.serie.setText("BRIG1")
    ventana.equipos.crear_codigo()
    esperar(lambda: "ya es del equipo" in ventana.equipos.mensaje.text() or qtbot.wait(20), 30, "el rechazo de la serie")
    ventana.equipos.serie.setText("BRIG2")
    ventana.equipos.crear_codigo()
    esperar(lambda: len(ventana.equipos.codigo.text()) == 14 or qtbot.wait(20), 30, "el código nuevo")

    ventana.secciones_lista.setCurrentRow(4)
    esperar(lambda: ventana.plantillas.lista.count() == 1 or qtbot.wait(20), 30, "las plantillas")
    ventana.plantillas.texto.setText("{entidad}-{serie}-{año}")
    ventana.plantillas.guardar()
    esperar(lambda: "consecutivo" in ventana.plantillas.mensaje.text() or qtbot.wait(20), 30, "el rechazo de la plantilla")
    assert ventana.plantillas.texto.text() == "{entidad}-{serie}-{año}"
    esperar_todas()
