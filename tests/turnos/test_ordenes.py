"""Las órdenes `ventanilla kiosko` y `ventanilla display` arman sus ventanas sobre la cola del equipo."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from ventanilla.cli import construir_parser
from ventanilla.gui.kiosko import Kiosko
from ventanilla.gui.pantalla import Pantalla
from ventanilla.gui.preferencias_visuales import PreferenciasVisuales
from ventanilla.gui.temas import gestor, retirar_temas
from ventanilla.ordenes import display, kiosko
from ventanilla.servicios.preferencias import guardar_preferencias, leer_preferencias
from ventanilla.turnos.fuentes import FuenteLocal, FuenteRemota


@pytest.fixture(autouse=True)
def sin_tema_al_final(qapp) -> Iterator[None]:
    yield
    retirar_temas(qapp)


def test_sin_servidor_el_kiosco_usa_la_cola_del_equipo_en_alto_contraste(qtbot, almacen) -> None:
    args = construir_parser().parse_args(["kiosko", "--sin-imprimir", "--ventana"])
    app, ventana = kiosko.construir(args)
    qtbot.addWidget(ventana)
    assert isinstance(ventana, Kiosko)
    assert isinstance(ventana._fuente, FuenteLocal)
    assert gestor(app).tema_efectivo == "alto_contraste_oscuro"
    ventana._fuente.cerrar()


def test_la_pantalla_sigue_lo_que_emite_el_kiosco_en_otro_proceso(qtbot, almacen) -> None:
    args = construir_parser().parse_args(["display", "--sin-voz", "--ventana"])
    _app, pantalla = display.construir(args)
    qtbot.addWidget(pantalla)
    assert isinstance(pantalla, Pantalla)
    from ventanilla.servicios.turnos import abrir_cola_local

    otro = abrir_cola_local(almacen)
    otro.emitir("radicacion")
    otro.llamar_siguiente(4, usuario="admin")
    qtbot.waitUntil(lambda: pantalla.llamado_actual is not None, timeout=5000)
    assert (pantalla.llamado_actual.codigo, pantalla.llamado_actual.ventanilla) == ("A-001", 4)
    pantalla._fuente.cerrar()


def test_con_servidor_la_pantalla_usa_la_cola_de_la_sede(qtbot, almacen) -> None:
    args = construir_parser().parse_args(["display", "--sin-voz", "--servidor", "http://127.0.0.1:9"])
    _app, pantalla = display.construir(args)
    qtbot.addWidget(pantalla)
    assert isinstance(pantalla._fuente, FuenteRemota)
    pantalla._fuente.cerrar()


def test_kiosco_y_pantalla_usan_el_tema_y_el_tamano_guardados_en_el_equipo(qtbot, almacen) -> None:
    guardar_preferencias(almacen, "@kiosko", {"tema": "claro", "escala": 150})
    app, ventana = kiosko.construir(construir_parser().parse_args(["kiosko", "--sin-imprimir", "--ventana"]))
    qtbot.addWidget(ventana)
    assert (gestor(app).tema_efectivo, gestor(app).escala) == ("claro", 150)
    ventana.findChild(PreferenciasVisuales).agrandar()
    assert leer_preferencias(almacen, "@kiosko") == {"tema": "claro", "escala": 175, "voz": False}
    ventana._fuente.cerrar()
    # La pantalla guarda las suyas aparte; sin nada guardado, alto contraste oscuro al 100 %.
    app, pantalla = display.construir(construir_parser().parse_args(["display", "--sin-voz", "--ventana"]))
    qtbot.addWidget(pantalla)
    assert (gestor(app).tema_efectivo, gestor(app).escala) == ("alto_contraste_oscuro", 100)
    assert leer_preferencias(almacen, "@pantalla") is None
    pantalla._fuente.cerrar()


def test_la_opcion_tema_manda_sobre_el_tema_guardado(qtbot, almacen) -> None:
    guardar_preferencias(almacen, "@pantalla", {"tema": "claro", "escala": 125})
    args = construir_parser().parse_args(["display", "--sin-voz", "--ventana", "--tema", "oscuro"])
    app, pantalla = display.construir(args)
    qtbot.addWidget(pantalla)
    assert (gestor(app).tema_efectivo, gestor(app).escala) == ("oscuro", 125)
    assert leer_preferencias(almacen, "@pantalla") == {"tema": "claro", "escala": 125}
    pantalla._fuente.cerrar()


def test_las_ordenes_tienen_ayuda() -> None:
    for orden in ("kiosko", "display"):
        salida = subprocess.run([sys.executable, "-m", "ventanilla.cli", orden, "--help"],
                                capture_output=True, text=True, check=True)
        assert "--servidor" in salida.stdout
