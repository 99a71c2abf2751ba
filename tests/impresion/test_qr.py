"""El QR propio da la misma matriz que la librería qrcode (máscara de menor penalización incluida)."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
import qrcode.constants
import qrcode.util

from ventanilla.impresion.qr import matriz_qr, penalizacion


def _de_qrcode(valor: str) -> tuple[tuple[bool, ...], ...]:
    codigo = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    codigo.add_data(valor)
    codigo.make(fit=True)
    return tuple(tuple(bool(m) for m in fila) for fila in codigo.modules)


@pytest.mark.parametrize("lado", [21, 25, 33, 45])
def test_penalizacion_igual_a_la_de_qrcode(lado: int) -> None:
    azar = random.Random(lado)
    for _ in range(15):
        densidad = azar.random()
        matriz = [[azar.random() < densidad for _ in range(lado)] for _ in range(lado)]
        filas = [int("".join("1" if m else "0" for m in fila), 2) for fila in matriz]
        assert penalizacion(filas, lado) == qrcode.util.lost_point(matriz)


def test_misma_matriz_que_qrcode_en_todas_las_versiones_de_uso() -> None:
    azar = random.Random(7)
    alfabeto = string.ascii_letters + string.digits + "-/?=:.ñÁ"
    valores = ["A-023", "MZL-VU01-2026-000123", "https://www.manizales.gov.co/consulta?radicado=MZL-VU01-2026-000123"]
    valores += ["".join(azar.choice(alfabeto) for _ in range(n)) for n in (1, 9, 30, 55, 90, 140, 230)]
    versiones = set()
    for valor in valores:
        esperado = _de_qrcode(valor)
        versiones.add((len(esperado) - 17) // 4)
        assert matriz_qr(valor) == esperado, valor
    assert max(versiones) >= 7 and min(versiones) == 1
