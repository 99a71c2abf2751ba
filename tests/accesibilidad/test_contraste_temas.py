"""Contraste WCAG 2.1 de cada par de colores que muestran los cuatro temas."""

from __future__ import annotations

from pathlib import Path

import pytest

from ventanilla.gui.temas import (
    PARES_DE_CONTORNO,
    PARES_DE_TEXTO,
    TEMAS,
    cargar_paleta,
    escribir_iconos,
    hoja_de_estilo,
    razon_de_contraste,
)

MINIMO_TEXTO = {
    "claro": 4.5,
    "oscuro": 4.5,
    "alto_contraste_oscuro": 7.0,
    "alto_contraste_claro": 7.0,
}
MINIMO_CONTORNO = 3.0


@pytest.mark.parametrize(
    ("primero", "segundo", "esperado"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#767676", "#FFFFFF", 4.54)],
)
def test_razon_de_contraste_coincide_con_wcag(primero: str, segundo: str, esperado: float) -> None:
    assert razon_de_contraste(primero, segundo) == pytest.approx(esperado, abs=0.01)
    assert razon_de_contraste(segundo, primero) == pytest.approx(esperado, abs=0.01)


def test_los_cuatro_temas_existen_y_uno_es_alto_contraste_oscuro() -> None:
    paletas = [cargar_paleta(clave) for clave in TEMAS]
    assert set(MINIMO_TEXTO) == set(TEMAS)
    negro = cargar_paleta("alto_contraste_oscuro")
    assert negro.alto_contraste and negro.oscuro and negro.colores["fondo"] == "#000000"
    assert all(set(p.colores) == set(paletas[0].colores) for p in paletas)


@pytest.mark.parametrize("clave", TEMAS)
def test_cada_par_de_texto_alcanza_el_minimo(clave: str) -> None:
    colores = cargar_paleta(clave).colores
    minimo = MINIMO_TEXTO[clave]
    faltan = [
        f"{texto} sobre {fondo}: {razon_de_contraste(colores[texto], colores[fondo]):.2f}"
        for texto, fondo in PARES_DE_TEXTO
        if razon_de_contraste(colores[texto], colores[fondo]) < minimo
    ]
    assert faltan == [], f"{clave} necesita {minimo}:1"


@pytest.mark.parametrize("clave", TEMAS)
def test_foco_bordes_y_errores_alcanzan_3_a_1(clave: str) -> None:
    colores = cargar_paleta(clave).colores
    faltan = [
        f"{contorno} contra {fondo}: {razon_de_contraste(colores[contorno], colores[fondo]):.2f}"
        for contorno, fondo in PARES_DE_CONTORNO
        if razon_de_contraste(colores[contorno], colores[fondo]) < MINIMO_CONTORNO
    ]
    assert faltan == []


def test_cada_color_de_cada_tema_se_mide_en_algun_par() -> None:
    medidos = {rol for par in (*PARES_DE_TEXTO, *PARES_DE_CONTORNO) for rol in par}
    for clave in TEMAS:
        assert set(cargar_paleta(clave).colores) <= medidos, clave


@pytest.mark.parametrize("clave", TEMAS)
def test_el_anillo_de_foco_mide_2_px_o_3_en_alto_contraste(clave: str, tmp_path: Path) -> None:
    paleta = cargar_paleta(clave)
    assert paleta.grosor_foco >= (3 if paleta.alto_contraste else 2)
    hoja = hoja_de_estilo(paleta, 100, escribir_iconos(paleta, tmp_path))
    assert f"border: {paleta.grosor_foco}px solid {paleta.colores['foco']};" in hoja
    assert paleta.colores["texto_sobre_acento"] in (tmp_path / f"{clave}-marca.svg").read_text()
    assert "QPushButton:focus" in hoja and "QCheckBox:focus" in hoja and "QLineEdit:focus" in hoja
