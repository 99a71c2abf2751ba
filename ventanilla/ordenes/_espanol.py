"""Lo que argparse dice de la orden `ventanilla` y de sus subórdenes, en español.

argparse arma cada texto que muestra (encabezados de la ayuda, la línea de uso, los errores)
pasando el texto inglés por `gettext`. En vez de reescribir la salida ya armada, aquí se le da
un catálogo español: `CatalogoArgparse`, una `gettext.NullTranslations` con un diccionario de
esos textos tal como los escriben las versiones de Python de la 3.11 a la 3.14 (cambian un poco
entre versiones; las pruebas exigen que no falte ninguno de los de la versión en uso). Es un
diccionario y no un `.po` compilado a `.mo`: no hay paso de compilación ni archivo de datos que
empaquetar, y el español no depende del idioma configurado en el equipo (LANG).

argparse busca `_` y `ngettext` en su propio módulo cada vez que arma un texto. `ParserEnEspanol`
pone allí el catálogo solo mientras construye el parser, analiza los argumentos o arma la ayuda,
y deja después lo que había: fuera de la orden `ventanilla` argparse sigue como estaba. Además:

- un error de argumentos sale como los demás errores del programa (`fallar`): `ventanilla: ...`
  en la salida de errores, luego la línea de uso y cómo pedir la ayuda, con código 2;
- un número mal escrito se explica en palabras («no es un número entero»): argparse solo sabría
  nombrar el tipo de Python (`int`), así que el parser registra para `int` y `float` conversores
  que lo dicen ellos mismos.
"""

from __future__ import annotations

import argparse
import gettext
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from ventanilla.ordenes._comun import fallar

__all__ = ["MENSAJES", "PLURALES", "TIPOS", "CatalogoArgparse", "ParserEnEspanol", "argparse_en_espanol"]

MENSAJES = {
    # Ayuda
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "subcommands": "subórdenes",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (por defecto: %(default)s)",
    "show this help message and exit": "mostrar esta ayuda y salir",
    "show program's version number and exit": "mostrar la versión del programa y salir",
    # Errores y avisos de quien escribe la orden
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: aviso: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "falta indicar: %s.",
    "one of the arguments %s is required": "hay que indicar uno de estos argumentos: %s.",
    "not allowed with argument %s": "no se puede usar junto con el argumento %s.",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s.",
    "ambiguous option: %(option)s could match %(matches)s":
        "la opción %(option)s es ambigua: puede ser %(matches)s.",
    "unexpected option string: %s": "opción inesperada: %s.",
    "ignored explicit argument %r": "esta opción no lleva valor y se le dio «%s».",
    "expected one argument": "le falta su valor.",
    "expected at most one argument": "admite a lo sumo un valor.",
    "expected at least one argument": "necesita al menos un valor.",
    "invalid %(type)s value: %(value)r": "«%(value)s» no es un valor válido de tipo %(type)s.",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "«%(value)s» no es válido; elija uno de: %(choices)s.",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "«%(value)s» no es válido; ¿quiso decir «%(closest)s»? Elija uno de: %(choices)s.",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "la suborden «%(parser_name)s» no existe; elija una de: %(choices)s.",
    "can't open '%(filename)s': %(error)s": "no se pudo abrir «%(filename)s»: %(error)s",
    "command '%(parser_name)s' is deprecated": "la suborden «%(parser_name)s» está en desuso.",
    "option '%(option)s' is deprecated": "la opción «%(option)s» está en desuso.",
    "argument '%(argument_name)s' is deprecated": "el argumento «%(argument_name)s» está en desuso.",
    # Errores de quien arma el parser (en 3.14 ya no pasan por gettext)
    "%r is not callable": "%r no es una función.",
    "'required' is an invalid argument for positionals":
        "«required» no vale para los argumentos posicionales.",
    ".__call__() not defined": ".__call__() no está definido.",
    'argument "-" with mode %r': "el argumento «-» no admite el modo %r.",
    "cannot have multiple subparser arguments": "no puede haber dos grupos de subórdenes.",
    "cannot merge actions - two groups are named %r":
        "no se pueden unir las acciones: hay dos grupos llamados %r.",
    "conflicting subparser: %s": "suborden repetida: %s.",
    "conflicting subparser alias: %s": "alias de suborden repetido: %s.",
    "dest= is required for options like %r": "una opción como %r necesita dest=.",
    "invalid conflict_resolution value: %r": "valor de conflict_resolution no válido: %r.",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "la opción %(option)r no es válida: debe empezar por uno de %(prefix_chars)r.",
    "mutually exclusive arguments must be optional":
        "los argumentos que se excluyen entre sí tienen que ser opcionales.",
}
"""Cada texto de argparse (la clave, en inglés) con su traducción."""

PLURALES = {
    "expected %s argument": ("necesita %s valor.", "necesita %s valores."),
    "conflicting option string: %s": ("opción repetida: %s.", "opciones repetidas: %s."),
}
"""Los textos de argparse con forma singular y plural (`ngettext`), por su forma singular."""

TIPOS = {int: "un número entero", float: "un número"}
"""Los tipos de valor que se explican en palabras, en lugar del nombre del tipo de Python."""


class CatalogoArgparse(gettext.NullTranslations):
    """Las traducciones de `MENSAJES` y `PLURALES`; lo que no conoce lo deja como venía."""

    def gettext(self, message: str) -> str:
        if message in MENSAJES:
            return MENSAJES[message]
        return super().gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if msgid1 not in PLURALES:
            return super().ngettext(msgid1, msgid2, n)
        singular, plural = PLURALES[msgid1]
        return singular if n == 1 else plural


_CATALOGO = CatalogoArgparse()
_CERROJO = threading.RLock()


@contextmanager
def argparse_en_espanol() -> Iterator[None]:
    """Mientras dura, argparse arma sus textos con el catálogo español; al salir, como estaba.

    Se puede anidar (un subparser analiza dentro de su parser). El cerrojo evita que dos hilos
    que usan `ParserEnEspanol` a la vez se pisen al poner y devolver las funciones de argparse;
    un parser corriente que otro hilo use justo en ese momento también hablaría en español.
    """
    modulo = vars(argparse)
    with _CERROJO:
        anteriores = {"_": modulo["_"], "ngettext": modulo["ngettext"]}
        modulo.update(_=_CATALOGO.gettext, ngettext=_CATALOGO.ngettext)
        try:
            yield
        finally:
            modulo.update(anteriores)


def _conversor(tipo: Callable[[str], Any], descripcion: str) -> Callable[[str], Any]:
    """`tipo` con un error que dice en palabras qué se esperaba."""

    def convertir(texto: str) -> Any:
        try:
            return tipo(texto)
        except ValueError:
            raise argparse.ArgumentTypeError(f"«{texto}» no es {descripcion}.") from None

    return convertir


class ParserEnEspanol(argparse.ArgumentParser):
    """Un `ArgumentParser` que habla en español; sus subparsers son de la misma clase."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with argparse_en_espanol():
            super().__init__(*args, **kwargs)
        for tipo, descripcion in TIPOS.items():
            self.register("type", tipo, _conversor(tipo, descripcion))

    def parse_args(self, args: Iterable[str] | None = None, namespace: Any = None) -> Any:
        with argparse_en_espanol():
            return super().parse_args(args, namespace)

    def parse_known_args(
        self, args: Iterable[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        with argparse_en_espanol():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_en_espanol():
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_en_espanol():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        lineas = [message, self.format_usage().rstrip("\n")]
        if self.add_help:
            lineas.append(f"Para ver la ayuda: {self.prog} --help")
        fallar("\n".join(lineas))
