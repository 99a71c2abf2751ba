"""Cada documento, a 300 ppp, se deja leer por zbarimg: el Code 128 y el QR dan el radicado."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.impresion import constancia, constancia_anulacion, recibo, sticker, ticket_turno
from ventanilla.impresion.muestras import (
    anulacion_de_muestra,
    radicado_de_muestra,
    turno_de_muestra,
)

RADICADO = "MZL-VU01-2026-000123"
CONSULTA = f"https://www.manizales.gov.co/pqrsd/consulta?radicado={RADICADO}"
COPIA = datetime(2026, 11, 24, 8, 5, tzinfo=BOGOTA)

DOCUMENTOS: dict[str, Callable[[], bytes]] = {
    "constancia carta": lambda: constancia(radicado_de_muestra()),
    "constancia A4 copia": lambda: constancia(radicado_de_muestra(), "a4", copia=COPIA),
    "constancia letra grande": lambda: constancia(radicado_de_muestra(), letra_grande=True),
    "recibo 80 mm": lambda: recibo(radicado_de_muestra(), copia=COPIA),
    "sticker 100 x 50": lambda: sticker(radicado_de_muestra()),
    "sticker mínimo copia": lambda: sticker(radicado_de_muestra(), 60, 30, copia=COPIA),
}


@pytest.mark.parametrize("nombre", DOCUMENTOS)
def test_code128_y_qr_del_radicado(nombre: str, leer_codigos: Callable[..., list[str]]) -> None:
    # Los códigos van en la primera hoja; la letra grande ocupa tres y no hace falta leerlas todas.
    leidos = leer_codigos(DOCUMENTOS[nombre](), paginas=1)
    assert f"CODE-128:{RADICADO}" in leidos
    qr = [valor.removeprefix("QR-Code:") for valor in leidos if valor.startswith("QR-Code:")]
    assert qr and all(RADICADO in valor for valor in qr)
    if nombre.startswith("sticker"):
        assert qr == [RADICADO]
    else:
        assert qr == [CONSULTA]


def test_sin_direccion_de_consulta_el_qr_lleva_el_radicado(
    leer_codigos: Callable[..., list[str]],
) -> None:
    import dataclasses

    from ventanilla.impresion.muestras import ENTIDAD

    entidad = dataclasses.replace(ENTIDAD, url_consulta="")
    leidos = leer_codigos(constancia(radicado_de_muestra(entidad=entidad)))
    assert sorted(leidos) == sorted([f"CODE-128:{RADICADO}", f"QR-Code:{RADICADO}"])


def test_constancia_de_anulacion(leer_codigos: Callable[..., list[str]]) -> None:
    datos = anulacion_de_muestra()
    leidos = leer_codigos(constancia_anulacion(datos))
    assert sorted(leidos) == sorted([f"CODE-128:{datos.radicado}", f"QR-Code:{datos.radicado}"])


def test_turno_con_qr_de_su_codigo(leer_codigos: Callable[..., list[str]]) -> None:
    assert leer_codigos(ticket_turno(turno_de_muestra())) == ["QR-Code:A-023"]
