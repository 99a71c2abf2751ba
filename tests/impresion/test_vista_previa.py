"""La vista previa: muestra el PDF, imprime con Ctrl+P fuera del hilo de la interfaz, guarda y cierra con Esc."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ventanilla.gui.accesibilidad import revisar_accesibilidad
from ventanilla.gui.vista_previa import VistaPrevia
from ventanilla.impresion import constancia, sticker
from ventanilla.impresion.muestras import radicado_de_muestra


@pytest.fixture
def rotulo() -> bytes:
    return sticker(radicado_de_muestra())


def _activa(qtbot: Any, dialogo: VistaPrevia) -> QWidget:
    """Muestra el diálogo, espera a que esté activo y devuelve el control con el foco (los atajos
    de teclado solo llegan a la ventana activa)."""
    dialogo.show()
    qtbot.waitExposed(dialogo)
    dialogo.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialogo)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    foco = QApplication.focusWidget()
    assert foco is not None
    return foco


def test_muestra_el_documento_y_es_accesible(qtbot: Any, cups: Any) -> None:
    dialogo = VistaPrevia(constancia(radicado_de_muestra(), letra_grande=True), "Constancia",
                          impresora=cups.impresora)
    qtbot.addWidget(dialogo)
    foco = _activa(qtbot, dialogo)
    assert dialogo.paginas >= 2
    assert dialogo.impresora_elegida == cups.impresora
    assert revisar_accesibilidad(dialogo) == []
    barra = dialogo._vista.verticalScrollBar()
    qtbot.waitUntil(lambda: barra.maximum() > 0)
    qtbot.keyClick(foco, Qt.Key.Key_PageDown)
    assert barra.value() > 0


@pytest.mark.lento
def test_ctrl_p_imprime_en_cups(
    qtbot: Any, cups: Any, rotulo: bytes, leer_codigos: Callable[[bytes], list[str]]
) -> None:
    dialogo = VistaPrevia(rotulo, "Rótulo", impresora=cups.impresora)
    qtbot.addWidget(dialogo)
    foco = _activa(qtbot, dialogo)
    previos = set(cups.salida.glob("*.pdf"))
    with qtbot.waitSignal(dialogo.impreso, timeout=30_000) as senal:
        qtbot.keyClick(foco, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert senal.args == [cups.impresora]
    assert dialogo.mensaje == f"Documento enviado a {cups.impresora}."
    assert "CODE-128:MZL-VU01-2026-000123" in leer_codigos(cups.esperar_pdf(previos).read_bytes())


def test_un_fallo_se_dice_y_se_puede_reintentar(qtbot: Any, rotulo: bytes, cups: Any) -> None:
    def sin_papel(pdf: bytes, impresora: str) -> None:
        raise RuntimeError("la impresora no tiene papel")

    dialogo = VistaPrevia(rotulo, "Rótulo", impresora=cups.impresora, imprimir=sin_papel)
    qtbot.addWidget(dialogo)
    dialogo.show()
    with qtbot.waitSignal(dialogo.fallo, timeout=10_000):
        dialogo.imprimir()
    assert dialogo.mensaje == "No se pudo imprimir: la impresora no tiene papel"
    llamadas: list[str] = []
    dialogo._imprimir = lambda pdf, impresora: llamadas.append(impresora)
    with qtbot.waitSignal(dialogo.impreso, timeout=10_000):
        dialogo.imprimir()
    assert llamadas == [cups.impresora]


def test_guardar_como_pdf(qtbot: Any, rotulo: bytes, tmp_path: Path) -> None:
    dialogo = VistaPrevia(rotulo, "Rótulo")
    qtbot.addWidget(dialogo)
    destino = tmp_path / "rotulo.pdf"
    dialogo.guardar_en(destino)
    assert destino.read_bytes() == rotulo
    assert dialogo.mensaje == f"Guardado en {destino}."
    dialogo.guardar_en(tmp_path / "no-existe" / "x.pdf")
    assert dialogo.mensaje.startswith("No se pudo guardar")


def test_esc_cierra(qtbot: Any, rotulo: bytes) -> None:
    dialogo = VistaPrevia(rotulo, "Rótulo")
    qtbot.addWidget(dialogo)
    qtbot.keyClick(_activa(qtbot, dialogo), Qt.Key.Key_Escape)
    assert not dialogo.isVisible()
    assert dialogo.result() == VistaPrevia.DialogCode.Rejected
