"""La entrada de escritorio y los iconos existen y dicen lo que el escritorio necesita."""

from __future__ import annotations

import configparser
import struct

from tests.instaladores.conftest import RAIZ

INSTALADORES = RAIZ / "instaladores"


def test_la_entrada_de_escritorio_abre_la_aplicacion_con_su_icono() -> None:
    entrada = configparser.ConfigParser(interpolation=None)
    entrada.optionxform = str  # type: ignore[assignment,method-assign]
    entrada.read(INSTALADORES / "linux" / "ventanilla.desktop", encoding="utf-8")
    seccion = entrada["Desktop Entry"]
    assert seccion["Type"] == "Application"
    assert seccion["Exec"] == "ventanilla" and seccion["Icon"] == "ventanilla"
    assert seccion["Terminal"] == "false"
    assert seccion["Categories"].endswith(";")


def test_los_iconos_son_png_de_256_e_ico_con_varios_tamanos() -> None:
    png = (INSTALADORES / "linux" / "ventanilla.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (INSTALADORES / "windows" / "ventanilla.ico").read_bytes()
    reservado, tipo, cuantos = struct.unpack("<HHH", ico[:6])
    assert (reservado, tipo) == (0, 1) and cuantos >= 4


def test_el_instalador_de_windows_conserva_los_datos_al_actualizar() -> None:
    script = (INSTALADORES / "windows" / "ventanilla.iss").read_text(encoding="utf-8")
    assert "AppId={{" in script, "un AppId fijo hace que la versión nueva reemplace a la anterior"
    assert "[UninstallDelete]" not in script, "desinstalar no borra los datos del equipo"
    assert 'Source: "..\\..\\dist\\ventanilla\\*"' in script
