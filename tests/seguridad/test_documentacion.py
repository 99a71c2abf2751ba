"""Cada orden y cada variable de configuración de seguridad está en docs/seguridad.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from ventanilla.cli import construir_parser

DOCUMENTO = (Path(__file__).resolve().parents[2] / "docs" / "seguridad.md").read_text(encoding="utf-8")


def _acciones(orden: str) -> list[str]:
    parser = construir_parser()
    (subordenes,) = [a for a in parser._actions if a.dest == "orden"]
    sub = subordenes.choices[orden]  # type: ignore[index]
    anidadas = [a for a in sub._actions if a.dest == "accion"]
    return [f"{orden} {accion}" for accion in anidadas[0].choices] if anidadas else [orden]  # type: ignore[union-attr]


@pytest.mark.parametrize("orden", ["auditoria", "backup", "restaurar", "habeas"])
def test_cada_orden_y_accion_esta_documentada(orden: str) -> None:
    for accion in _acciones(orden):
        nombre = accion.split()[-1]
        assert f"ventanilla {accion}" in DOCUMENTO or f"**{nombre}**" in DOCUMENTO, accion


@pytest.mark.parametrize("variable", ["VENTANILLA_TLS_CERTIFICADO", "VENTANILLA_TLS_CLAVE", "VENTANILLA_USUARIO"])
def test_cada_variable_esta_documentada(variable: str) -> None:
    assert variable in DOCUMENTO
