"""Las ventanas reales (registro y kiosco) con teclado, en los cuatro temas y al 200 %: orden, recortes y objetivos."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.gui.accesibilidad import (
    objetivos_pequenos,
    orden_de_tabulacion,
    revisar_accesibilidad,
    textos_recortados,
)
from ventanilla.gui.kiosko import Kiosko
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.qt import QApplication, QPoint, Qt, QWidget
from ventanilla.gui.registro import CONFIRMACION, RESULTADO
from ventanilla.gui.registro_campos import elegir
from ventanilla.gui.temas import TEMAS, gestor
from ventanilla.gui.ventana_principal import VentanaPrincipal
from ventanilla.servicios.sesion import sesion_de
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.fuentes import FuenteLocal
from ventanilla.turnos.motor import MotorTurnos

CAMPOS_EN_ORDEN = (
    "tipo_documento", "numero_documento", "nombres", "apellidos", "telefono", "correo",
    "direccion", "comuna", "tipo", "canal", "dependencia", "folios", "preferencial", "asunto",
    "descripcion", "adjuntar", "prioritaria", "acc_interprete", "acc_letra_grande", "acc_lectura",
    "acc_acompanante", "aviso", "autoriza_caracterizacion", "autoriza_contacto", "limpiar", "revisar",
)  # fmt: skip
"""Los controles del formulario de radicación en orden de lectura (los habilitados al abrirlo)."""


@pytest.fixture
def ventana(app: QApplication, almacen: Almacen, qtbot: QtBot) -> Iterator[VentanaPrincipal]:
    """La ventana del funcionario en la sección Radicar, mostrada y activa."""
    with almacen.escribir() as sesion:
        sesion.add(
            Usuario(
                login="mgomez",
                nombre="María Gómez",
                roles=["funcionario"],
                clave_hash=None,
                activo=True,
            )
        )
    principal = VentanaPrincipal(almacen, sesion_de(almacen, "mgomez"))
    qtbot.addWidget(principal)
    principal.resize(1280, 760)
    principal.show()
    qtbot.waitExposed(principal)
    principal.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is principal)
    yield principal
    esperar_todas()


def _sin_recortes(ventana: QWidget, qtbot: QtBot) -> list[str]:
    """Los textos recortados una vez que la ventana terminó de redistribuirse."""
    try:
        qtbot.waitUntil(lambda: not textos_recortados(ventana), timeout=3000)
    except TimeoutError:
        pass
    return textos_recortados(ventana)


def _posicion(widget: QWidget, referencia: QWidget) -> QPoint:
    return widget.mapTo(referencia, QPoint(0, 0))


def _en_orden_de_lectura(widgets: list[QWidget], referencia: QWidget) -> list[str]:
    """Los pares seguidos en que el segundo queda arriba, o en la misma fila pero a la izquierda."""
    saltos = []
    for antes, despues in pairwise(widgets):
        a, d = _posicion(antes, referencia), _posicion(despues, referencia)
        misma_fila = abs(a.y() - d.y()) < min(antes.height(), despues.height()) // 2
        if (misma_fila and d.x() < a.x()) or (not misma_fila and d.y() < a.y()):
            saltos.append(f"{antes.objectName()} → {despues.objectName()}")
    return saltos


@pytest.mark.parametrize("escala", [100, 200])
def test_tab_recorre_el_formulario_de_radicacion_en_orden_de_lectura(
    ventana: VentanaPrincipal, qtbot: QtBot, app: QApplication, escala: int
) -> None:
    gestor(app).aplicar("claro", escala)
    f = ventana.registro.form
    orden = [w for w in orden_de_tabulacion(f) if w.objectName() in CAMPOS_EN_ORDEN]
    assert [w.objectName() for w in orden] == list(CAMPOS_EN_ORDEN)
    dentro = [w for w in orden if f.contenido.isAncestorOf(w)]
    assert _en_orden_de_lectura(dentro, f.contenido) == []
    assert orden[len(dentro) :] == [f.limpiar, f.revisar]
    # Con el teclado de verdad: Tab desde el primer campo pasa por cada uno, y el área
    # desplazable lo trae a la vista.
    f.tipo_documento.setFocus()
    qtbot.waitUntil(lambda: f.tipo_documento.hasFocus())
    visitados = [QApplication.focusWidget()]
    for _ in range(len(orden_de_tabulacion(f)) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        actual = QApplication.focusWidget()
        visitados.append(actual)
        if f.contenido.isAncestorOf(actual):
            centro = actual.mapTo(f.desplazable.viewport(), actual.rect().center())
            assert f.desplazable.viewport().rect().contains(centro), (
                f"{actual.objectName()} quedó fuera de la vista"
            )
    assert [w.objectName() for w in visitados if w.objectName() in CAMPOS_EN_ORDEN] == list(
        CAMPOS_EN_ORDEN
    )


def _registrar(ventana: VentanaPrincipal) -> None:
    f = ventana.registro.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María Fernanda")
    f.apellidos.setText("Gómez Ñáñez")
    elegir(f.dependencia, f.dependencia.itemData(0))
    f.asunto.setText("Copia del certificado de estratificación del predio")


@pytest.mark.parametrize("tema", TEMAS)
def test_registro_al_200_sin_textos_recortados_en_cada_paso(
    ventana: VentanaPrincipal, qtbot: QtBot, app: QApplication, tema: str
) -> None:
    gestor(app).aplicar(tema, 200)
    registro = ventana.registro
    f = registro.form
    f.autoriza_caracterizacion.setChecked(True)
    f.autoriza_sensibles.setChecked(True)
    f.correo.setText("maria.gomez@")
    registro._validar("correo")
    qtbot.waitUntil(lambda: f.error_correo.isVisible())
    assert revisar_accesibilidad(ventana) == []
    assert _sin_recortes(ventana, qtbot) == []
    # Lo que no cabe a lo ancho se alcanza desplazándose (o el formulario se reacomoda).
    ancho = f.contenido.minimumSizeHint().width()
    visible = f.desplazable.viewport().width()
    politica = f.desplazable.horizontalScrollBarPolicy()
    assert ancho <= visible or politica != Qt.ScrollBarPolicy.ScrollBarAlwaysOff, (ancho, visible)
    riel = ventana.form.navegacion
    for fila in range(riel.count()):
        elemento = riel.item(fila)
        necesita = riel.fontMetrics().horizontalAdvance(elemento.text())
        assert necesita <= riel.visualItemRect(elemento).width(), (
            f"«{elemento.text()}» no cabe en el riel"
        )
    f.correo.clear()
    registro._validar("correo")
    _registrar(ventana)
    registro.revisar()
    assert registro.paso == CONFIRMACION
    assert _sin_recortes(ventana, qtbot) == []
    registro.radicar()
    qtbot.waitUntil(lambda: registro.paso == RESULTADO, timeout=10_000)
    assert registro.resultado.radicado.text() == registro.ultima.radicado  # type: ignore[union-attr]
    assert revisar_accesibilidad(ventana) == []
    assert _sin_recortes(ventana, qtbot) == []


@pytest.fixture
def kiosco(app: QApplication, qtbot: QtBot) -> Kiosko:
    """El kiosco con la cola local de seis servicios, en una pantalla de 1366 × 768."""
    fuente = FuenteLocal(MotorTurnos(catalogo_por_defecto(4)))
    vista = Kiosko(fuente)
    fuente.setParent(vista)
    qtbot.addWidget(vista)
    vista.resize(1366, 768)
    vista.show()
    qtbot.waitExposed(vista)
    fuente.iniciar()
    qtbot.waitUntil(lambda: len(vista.botones_servicio) == 6)
    return vista


@pytest.mark.parametrize("tema", TEMAS)
def test_kiosco_al_200_sin_recortes_y_con_objetivos_de_44_px(
    kiosco: Kiosko, qtbot: QtBot, app: QApplication, tema: str
) -> None:
    gestor(app).aplicar(tema, 200)
    kiosco.boton_preferencial.setChecked(True)
    qtbot.waitUntil(lambda: all(b.isVisible() for b in kiosco.botones_razon.values()))
    assert revisar_accesibilidad(kiosco) == []
    assert _sin_recortes(kiosco, qtbot) == []
    assert objetivos_pequenos(kiosco, 44) == []
    minimo = kiosco.minimumSizeHint()
    assert minimo.width() <= 1366 and minimo.height() <= 768, "el kiosco no cabe en su pantalla"
    kiosco.botones_razon["adulto_mayor"].click()
    # La razón elegida se ve elegida (no solo por el foco): su fondo cambia.
    elegida, otra = kiosco.botones_razon["adulto_mayor"], kiosco.botones_razon["gestante"]
    fondo = lambda boton: boton.grab().toImage().pixelColor(12, boton.height() // 2)
    assert elegida.isChecked() and fondo(elegida) != fondo(otra)
    kiosco.botones_servicio[0].click()
    qtbot.waitUntil(lambda: kiosco.mostrando_turno)
    assert _sin_recortes(kiosco, qtbot) == []
    assert objetivos_pequenos(kiosco, 44) == []
