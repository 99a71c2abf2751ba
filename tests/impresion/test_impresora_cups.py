"""Impresión real: QPrinter envía el PDF a un CUPS con CUPS-PDF y los códigos siguen legibles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ventanilla.impresion import constancia, sticker
from ventanilla.impresion.impresora import (
    ErrorDeImpresion,
    ImpresoraNoDisponible,
    impresoras,
    imprimir_pdf,
)
from ventanilla.impresion.muestras import radicado_de_muestra

pytestmark = pytest.mark.lento


def test_lista_la_impresora_de_cups(cups: Any, qapp: Any) -> None:
    assert cups.impresora in impresoras()


def test_el_rotulo_impreso_conserva_sus_codigos(
    cups: Any, qapp: Any, leer_codigos: Callable[[bytes], list[str]]
) -> None:
    previos = set(cups.salida.glob("*.pdf"))
    imprimir_pdf(sticker(radicado_de_muestra()), cups.impresora, titulo="Rótulo de prueba")
    impreso = cups.esperar_pdf(previos)
    leidos = leer_codigos(impreso.read_bytes())
    assert sorted(leidos) == ["CODE-128:MZL-VU01-2026-000123", "QR-Code:MZL-VU01-2026-000123"]


def test_la_constancia_sale_en_carta(
    cups: Any, qapp: Any, info_pdf: Callable[[bytes, str], str]
) -> None:
    previos = set(cups.salida.glob("*.pdf"))
    imprimir_pdf(constancia(radicado_de_muestra()), cups.impresora)
    info = info_pdf(cups.esperar_pdf(previos).read_bytes(), "pdfinfo")
    assert "612 x 792 pts" in info


def test_impresora_inexistente(cups: Any, qapp: Any) -> None:
    with pytest.raises(ImpresoraNoDisponible, match=f"Disponibles: .*{cups.impresora}"):
        imprimir_pdf(sticker(radicado_de_muestra()), "NoExiste")


def test_bytes_que_no_son_pdf(cups: Any, qapp: Any) -> None:
    with pytest.raises(ErrorDeImpresion, match="PDF legible"):
        imprimir_pdf(b"esto no es un PDF", cups.impresora)
