"""Documentos (formatos y dígito de verificación del NIT) y plantillas de radicado."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ventanilla.dominio.documentos import DocumentoInvalido, digito_verificacion_nit, normalizar_documento
from ventanilla.dominio.radicados import (
    PLANTILLA_CARTAGENA,
    PLANTILLA_ORFEO,
    PLANTILLA_POR_DEFECTO,
    Plantilla,
    PlantillaInvalida,
    validar_serie,
)


@pytest.mark.parametrize(("nit", "dv"), [("890801053", 7), ("800197268", 4), ("899999034", 1), ("860034313", 7)])
def test_digito_de_verificacion_de_nits_conocidos(nit: str, dv: int) -> None:
    assert digito_verificacion_nit(nit) == dv


def test_nit_con_digito_equivocado_dice_cual_es() -> None:
    with pytest.raises(DocumentoInvalido, match="El dígito de verificación del NIT 890801053 es 7, no 5."):
        normalizar_documento("NIT", "890801053-5")


def test_nit_se_normaliza_con_su_digito() -> None:
    assert normalizar_documento("NIT", "890.801.053") == "890801053-7"
    assert normalizar_documento("NIT", "890801053-7") == "890801053-7"


@settings(max_examples=300)
@given(base=st.text(alphabet="0123456789", min_size=6, max_size=15), otro=st.integers(min_value=0, max_value=9))
def test_solo_el_digito_correcto_se_acepta(base: str, otro: int) -> None:
    correcto = digito_verificacion_nit(base)
    assert normalizar_documento("NIT", f"{base}-{correcto}") == f"{base}-{correcto}"
    if otro != correcto:
        with pytest.raises(DocumentoInvalido):
            normalizar_documento("NIT", f"{base}-{otro}")


@pytest.mark.parametrize(
    ("tipo", "numero", "limpio"),
    [("CC", "75.071.234", "75071234"), ("TI", "1053123456", "1053123456"), ("PA", "ab12345", "AB12345"), ("CE", "123456", "123456")],
)
def test_formatos_validos(tipo: str, numero: str, limpio: str) -> None:
    assert normalizar_documento(tipo, numero) == limpio


@pytest.mark.parametrize(
    ("tipo", "numero", "mensaje"),
    [
        ("CC", "12", "de 3 a 10 dígitos"),
        ("CC", "75O71234", "no es válido para cédula de ciudadanía"),
        ("TI", "123", "de 10 u 11 dígitos"),
        ("CC", "", "Escriba el número"),
        ("SIA", "123", "no lleva número"),
        ("XX", "123", "no existe"),
    ],
)
def test_formatos_invalidos_con_mensaje(tipo: str, numero: str, mensaje: str) -> None:
    with pytest.raises(DocumentoInvalido, match=mensaje):
        normalizar_documento(tipo, numero)


def test_sin_identificacion_no_lleva_numero() -> None:
    assert normalizar_documento("SIM", "") is None


def test_plantillas_de_ejemplo() -> None:
    assert Plantilla(PLANTILLA_POR_DEFECTO).formatear(entidad="MZL", serie="VU01", serie_num=100, anio=2026, consecutivo=123) == "MZL-VU01-2026-000123"
    assert Plantilla(PLANTILLA_CARTAGENA).formatear(entidad="AMC", serie="OFI", serie_num=1, anio=2025, consecutivo=69131) == "AMC-OFI-0069131-2025"
    orfeo = Plantilla(PLANTILLA_ORFEO).formatear(entidad="MZL", serie="VU01", serie_num=100, anio=2026, consecutivo=123)
    assert orfeo == "20261000001232"
    assert len(orfeo) == 14


@pytest.mark.parametrize(
    ("texto", "falta"),
    [
        ("{entidad}-{año}-{consecutivo:06d}", "la serie"),
        ("{entidad}-{serie}-{consecutivo:06d}", "el año"),
        ("{entidad}-{serie}-{año}", "el consecutivo"),
        ("RAD-{consecutivo}", "la serie ({serie} o {serie_num}) y el año"),
    ],
)
def test_plantilla_sin_serie_anio_o_consecutivo_se_rechaza(texto: str, falta: str) -> None:
    with pytest.raises(PlantillaInvalida, match=f"debe contener {falta}".replace("(", r"\(").replace(")", r"\)").replace("{", r"\{").replace("}", r"\}")):
        Plantilla(texto)


@pytest.mark.parametrize("texto", ["{entidad}-{serie}-{año}-{consecutivo:06d", "{serie}-{año}-{consecutivo}-{dependencia}", "{serie}-{año:zz}-{consecutivo}"])
def test_plantilla_mal_escrita_se_rechaza(texto: str) -> None:
    with pytest.raises(PlantillaInvalida):
        Plantilla(texto)


@settings(max_examples=300)
@given(
    a=st.tuples(st.sampled_from(["VU01", "VU02", "BRIG1"]), st.integers(2025, 2027), st.integers(1, 999_999)),
    b=st.tuples(st.sampled_from(["VU01", "VU02", "BRIG1"]), st.integers(2025, 2027), st.integers(1, 999_999)),
)
def test_numeros_distintos_para_puntos_anios_o_consecutivos_distintos(a: tuple[str, int, int], b: tuple[str, int, int]) -> None:
    plantilla = Plantilla(PLANTILLA_POR_DEFECTO)
    ra = plantilla.formatear(entidad="MZL", serie=a[0], serie_num=1, anio=a[1], consecutivo=a[2])
    rb = plantilla.formatear(entidad="MZL", serie=b[0], serie_num=1, anio=b[1], consecutivo=b[2])
    assert (ra == rb) == (a == b)


def test_serie_valida() -> None:
    assert validar_serie(" vu01 ") == "VU01"
    with pytest.raises(ValueError, match="no es válida"):
        validar_serie("VU-01")
