"""Alterar, borrar o reordenar un evento en una copia del almacén: `auditoria verificar` lo nombra."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.seguridad.conftest import abrir_crudo, radicar_varias
from ventanilla.cli import main
from ventanilla.datos.almacen import Almacen

Alteracion = Callable[[Any, list[tuple[str, int]]], str]
"""Cambia la copia con SQL directo y devuelve el id del evento que el informe debe nombrar."""


def _alterar_datos(conexion: Any, eventos: list[tuple[str, int]]) -> str:
    id_, _ = eventos[2]
    conexion.execute("UPDATE eventos SET datos = json_set(datos, '$.folios', 99) WHERE id = ?", (id_,))
    return id_


def _alterar_usuario(conexion: Any, eventos: list[tuple[str, int]]) -> str:
    id_, _ = eventos[3]
    conexion.execute("UPDATE eventos SET usuario = 'otro' WHERE id = ?", (id_,))
    return id_


def _borrar(conexion: Any, eventos: list[tuple[str, int]]) -> str:
    borrado, _ = eventos[2]
    conexion.execute("DELETE FROM eventos WHERE id = ?", (borrado,))
    return eventos[3][0]


def _reordenar(conexion: Any, eventos: list[tuple[str, int]]) -> str:
    (a, seq_a), (b, seq_b) = eventos[1], eventos[2]
    conexion.execute("UPDATE eventos SET seq = -1 WHERE id = ?", (a,))
    conexion.execute("UPDATE eventos SET seq = ? WHERE id = ?", (seq_a, b))
    conexion.execute("UPDATE eventos SET seq = ? WHERE id = ?", (seq_b, a))
    return b


def _copia_alterada(almacen: Almacen, solicitud: dict[str, Any], destino: Path, alterar: Alteracion) -> str:
    radicar_varias(almacen, solicitud, 5)
    almacen.cerrar()
    shutil.copytree(almacen.directorio, destino)
    conexion = abrir_crudo(destino)
    try:
        eventos = conexion.execute("SELECT id, seq FROM eventos ORDER BY seq").fetchall()
        return alterar(conexion, eventos)
    finally:
        conexion.close()


def _verificar(directorio: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    monkeypatch.setenv("VENTANILLA_DATOS", str(directorio))
    codigo = main(["auditoria", "verificar", "--json"])
    return codigo, json.loads(capsys.readouterr().out)


def test_un_almacen_sin_tocar_esta_integro(
    almacen: Almacen, solicitud_valida: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    radicar_varias(almacen, solicitud_valida, 3)
    codigo, informe = _verificar(almacen.directorio, monkeypatch, capsys)
    assert (codigo, informe["integro"], informe["eventos_revisados"]) == (0, True, 3)


@pytest.mark.parametrize(
    ("alterar", "tipo"),
    [(_alterar_datos, "alterado"), (_alterar_usuario, "alterado"), (_borrar, "faltante"), (_reordenar, "reordenado")],
)
def test_la_alteracion_se_nombra_por_el_id_del_evento(
    almacen: Almacen,
    solicitud_valida: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    alterar: Alteracion,
    tipo: str,
) -> None:
    copia = tmp_path / "copia"
    esperado = _copia_alterada(almacen, solicitud_valida, copia, alterar)
    codigo, informe = _verificar(copia, monkeypatch, capsys)
    assert codigo == 1 and not informe["integro"]
    primero = informe["problemas"][0]
    assert (primero["tipo"], primero["evento_id"]) == (tipo, esperado)
    assert esperado in primero["detalle"]


def test_borrar_la_ultima_radicacion_no_pasa_inadvertido(
    almacen: Almacen,
    solicitud_valida: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def borrar_ultimo(conexion: Any, eventos: list[tuple[str, int]]) -> str:
        (radicado,) = conexion.execute("SELECT json_extract(datos, '$.radicado') FROM eventos WHERE id = ?", (eventos[-1][0],)).fetchone()
        conexion.execute("DELETE FROM eventos WHERE id = ?", (eventos[-1][0],))
        return str(radicado)

    radicado = _copia_alterada(almacen, solicitud_valida, tmp_path / "copia", borrar_ultimo)
    codigo, informe = _verificar(tmp_path / "copia", monkeypatch, capsys)
    assert codigo == 1
    assert [p["tipo"] for p in informe["problemas"]] == ["sin_evento"]
    assert radicado in informe["problemas"][0]["detalle"]


def test_el_informe_en_texto_dice_que_la_cadena_esta_rota(
    almacen: Almacen,
    solicitud_valida: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    esperado = _copia_alterada(almacen, solicitud_valida, tmp_path / "copia", _alterar_datos)
    monkeypatch.setenv("VENTANILLA_DATOS", str(tmp_path / "copia"))
    assert main(["auditoria", "verificar"]) == 1
    salida = capsys.readouterr().out
    assert "NO está íntegra" in salida and esperado in salida
