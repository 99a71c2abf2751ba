"""Imprimir desde el almacén: datos de la ficha, copia en la reimpresión, evento y la orden `ventanilla imprimir`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ventanilla.cli import main
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.servicios import tramite
from ventanilla.servicios.consultas import ficha
from ventanilla.servicios.errores import AccionNoPermitida, NoEncontrado, PermisoDenegado
from ventanilla.servicios.impresion import entregar, imprimir, preparar
from ventanilla.servicios.radicacion import radicar

AHORA = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
LUEGO = datetime(2026, 11, 24, 13, 5, tzinfo=UTC)


@pytest.fixture
def radicado(almacen: Almacen, solicitud_valida: dict[str, Any]) -> str:
    with almacen.escribir() as sesion:
        sesion.add(Usuario(login="funcionaria", nombre="Luz Marina Ospina", roles=["funcionario"],
                           clave_hash=None, activo=True))
    return radicar(almacen, solicitud_valida, usuario="funcionaria", ahora=AHORA).radicado


def _impresiones(almacen: Almacen, radicado: str) -> list[dict[str, Any]]:
    return [dict(e.datos) for e in ficha(almacen, radicado).eventos if e.tipo == "documento.impreso"]


def test_constancia_desde_el_almacen_y_su_copia(
    almacen: Almacen, radicado: str, tmp_path: Path, texto_pdf: Callable[[bytes], str]
) -> None:
    primera = imprimir(almacen, radicado, "constancia", "funcionaria", salida=tmp_path / "c1.pdf", ahora=AHORA)
    assert primera.copia is False and primera.destino == str(tmp_path / "c1.pdf")
    texto = texto_pdf((tmp_path / "c1.pdf").read_bytes())
    for campo in (radicado, "María Gómez Ñáñez", "Cédula de ciudadanía 75071234",
                  "Solicitud de poda de árbol en el andén", "Medio Ambiente", "Luz Marina Ospina",
                  "Alcaldía de Manizales", "NIT 890801053-7", "Petición de interés general o particular"):
        assert campo in texto, campo
    assert "COPIA" not in texto
    segunda = imprimir(almacen, radicado, "constancia", "funcionaria", salida=tmp_path / "c2.pdf", ahora=LUEGO)
    assert segunda.copia is True
    assert "COPIA · reimpresa el 24 de noviembre de 2026, 8:05 a. m." in texto_pdf((tmp_path / "c2.pdf").read_bytes())
    rotulo = imprimir(almacen, radicado, "sticker", "funcionaria", salida=tmp_path / "s.pdf", ahora=LUEGO)
    assert rotulo.copia is False
    assert [(d["documento"], d["copia"], d["medio"]) for d in _impresiones(almacen, radicado)] == [
        ("constancia", False, "archivo"), ("constancia", True, "archivo"), ("sticker", False, "archivo"),
    ]


def test_lo_que_se_ve_en_la_vista_previa_es_lo_que_se_imprime(
    almacen: Almacen, radicado: str, tmp_path: Path, texto_pdf: Callable[[bytes], str]
) -> None:
    preparado = preparar(almacen, radicado, "recibo", ahora=AHORA)
    assert preparado.copia is False
    entregar(almacen, preparado, "funcionaria", salida=tmp_path / "r1.pdf", ahora=AHORA)
    assert (tmp_path / "r1.pdf").read_bytes() == preparado.pdf
    # El mismo documento preparado, entregado otra vez: ya no es original.
    otra = entregar(almacen, preparado, "funcionaria", salida=tmp_path / "r2.pdf", ahora=LUEGO)
    assert otra.copia is True
    assert "COPIA · 24 de noviembre de 2026, 8:05 a. m." in texto_pdf((tmp_path / "r2.pdf").read_bytes())
    assert preparar(almacen, radicado, "recibo").copia is True
    assert [d["copia"] for d in _impresiones(almacen, radicado)] == [False, True]


def test_anulacion_solo_de_un_radicado_anulado(
    almacen: Almacen, radicado: str, tmp_path: Path, texto_pdf: Callable[[bytes], str],
    leer_codigos: Callable[[bytes], list[str]],
) -> None:
    with pytest.raises(AccionNoPermitida, match="no está anulado"):
        imprimir(almacen, radicado, "anulacion", "funcionaria", salida=tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()
    assert _impresiones(almacen, radicado) == []
    tramite.solicitar_anulacion(almacen, radicado, "Se radicó dos veces la misma carta", usuario="funcionaria", ahora=AHORA)
    tramite.resolver_anulacion(almacen, radicado, True, "Duplicado verificado", usuario="admin", ahora=LUEGO)
    imprimir(almacen, radicado, "anulacion", "funcionaria", salida=tmp_path / "a.pdf")
    pdf = (tmp_path / "a.pdf").read_bytes()
    texto = texto_pdf(pdf)
    assert "Se radicó dos veces la misma carta" in texto and "Luz Marina Ospina" in texto
    assert "Anulado el 24 de noviembre de 2026, 8:05 a. m." in texto
    assert f"CODE-128:{radicado}" in leer_codigos(pdf)


def test_errores_sin_evento(almacen: Almacen, radicado: str, tmp_path: Path) -> None:
    with pytest.raises(NoEncontrado):
        imprimir(almacen, "MZL-VU01-2026-999999", "constancia", "funcionaria", salida=tmp_path / "x.pdf")
    with pytest.raises(PermisoDenegado):
        imprimir(almacen, radicado, "constancia", "nadie", salida=tmp_path / "x.pdf")
    with pytest.raises(AccionNoPermitida, match="no existe"):
        imprimir(almacen, radicado, "factura", "funcionaria", salida=tmp_path / "x.pdf")
    with pytest.raises(AccionNoPermitida, match="Diga dónde"):
        imprimir(almacen, radicado, "constancia", "funcionaria")
    assert _impresiones(almacen, radicado) == []


@pytest.mark.lento
def test_a_una_impresora_real(almacen: Almacen, radicado: str, cups: Any, qapp: Any,
                              leer_codigos: Callable[[bytes], list[str]]) -> None:
    previos = set(cups.salida.glob("*.pdf"))
    resultado = imprimir(almacen, radicado, "recibo", "funcionaria", impresora=cups.impresora)
    assert resultado.destino == cups.impresora
    assert f"CODE-128:{radicado}" in leer_codigos(cups.esperar_pdf(previos).read_bytes())
    assert _impresiones(almacen, radicado)[-1]["impresora"] == cups.impresora


def test_orden_imprimir(
    almacen: Almacen, radicado: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("VENTANILLA_USUARIO", "funcionaria")
    salida = tmp_path / "c.pdf"
    assert main(["imprimir", radicado, "--documento", "constancia", "--salida", str(salida)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "radicado": radicado, "documento": "constancia", "copia": False, "destino": str(salida),
    }
    assert salida.read_bytes().startswith(b"%PDF")
    with pytest.raises(SystemExit) as salida_con_error:
        main(["imprimir", "MZL-VU01-2026-999999", "--documento", "sticker", "--salida", str(tmp_path / "s.pdf")])
    assert salida_con_error.value.code == 2
    error = capsys.readouterr().err
    assert "No hay ninguna solicitud con el radicado «MZL-VU01-2026-999999»" in error
    assert "Traceback" not in error
    assert [d["documento"] for d in _impresiones(almacen, radicado)] == ["constancia"]
