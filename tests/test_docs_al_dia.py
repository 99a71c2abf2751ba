"""La documentación no se queda atrás: cada suborden y cada ajuste del equipo están documentados."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from ventanilla.cli import construir_parser
from ventanilla.datos.ajustes import Ajustes

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _subordenes() -> list[str]:
    parser = construir_parser()
    acciones = [a for a in parser._actions if a.dest == "orden"]  # noqa: SLF001 (argparse no expone las subórdenes)
    return sorted(acciones[0].choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("orden", _subordenes())
def test_cada_suborden_esta_en_docs_ordenes(orden: str) -> None:
    assert f"`ventanilla {orden}" in (DOCS / "ordenes.md").read_text(encoding="utf-8")


def test_los_documentos_citados_existen() -> None:
    texto = (DOCS / "ordenes.md").read_text(encoding="utf-8")
    citados = {parte.split("`")[0] for parte in texto.split("`docs/")[1:]}
    assert citados
    assert all((DOCS / nombre).exists() for nombre in citados), citados


@pytest.mark.parametrize("ajuste", [f.name for f in fields(Ajustes)])
def test_cada_ajuste_esta_en_docs_ajustes(ajuste: str) -> None:
    assert f"`{ajuste}`" in (DOCS / "ajustes.md").read_text(encoding="utf-8")
