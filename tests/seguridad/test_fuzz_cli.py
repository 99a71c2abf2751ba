"""Hypothesis alimenta las entradas JSON de la línea de órdenes: ninguna traza, siempre español."""

from __future__ import annotations

import contextlib
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.seguridad.conftest import radicar_varias
from ventanilla.cli import main
from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.calendario import BOGOTA

AJUSTES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
INGLES = re.compile(
    r"Traceback|Error:|Exception|NoneType|object has no attribute|invalid literal|not subscriptable|"
    r"KeyError|TypeError|ValueError|AttributeError|unhashable|expected|must be",
)

escalares = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
valores_json = st.recursive(
    escalares, lambda hijos: st.lists(hijos, max_size=4) | st.dictionaries(st.text(max_size=12), hijos, max_size=4),
    max_leaves=12,
)


def _base(solicitud: dict[str, Any]) -> dict[str, Any]:
    recibido = (datetime.now(BOGOTA) - timedelta(hours=1)).replace(tzinfo=None).isoformat(timespec="seconds")
    return {**solicitud, "recibido": recibido}


@st.composite
def solicitudes_alteradas(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """Una solicitud válida con algunos campos (también del ciudadano) cambiados o quitados."""
    solicitud = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        destino = draw(st.sampled_from([solicitud, solicitud["ciudadano"]])) if isinstance(solicitud.get("ciudadano"), dict) else solicitud
        campo = draw((st.sampled_from(sorted(destino)) | st.text(max_size=10)) if destino else st.text(max_size=10))
        if draw(st.booleans()):
            destino.pop(campo, None)
        else:
            destino[campo] = draw(valores_json)
    return solicitud


def _correr(argumentos: list[str]) -> tuple[int, str, str]:
    salida, errores = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(salida), contextlib.redirect_stderr(errores):
        try:
            codigo = main(argumentos)
        except SystemExit as salida_controlada:
            codigo = int(salida_controlada.code or 0)
    return codigo, salida.getvalue(), errores.getvalue()


def _exigir_respuesta_clara(codigo: int, salida: str, errores: str) -> None:
    if codigo == 0:
        json.loads(salida)
        return
    assert codigo == 2, (codigo, errores)
    mensaje = errores.split("ventanilla: ", 1)[-1]
    assert errores.startswith("ventanilla: ") and len(mensaje.strip()) > 10, errores
    assert not INGLES.search(mensaje), f"mensaje con partes en inglés o internas: {errores!r}"


def _escribir(ruta: Path, contenido: str | bytes) -> str:
    ruta.write_bytes(contenido.encode("utf-8", "surrogatepass") if isinstance(contenido, str) else contenido)
    return str(ruta)


@pytest.fixture
def archivo(tmp_path: Path) -> Path:
    return tmp_path / "entrada.json"


def test_radicar_con_campos_alterados(almacen: Almacen, solicitud_valida: dict[str, Any], archivo: Path) -> None:
    @AJUSTES
    @given(solicitudes_alteradas(_base(solicitud_valida)))
    def probar(solicitud: dict[str, Any]) -> None:
        _exigir_respuesta_clara(*_correr(["radicar", _escribir(archivo, json.dumps(solicitud))]))

    probar()


def test_radicar_con_json_cualquiera_y_lotes(almacen: Almacen, solicitud_valida: dict[str, Any], archivo: Path) -> None:
    @AJUSTES
    @given(valores_json | st.lists(solicitudes_alteradas(_base(solicitud_valida)), min_size=1, max_size=3))
    def probar(contenido: Any) -> None:
        _exigir_respuesta_clara(*_correr(["radicar", _escribir(archivo, json.dumps(contenido))]))

    probar()


def test_radicar_con_bytes_que_no_son_json(almacen: Almacen, archivo: Path) -> None:
    @AJUSTES
    @given(st.binary(max_size=80) | st.text(max_size=80))
    def probar(contenido: bytes | str) -> None:
        _exigir_respuesta_clara(*_correr(["radicar", _escribir(archivo, contenido)]))

    probar()


def test_habeas_corregir_con_cambios_cualquiera(almacen: Almacen, solicitud_valida: dict[str, Any], archivo: Path) -> None:
    radicar_varias(almacen, solicitud_valida, 1)
    campos = st.sampled_from(["nombres", "apellidos", "telefono", "correo", "direccion", "comuna", "tipo_documento",
                              "numero_documento"]) | st.text(max_size=10)

    @AJUSTES
    @given(valores_json | st.dictionaries(campos, valores_json, max_size=3), st.text(max_size=30))
    def probar(cambios: Any, motivo: str) -> None:
        argumentos = ["habeas", "corregir", "CC:75071234", _escribir(archivo, json.dumps(cambios)), f"--motivo={motivo}"]
        _exigir_respuesta_clara(*_correr(argumentos))

    probar()


def _jornada_abierta() -> str:
    hoy = datetime.now(BOGOTA).date().isoformat()
    codigo, salida, errores = _correr(
        ["jornada", "crear", "--nombre", "Jornada Comuna 2", "--fecha", hoy, "--lugar", "Salón comunal",
         "--comuna", "C02", "--dependencias", "HAC,SAL", "--servicios", "radicacion,orientacion"]
    )
    assert codigo == 0, errores
    jornada = str(json.loads(salida)["id"])
    for accion in (["preparar", jornada, "--marcar", "bateria,impresora,papel,respaldo,sincronizado"], ["abrir", jornada]):
        assert _correr(["jornada", *accion])[0] == 0
    return jornada


def test_jornada_radicar_y_encuesta_con_json_cualquiera(
    almacen: Almacen, solicitud_valida: dict[str, Any], archivo: Path
) -> None:
    jornada = _jornada_abierta()
    base = {**_base(solicitud_valida), "canal": "brigada"}
    respuestas = st.dictionaries(st.sampled_from(["satisfaccion", "claridad", "tiempo", "trato"]) | st.text(max_size=8),
                                 valores_json, max_size=4)

    @AJUSTES
    @example(solicitud=None, encuesta={"satisfaccion": 5})
    @example(solicitud=base, encuesta=None)
    @example(solicitud=base, encuesta=[None])
    @given(solicitudes_alteradas(base) | valores_json, respuestas | valores_json)
    def probar(solicitud: Any, encuesta: Any) -> None:
        _exigir_respuesta_clara(*_correr(["jornada", "radicar", jornada, _escribir(archivo, json.dumps(solicitud))]))
        argumentos = ["jornada", "encuesta", jornada, "--respuestas", _escribir(archivo, json.dumps(encuesta))]
        _exigir_respuesta_clara(*_correr(argumentos))

    probar()
