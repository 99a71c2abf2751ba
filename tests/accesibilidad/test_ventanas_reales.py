"""Las ventanas reales (registro, kiosco y pantalla de turnos) con teclado, en los cuatro temas y al
200 %: orden, recortes, solapes, objetivos, y el formulario de radicación sin desplazarse a lo ancho
en una pantalla de 1366 × 768."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.gui.accesibilidad import (
    nombre_accesible,
    objetivos_pequenos,
    orden_de_tabulacion,
    revisar_accesibilidad,
    textos_recortados,
)
from ventanilla.gui.casillas import EtiquetaDeCasilla
from ventanilla.gui.kiosko import Kiosko
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.pantalla import Pantalla
from ventanilla.gui.qt import QApplication, QLabel, QPoint, QRect, Qt, QWidget
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


def _sin_recortes(ventana: QWidget, qtbot: QtBot, salvo: str | None = None) -> list[str]:
    """Los textos recortados una vez que la ventana terminó de redistribuirse.

    `salvo` es el objectName de un texto que se corta a propósito (la cinta que se desplaza).
    """

    def recortados() -> list[str]:
        return [t for t in textos_recortados(ventana) if salvo is None or not t.startswith(f"QLabel «{salvo}»")]

    try:
        qtbot.waitUntil(lambda: not recortados(), timeout=3000)
    except TimeoutError:
        pass
    return recortados()


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


CORREO_LARGO = "maria.fernanda.gomez.ocampo.de.la.torre.alcaldiademanizales.gov.co"
"""Un correo mal escrito (sin @) que su mensaje de error repite entero: una sola palabra larga."""


def _en_pantalla_de_1366(ventana: VentanaPrincipal, qtbot: QtBot) -> None:
    ventana.resize(1366, 768)
    qtbot.waitUntil(lambda: ventana.width() == 1366 and ventana.height() == 768)


@pytest.mark.parametrize("escala", [100, 150, 200])
@pytest.mark.parametrize("tema", TEMAS)
def test_registro_en_1366x768_sin_desplazarse_a_lo_ancho_ni_cortes(
    ventana: VentanaPrincipal, qtbot: QtBot, app: QApplication, tema: str, escala: int
) -> None:
    _en_pantalla_de_1366(ventana, qtbot)
    gestor(app).aplicar(tema, escala)
    registro = ventana.registro
    f = registro.form
    f.autoriza_caracterizacion.setChecked(True)
    f.autoriza_sensibles.setChecked(True)
    f.correo.setText(CORREO_LARGO)
    registro._validar("correo")
    qtbot.waitUntil(lambda: f.error_correo.isVisible())
    assert _sin_recortes(ventana, qtbot) == []
    ancho = f.contenido.minimumSizeHint().width()
    visible = f.desplazable.viewport().width()
    assert ancho <= visible, f"el formulario pide {ancho} px y se ven {visible}"
    assert not f.desplazable.horizontalScrollBar().isVisible()


def test_casilla_de_texto_partido_con_puntero_y_teclado(
    ventana: VentanaPrincipal, qtbot: QtBot, app: QApplication
) -> None:
    _en_pantalla_de_1366(ventana, qtbot)
    gestor(app).aplicar("claro", 200)
    f = ventana.registro.form
    casilla = f.prioritaria
    etiqueta = f.contenido.findChild(EtiquetaDeCasilla, "e_prioritaria")
    linea = etiqueta.fontMetrics().height()
    qtbot.waitUntil(lambda: etiqueta.height() >= 2 * linea)
    assert nombre_accesible(casilla) == (
        "Atención prioritaria: evita un perjuicio irremediable o es de un periodista (art. 20)"
    )
    # Tab llega a la casilla (y el área la trae a la vista); Espacio la marca.
    orden = orden_de_tabulacion(f)
    anterior = orden[orden.index(casilla) - 1]
    anterior.setFocus()
    qtbot.waitUntil(anterior.hasFocus)
    qtbot.keyClick(anterior, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is casilla
    qtbot.keyClick(casilla, Qt.Key.Key_Space)
    assert casilla.isChecked()
    # Alt+O, el atajo de su etiqueta, la enfoca sin cambiarla.
    f.asunto.setFocus()
    qtbot.waitUntil(f.asunto.hasFocus)
    qtbot.keyClick(f.asunto, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is casilla and casilla.isChecked()
    # Pulsar la segunda línea del texto también la desmarca.
    f.desplazable.ensureWidgetVisible(etiqueta)
    segunda_linea = QPoint(etiqueta.width() // 4, etiqueta.height() - linea // 2)
    qtbot.mouseClick(etiqueta, Qt.MouseButton.LeftButton, pos=segunda_linea)
    assert not casilla.isChecked()


PANTALLAS = [(1366, 768), (1920, 1080)]
"""Las pantallas de los equipos de la sala: portátil y televisor."""


def _solapados(ventana: QWidget) -> list[str]:
    """Los pares de textos visibles de `ventana` que se montan uno sobre otro."""
    textos = [e for e in ventana.findChildren(QLabel) if e.text() and e.isVisibleTo(ventana)]

    def caja(etiqueta: QLabel) -> QRect:
        return QRect(etiqueta.mapTo(ventana, QPoint(0, 0)), etiqueta.size())

    return [
        f"«{a.text()}» y «{b.text()}»"
        for i, a in enumerate(textos)
        for b in textos[i + 1 :]
        if not a.isAncestorOf(b) and caja(a).intersects(caja(b))
    ]


@pytest.fixture
def kiosco(app: QApplication, qtbot: QtBot, request: pytest.FixtureRequest) -> Kiosko:
    """El kiosco con la cola local de seis servicios, del tamaño de la pantalla dada (1366 × 768 si no)."""
    ancho, alto = getattr(request, "param", PANTALLAS[0])
    fuente = FuenteLocal(MotorTurnos(catalogo_por_defecto(4)))
    vista = Kiosko(fuente)
    fuente.setParent(vista)
    qtbot.addWidget(vista)
    vista.resize(ancho, alto)
    vista.show()
    qtbot.waitExposed(vista)
    fuente.iniciar()
    qtbot.waitUntil(lambda: len(vista.botones_servicio) == 6)
    return vista


@pytest.mark.parametrize("kiosco", PANTALLAS, indirect=True, ids=["1366x768", "1920x1080"])
@pytest.mark.parametrize("tema", TEMAS)
def test_kiosco_al_200_sin_recortes_y_con_objetivos_de_44_px(
    kiosco: Kiosko, qtbot: QtBot, app: QApplication, tema: str
) -> None:
    gestor(app).aplicar(tema, 100)
    al_100 = kiosco.botones_servicio[0].font().pixelSize()
    gestor(app).aplicar(tema, 200)
    kiosco.boton_preferencial.setChecked(True)
    qtbot.waitUntil(lambda: all(b.isVisible() for b in kiosco.botones_razon.values()))
    assert kiosco.botones_servicio[0].font().pixelSize() >= 1.5 * al_100, "la letra no sigue la escala"
    assert revisar_accesibilidad(kiosco) == []
    assert _sin_recortes(kiosco, qtbot) == []
    assert _solapados(kiosco) == []
    assert objetivos_pequenos(kiosco, 44) == []
    minimo = kiosco.minimumSizeHint()
    assert minimo.width() <= kiosco.width() and minimo.height() <= kiosco.height(), "el kiosco no cabe"
    # Lo que no cabe a lo alto se alcanza desplazándose; a lo ancho todo cabe.
    inicio = kiosco.inicio
    assert inicio.widget().width() <= inicio.viewport().width()
    for boton in [*kiosco.botones_servicio, *kiosco.botones_razon.values(), kiosco.campo_documento]:
        inicio.ensureWidgetVisible(boton)
        caja = QRect(boton.mapTo(inicio.viewport(), QPoint(0, 0)), boton.size())
        assert inicio.viewport().rect().contains(caja), f"{boton.objectName()} no se alcanza entero"
    kiosco.botones_razon["adulto_mayor"].click()
    # La razón elegida se ve elegida (no solo por el foco): su fondo cambia.
    elegida, otra = kiosco.botones_razon["adulto_mayor"], kiosco.botones_razon["gestante"]
    fondo = lambda boton: boton.grab().toImage().pixelColor(12, boton.height() // 2)
    assert elegida.isChecked() and fondo(elegida) != fondo(otra)
    kiosco.botones_servicio[5].click()
    qtbot.waitUntil(lambda: kiosco.mostrando_turno)
    assert _sin_recortes(kiosco, qtbot) == []
    assert _solapados(kiosco) == []
    assert objetivos_pequenos(kiosco, 44) == []
    codigo = kiosco.etiqueta_codigo
    assert codigo.font().pixelSize() > 0.22 * kiosco.height(), "el turno no creció con la escala"


@pytest.mark.parametrize(("ancho", "alto"), PANTALLAS, ids=["1366x768", "1920x1080"])
@pytest.mark.parametrize("tema", TEMAS)
def test_pantalla_al_200_sin_recortes_ni_solapes(
    app: QApplication, qtbot: QtBot, tema: str, ancho: int, alto: int
) -> None:
    motor = MotorTurnos(catalogo_por_defecto(12))
    fuente = FuenteLocal(motor)
    for servicio in ("radicacion", "orientacion", "hacienda", "radicacion", "movilidad", "social"):
        motor.emitir(servicio)
    for numero in (1, 3, 10, 11, 12):
        motor.llamar_siguiente(numero, usuario="demo")
    pantalla = Pantalla(
        fuente,
        titulo="Alcaldía de Manizales · Ventanilla Única CAM",
        mensaje="La atención preferencial es un derecho: personas mayores, gestantes y niños pasan primero.",
    )
    fuente.setParent(pantalla)
    qtbot.addWidget(pantalla)
    pantalla.resize(ancho, alto)
    pantalla.show()
    qtbot.waitExposed(pantalla)
    fuente.iniciar()
    gestor(app).aplicar(tema, 100)
    qtbot.waitUntil(lambda: pantalla.llamado_actual is not None)
    al_100 = pantalla._codigo.font().pixelSize()
    gestor(app).aplicar(tema, 200)
    pantalla._conexion(False, "Sin conexión con el servidor de turnos: la cola compartida no está disponible.")
    assert pantalla.textos_ultimos[0] == "E-001 · Ventanilla 12"
    # La cinta se desplaza a propósito: su texto es más ancho que ella.
    assert _sin_recortes(pantalla, qtbot, salvo="cinta") == []
    assert _solapados(pantalla) == []
    codigo = pantalla._codigo.font().pixelSize()
    assert codigo > al_100 and codigo >= 0.18 * alto
    assert pantalla.minimumSizeHint().width() <= ancho and pantalla.minimumSizeHint().height() <= alto
