"""Las revisiones que usan las pruebas de cada ventana: nombres, orden de tabulación y textos cortados."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ventanilla.gui.accesibilidad import (
    etiquetar,
    nombre_accesible,
    objetivos_pequenos,
    orden_de_tabulacion,
    revisar_accesibilidad,
    textos_recortados,
)
from ventanilla.gui.muestra_temas import VentanaMuestra
from ventanilla.gui.qt import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QToolButton,
    QWidget,
)
from ventanilla.gui.temas import aplicar_escala, aplicar_tema

ORDEN_DE_LECTURA = [
    "tipo_documento",
    "documento",
    "nombres",
    "correo",
    "tipo_solicitud",
    "asunto",
    "descripcion",
    "por_correo",
    "caracterizacion",
    "limpiar",
    "radicar",
]


def test_la_muestra_no_tiene_problemas_de_accesibilidad(ventana: VentanaMuestra) -> None:
    assert revisar_accesibilidad(ventana) == []
    assert nombre_accesible(ventana.documento) == "Número de documento *"
    assert nombre_accesible(ventana.descripcion) == "Descripción"


def test_un_formulario_descuidado_muestra_cada_problema(qtbot: QtBot, app: QApplication) -> None:
    formulario = QWidget()
    qtbot.addWidget(formulario)
    filas = QFormLayout(formulario)
    suelto = QLineEdit(objectName="suelto")
    filas.addRow(QLabel("Sin compañero"))
    filas.addRow(suelto)
    bien = QLineEdit(objectName="bien")
    etiqueta = QLabel("&Con compañero")
    etiquetar(etiqueta, bien)
    filas.addRow(etiqueta, bien)
    filas.addRow(QLabel("&Atajo perdido"))
    icono = QToolButton(objectName="solo_icono")
    filas.addRow(icono)
    formulario.show()
    qtbot.waitExposed(formulario)
    problemas = revisar_accesibilidad(formulario)
    assert any("«suelto»: sin nombre accesible" in p for p in problemas)
    assert any("«solo_icono»: botón sin texto ni ayuda emergente" in p for p in problemas)
    assert any("«&Atajo perdido»: tiene atajo" in p for p in problemas)
    assert not any("«bien»" in p for p in problemas)
    icono.setToolTip("Escanear anexos")
    icono.setAccessibleName("Escanear anexos")
    suelto.setAccessibleName("Sin compañero")
    assert len(revisar_accesibilidad(formulario)) == 1


def test_tab_recorre_el_formulario_en_orden_de_lectura(
    qtbot: QtBot, ventana: VentanaMuestra
) -> None:
    assert [w.objectName() for w in orden_de_tabulacion(ventana)] == ORDEN_DE_LECTURA
    ventana.tipo_documento.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(ventana.tipo_documento.hasFocus)
    recorrido = [QApplication.focusWidget().objectName()]
    for _ in ORDEN_DE_LECTURA[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        recorrido.append(QApplication.focusWidget().objectName())
    assert recorrido == ORDEN_DE_LECTURA


def test_a_200_por_ciento_ningun_texto_de_la_muestra_se_corta(
    qtbot: QtBot, ventana: VentanaMuestra, app: QApplication
) -> None:
    for clave in ("claro", "alto_contraste_oscuro"):
        aplicar_tema(app, clave)
        for escala in (100, 150, 200):
            aplicar_escala(app, escala)
            qtbot.waitUntil(lambda: ventana.radicar.height() >= ventana.radicar.sizeHint().height())
            assert textos_recortados(ventana) == [], (clave, escala)


def test_un_texto_sin_espacio_se_informa(qtbot: QtBot, app: QApplication) -> None:
    aplicar_tema(app, "claro")
    aplicar_escala(app, 200)
    caja = QWidget()
    qtbot.addWidget(caja)
    etiqueta = QLabel("Fecha de vencimiento", caja, objectName="vence")
    etiqueta.setGeometry(0, 0, 90, 60)
    boton = QPushButton("Llamar siguiente", caja, objectName="llamar")
    boton.setGeometry(0, 70, 300, 18)
    campo = QLineEdit(caja, objectName="documento", placeholderText="Número de documento")
    campo.setGeometry(0, 100, 120, 60)
    holgada = QLabel("Sí", caja, objectName="holgada")
    holgada.setGeometry(0, 170, 200, 60)
    caja.resize(320, 240)
    caja.show()
    qtbot.waitExposed(caja)
    problemas = textos_recortados(caja)
    assert [p.split(":")[0] for p in problemas] == [
        "QLabel «vence»",
        "QPushButton «llamar»",
        "QLineEdit «documento»",
    ]
    assert "necesita" in problemas[0] and "tiene 90×60 px" in problemas[0]


def test_los_objetivos_tactiles_pequenos_se_informan(qtbot: QtBot, app: QApplication) -> None:
    caja = QWidget()
    qtbot.addWidget(caja)
    grande = QPushButton("Radicación", caja, objectName="grande")
    grande.setGeometry(0, 0, 200, 64)
    chico = QPushButton("×", caja, objectName="chico")
    chico.setGeometry(0, 80, 30, 30)
    caja.resize(240, 140)
    caja.show()
    qtbot.waitExposed(caja)
    assert objetivos_pequenos(caja) == ["QPushButton «chico»: mide 30×30 px, menos de 44×44"]
    assert objetivos_pequenos(caja, minimo=20) == []
