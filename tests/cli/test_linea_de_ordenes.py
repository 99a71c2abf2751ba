"""La línea de órdenes como la usa un script: vencimiento, radicar (JSON), buscar y reconstruir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def ventanilla(directorio: Path, *argumentos: str, entrada: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ventanilla.cli", *argumentos],
        input=entrada,
        capture_output=True,
        text=True,
        env={**os.environ, "VENTANILLA_DATOS": str(directorio)},
        timeout=120,
    )


@pytest.fixture
def equipo(tmp_path: Path) -> Path:
    return tmp_path / "equipo"


@pytest.mark.parametrize(
    ("tipo", "recibido", "esperado"),
    [
        ("peticion", "2026-11-23T10:00", "2026-12-15"),
        ("documentos", "2026-03-30T09:00", "2026-04-15"),
        ("peticion", "2019-12-20T16:45", "2020-01-16"),  # viernes tras el cierre: lunes 23
        ("felicitacion", "2026-11-23T10:00", "sin término"),
    ],
)
def test_vencimiento(equipo: Path, tipo: str, recibido: str, esperado: str) -> None:
    resultado = ventanilla(equipo, "vencimiento", "--tipo", tipo, "--recibido", recibido)
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.strip() == esperado


def test_vencimiento_con_tipo_desconocido(equipo: Path) -> None:
    resultado = ventanilla(equipo, "vencimiento", "--tipo", "tutela", "--recibido", "2026-11-23T10:00")
    assert resultado.returncode == 2
    assert "--tipo" in resultado.stderr and "«tutela» no existe" in resultado.stderr
    assert "Traceback" not in resultado.stderr


def test_radicar_desde_la_entrada_y_desde_archivo(equipo: Path, tmp_path: Path, solicitud_valida: dict[str, Any]) -> None:
    primero = ventanilla(equipo, "radicar", entrada=json.dumps(solicitud_valida))
    assert primero.returncode == 0, primero.stderr
    datos = json.loads(primero.stdout)
    assert datos["radicado"].endswith("-000001")
    assert {"radicado", "vence_el", "id"} <= datos.keys()
    archivo = tmp_path / "solicitud.json"
    archivo.write_text(json.dumps(dict(solicitud_valida, tipo="felicitacion")), encoding="utf-8")
    segundo = json.loads(ventanilla(equipo, "radicar", str(archivo)).stdout)
    assert segundo["radicado"].endswith("-000002")
    assert segundo["vence_el"] is None
    encontrados = json.loads(ventanilla(equipo, "buscar", "Gómez").stdout)
    assert [r["radicado"] for r in encontrados] == [segundo["radicado"], datos["radicado"]]


def test_radicar_un_lote(equipo: Path, solicitud_valida: dict[str, Any]) -> None:
    resultado = ventanilla(equipo, "radicar", entrada=json.dumps([solicitud_valida] * 3))
    assert [r["radicado"][-6:] for r in json.loads(resultado.stdout)] == ["000001", "000002", "000003"]


@pytest.mark.parametrize(
    ("cambio", "campo"),
    [
        ({"ciudadano": {"tipo_documento": "NIT", "numero_documento": "890801053-5", "nombres": "Empresa"}}, "ciudadano.numero_documento"),
        ({"tipo": "tutela"}, "tipo"),
        ({"recibido": "2099-01-01T10:00:00"}, "recibido"),
        ({"asunto": ""}, "asunto"),
    ],
)
def test_entrada_mala_sale_con_2_nombra_el_campo_y_no_escribe(
    equipo: Path, solicitud_valida: dict[str, Any], cambio: dict[str, Any], campo: str
) -> None:
    resultado = ventanilla(equipo, "radicar", entrada=json.dumps({**solicitud_valida, **cambio}))
    assert resultado.returncode == 2
    assert f"{campo}:" in resultado.stderr
    assert "Traceback" not in resultado.stderr
    assert resultado.stdout == ""
    siguiente = json.loads(ventanilla(equipo, "radicar", entrada=json.dumps(solicitud_valida)).stdout)
    assert siguiente["radicado"].endswith("-000001")


@pytest.mark.parametrize("entrada", ["{", "[1, 2]", "", "null"])
def test_json_roto_o_raro(equipo: Path, entrada: str) -> None:
    resultado = ventanilla(equipo, "radicar", entrada=entrada)
    assert resultado.returncode == 2
    assert "Traceback" not in resultado.stderr
    assert resultado.stderr.startswith("ventanilla: ")


def test_reconstruir_informa_que_coincide(equipo: Path, solicitud_valida: dict[str, Any]) -> None:
    ventanilla(equipo, "radicar", entrada=json.dumps(solicitud_valida))
    resultado = ventanilla(equipo, "reconstruir")
    assert resultado.returncode == 0, resultado.stderr
    assert json.loads(resultado.stdout) == {"eventos": 1, "coincide": True, "diferencias": {}}
