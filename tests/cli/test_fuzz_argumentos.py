"""Hypothesis arma listas de argumentos para `ventanilla`: la ayuda y los errores, siempre en español.

Las subórdenes no se ejecutan (abrirían ventanas, servidores o el almacén): se prueba lo que
argparse dice de los argumentos, no lo que hace cada suborden con ellos.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil

import pytest
from apoyo_argparse import INGLES_DE_ARGPARSE, correr
from hypothesis import given, settings
from hypothesis import strategies as st

from ventanilla import ordenes
from ventanilla.cli import construir_parser

TEXTO_SIN_INGLES = st.text(alphabet="0123456789áéíóúñÑü -_=.,:/«»", max_size=12)
"""Lo que un funcionario podría escribir, sin letras con que se forme una palabra inglesa."""


def _parsers(parser: argparse.ArgumentParser, ruta: tuple[str, ...] = ()) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Cada parser del árbol (el de `ventanilla`, el de cada suborden y sus acciones), por su ruta;
    argparse no expone sus acciones, así que se leen de `_actions`."""
    encontrados = {ruta: parser}
    for accion in parser._actions:
        if isinstance(accion, argparse._SubParsersAction):
            for nombre, subparser in accion.choices.items():
                encontrados |= _parsers(subparser, (*ruta, nombre))
    return encontrados


def _argumentos_de(parser: argparse.ArgumentParser) -> st.SearchStrategy[str]:
    """Un argumento para `parser`: una de sus opciones (entera, abreviada o con `=valor`), uno de
    sus valores posibles, un número o un texto cualquiera."""
    opciones = sorted(opcion for accion in parser._actions for opcion in accion.option_strings)
    valores = sorted(str(valor) for accion in parser._actions for valor in accion.choices or ())
    return st.one_of(
        st.sampled_from(opciones),
        st.sampled_from(opciones).flatmap(lambda opcion: st.integers(2, len(opcion)).map(lambda n: opcion[:n])),
        st.builds(lambda opcion, valor: f"{opcion}={valor}", st.sampled_from(opciones), TEXTO_SIN_INGLES),
        *([st.sampled_from(valores)] if valores else []),
        st.integers(-5, 100_000).map(str),
        TEXTO_SIN_INGLES,
    )


ARGUMENTOS_POR_RUTA = {ruta: _argumentos_de(parser) for ruta, parser in _parsers(construir_parser()).items()}


@st.composite
def listas_de_argumentos(draw: st.DrawFn) -> list[str]:
    """La ruta hasta un parser (a veces ninguna) seguida de argumentos pensados para él."""
    ruta = draw(st.sampled_from(sorted(ARGUMENTOS_POR_RUTA)))
    return [*ruta, *draw(st.lists(ARGUMENTOS_POR_RUTA[ruta], max_size=6))]


@pytest.fixture
def subordenes_sin_ejecutar(monkeypatch: pytest.MonkeyPatch) -> None:
    for modulo in pkgutil.iter_modules(ordenes.__path__):
        if not modulo.name.startswith("_"):
            monkeypatch.setattr(importlib.import_module(f"ventanilla.ordenes.{modulo.name}"), "ejecutar", lambda _args: 0)
    monkeypatch.setattr("ventanilla.ordenes.app.abrir_aplicacion", lambda _argv: 0)


@pytest.mark.usefixtures("subordenes_sin_ejecutar")
def test_argumentos_cualquiera() -> None:
    @settings(max_examples=300, deadline=None)
    @given(listas_de_argumentos())
    def probar(argumentos: list[str]) -> None:
        codigo, salida, errores = correr(argumentos)
        assert codigo in (0, 2), (argumentos, codigo, errores)
        if codigo == 2:
            assert salida == ""
            assert errores.startswith("ventanilla: ") and "\nuso: ventanilla" in errores, errores
            assert not INGLES_DE_ARGPARSE.search(errores), f"{argumentos!r} → {errores!r}"
        else:
            assert errores == ""
            assert not INGLES_DE_ARGPARSE.search(salida), f"{argumentos!r} → {salida!r}"

    probar()
