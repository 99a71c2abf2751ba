"""`ventanilla jornada` en un proceso aparte: de programar al informe de cierre, con errores en español."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def _ventanilla(directorio: Path, *argumentos: str, codigo: int = 0) -> Any:
    entorno = {**os.environ, "VENTANILLA_DATOS": str(directorio)}
    proceso = subprocess.run(
        [sys.executable, "-m", "ventanilla.cli", "jornada", *argumentos],
        capture_output=True, text=True, env=entorno, timeout=120, check=False,
    )
    assert proceso.returncode == codigo, proceso.stderr
    return json.loads(proceso.stdout) if codigo == 0 else proceso.stderr


@pytest.mark.lento
def test_de_programar_al_informe_por_la_linea_de_ordenes(directorio_datos: Path, tmp_path: Path) -> None:
    creada = _ventanilla(
        directorio_datos, "crear", "--nombre", "Gobierno en la Calle, Río Blanco", "--fecha", "2026-12-05",
        "--lugar", "Escuela Río Blanco", "--comuna", "R07", "--dependencias", "HAC,SAL",
        "--servicios", "radicacion,orientacion", "--portatiles", "1",
    )
    corto = creada["id"][:8]
    error = _ventanilla(directorio_datos, "abrir", corto, codigo=2)
    assert "primero prepárela" in error
    assert _ventanilla(directorio_datos, "preparar", corto, "--marcar", "bateria,papel")["estado"] == "lista"
    _ventanilla(directorio_datos, "abrir", corto)
    persona = _ventanilla(directorio_datos, "asistencia", corto, "--documento", "4567890", "--nombres", "Rubén",
                          "--servicio", "orientacion", "--dependencia", "SAL", "--aviso-informado", "--papel")
    assert persona["nueva"] is True
    respuestas = tmp_path / "respuestas.json"
    respuestas.write_text(json.dumps({"atencion": 4, "claridad": 4, "espera": 2, "resuelto": False, "volveria": True}))
    assert _ventanilla(directorio_datos, "encuesta", corto, "--respuestas", str(respuestas))["atencion"] == "jornada"
    _ventanilla(directorio_datos, "compromiso", corto, "--descripcion", "Arreglar la vía a la escuela",
                "--dependencia", "PLA", "--vence", "2027-04-30")
    _ventanilla(directorio_datos, "cerrar", corto)
    pdf = tmp_path / "cierre.pdf"
    cifras = _ventanilla(directorio_datos, "informe", corto, "--pdf", str(pdf))
    assert (cifras["asistentes"], cifras["encuestas"], cifras["compromisos"]) == (1, 1, 1)
    assert cifras["promedios"]["espera"] == 2.0
    assert pdf.read_bytes().startswith(b"%PDF")
    texto = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Arreglar la vía a la escuela" in texto and "Río Blanco" in texto


def test_cada_accion_de_la_orden_esta_documentada() -> None:
    from ventanilla.cli import construir_parser

    parser = construir_parser()
    [subordenes] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    jornada = subordenes.choices["jornada"]
    [acciones] = [a for a in jornada._actions if isinstance(a, argparse._SubParsersAction)]
    documentacion = (Path(__file__).resolve().parents[2] / "docs" / "jornadas.md").read_text(encoding="utf-8")
    faltan = [accion for accion in acciones.choices if f"ventanilla jornada {accion}" not in documentacion]
    assert faltan == []
