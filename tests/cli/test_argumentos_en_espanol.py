"""La ayuda y los errores de argumentos de `ventanilla` (y de cada suborden) salen en español."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from apoyo_argparse import INGLES_DE_ARGPARSE, correr

from ventanilla import __version__
from ventanilla.ordenes._espanol import MENSAJES, PLURALES, CatalogoArgparse, ParserEnEspanol


def _exigir_error_en_espanol(codigo: int, salida: str, errores: str) -> None:
    assert codigo == 2, errores
    assert salida == ""
    assert errores.startswith("ventanilla: "), errores
    assert "\nuso: ventanilla" in errores
    assert not INGLES_DE_ARGPARSE.search(errores), errores


@pytest.mark.parametrize(
    ("argumentos", "esperado"),
    [
        (["vencimiento", "--recibido", "2026-11-23T10:00"], "ventanilla: falta indicar: --tipo."),
        (["buscar"], "ventanilla: falta indicar: texto."),
        (["jornada"], "ventanilla: falta indicar: ACCIÓN."),
        (["servidor", "crear-usuario", "--login", "ana"], "ventanilla: falta indicar: --nombre."),
        (["buscar", "Gómez", "--orden", "fecha"], "ventanilla: argumentos no reconocidos: --orden fecha."),
        (["--nada"], "ventanilla: argumentos no reconocidos: --nada."),
        (["buscar", "Gómez", "--limite", "diez"], "ventanilla: argumento --limite: «diez» no es un número entero."),
        (["servidor", "--puerto", "8o"], "ventanilla: argumento --puerto: «8o» no es un número entero."),
        (["imprimir", "2026-1", "--documento", "postal"], "ventanilla: argumento --documento: «postal» no es válido; elija uno de:"),
        (["jornada", "seguimiento", "c1", "--estado", "listo"], "ventanilla: argumento --estado: «listo» no es válido;"),
        (["tramitar"], "ventanilla: argumento ORDEN: «tramitar» no es válido; elija uno de:"),
        (["habeas", "borrar"], "ventanilla: argumento ACCION: «borrar» no es válido;"),
        (["jornada", "crear", "--fecha"], "ventanilla: argumento --fecha: le falta su valor."),
        (["sync", "--silencio=sí"], "ventanilla: argumento --silencio: esta opción no lleva valor y se le dio «sí»."),
        (["display", "--s"], "ventanilla: la opción --s es ambigua: puede ser"),
        (
            ["imprimir", "2026-1", "--documento", "recibo", "--salida", "r.pdf", "--impresora", "caja"],
            "ventanilla: argumento --impresora: no se puede usar junto con el argumento --salida.",
        ),
    ],
)
def test_errores_de_argumentos(argumentos: list[str], esperado: str) -> None:
    codigo, salida, errores = correr(argumentos)
    _exigir_error_en_espanol(codigo, salida, errores)
    assert errores.startswith(esperado), errores


def test_el_error_muestra_el_uso_de_la_suborden_y_como_pedir_ayuda() -> None:
    _codigo, _salida, errores = correr(["jornada", "crear", "--nombre", "Brigada"])
    assert errores.splitlines()[0] == "ventanilla: falta indicar: --fecha, --lugar, --comuna, --dependencias, --servicios."
    assert errores.splitlines()[1].startswith("uso: ventanilla jornada crear [-h]")
    assert errores.splitlines()[-1] == "Para ver la ayuda: ventanilla jornada crear --help"


@pytest.mark.parametrize(
    ("argumentos", "encabezados"),
    [
        (["--help"], ["uso: ventanilla [-h] [--version] ORDEN ...", "argumentos:", "opciones:"]),
        (["servidor", "--help"], ["uso: ventanilla servidor [-h]", "argumentos:", "crear-usuario", "opciones:"]),
        (["jornada", "-h"], ["uso: ventanilla jornada [-h]", "argumentos:", "ACCIÓN", "asistencia", "opciones:"]),
        (["habeas", "--help"], ["uso: ventanilla habeas [-h] ACCION ...", "argumentos:", "anonimizar", "opciones:"]),
        (["informe", "--help"], ["uso: ventanilla informe [-h]", "argumentos:", "opciones:"]),
        (["jornada", "crear", "--help"], ["uso: ventanilla jornada crear [-h]", "opciones:"]),
    ],
)
def test_ayuda_en_espanol(argumentos: list[str], encabezados: list[str]) -> None:
    codigo, salida, errores = correr(argumentos)
    assert (codigo, errores) == (0, "")
    assert all(encabezado in salida for encabezado in encabezados), salida
    assert "-h, --help" in salida and "mostrar esta ayuda y salir" in salida
    assert not INGLES_DE_ARGPARSE.search(salida), salida


def test_version() -> None:
    assert "mostrar la versión del programa y salir" in correr(["--help"])[1]
    assert correr(["--version"]) == (0, f"ventanilla {__version__}\n", "")


def _ventanilla(tmp_path: Path, *argumentos: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ventanilla.cli", *argumentos],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "VENTANILLA_DATOS": str(tmp_path / "equipo")},
        timeout=120,
    )


def test_en_un_proceso_aparte(tmp_path: Path) -> None:
    error = _ventanilla(tmp_path, "buscar", "Gómez", "--limite", "diez")
    _exigir_error_en_espanol(error.returncode, error.stdout, error.stderr)
    assert error.stderr.startswith("ventanilla: argumento --limite: «diez» no es un número entero.\n")
    ayuda = _ventanilla(tmp_path, "servidor", "--help")
    assert ayuda.returncode == 0, ayuda.stderr
    assert ayuda.stdout.startswith("uso: ventanilla servidor") and "opciones:" in ayuda.stdout
    assert not INGLES_DE_ARGPARSE.search(ayuda.stdout)


def test_plurales() -> None:
    catalogo = CatalogoArgparse()
    assert catalogo.ngettext("expected %s argument", "expected %s arguments", 1) % 1 == "necesita 1 valor."
    assert catalogo.ngettext("expected %s argument", "expected %s arguments", 2) % 2 == "necesita 2 valores."
    assert catalogo.ngettext("sin traducir", "sin traducir (plural)", 2) == "sin traducir (plural)"


def test_plural_en_un_error_real(capsys: pytest.CaptureFixture[str]) -> None:
    parser = ParserEnEspanol(prog="ventanilla prueba")
    parser.add_argument("--rango", nargs=2)
    with pytest.raises(SystemExit) as salida:
        parser.parse_args(["--rango", "1"])
    assert salida.value.code == 2
    assert capsys.readouterr().err.startswith("ventanilla: argumento --rango: necesita 2 valores.\n")


def _textos_de_argparse() -> set[str]:
    """Lo que el argparse de este Python pasa por `_()` o `ngettext()` (la forma singular)."""
    arbol = ast.parse(inspect.getsource(argparse))
    return {
        nodo.args[0].value
        for nodo in ast.walk(arbol)
        if isinstance(nodo, ast.Call) and isinstance(nodo.func, ast.Name) and nodo.func.id in ("_", "ngettext")
        and nodo.args and isinstance(nodo.args[0], ast.Constant) and isinstance(nodo.args[0].value, str)
    }


def test_el_catalogo_cubre_el_argparse_de_este_python() -> None:
    textos = _textos_de_argparse()
    assert "usage: " in textos and "expected %s argument" in textos
    assert sorted(textos - MENSAJES.keys() - PLURALES.keys()) == []


def test_fuera_de_ventanilla_argparse_sigue_como_estaba() -> None:
    correr(["buscar", "--limite", "diez", "x"])
    ajeno = argparse.ArgumentParser(prog="otra")
    assert ajeno.format_help().startswith("usage: otra [-h]")
    assert "show this help message and exit" in ajeno.format_help()
