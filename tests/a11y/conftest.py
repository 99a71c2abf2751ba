"""Accesorio del escritorio accesible real (D-Bus, Xvfb, AT-SPI), uno para todas las pruebas."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from escritorio_atspi import EscritorioAccesible, PiezaFaltante
from piezas import falta


@pytest.fixture(scope="session")
def escritorio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EscritorioAccesible]:
    """El escritorio accesible; sin sus piezas la prueba falla en CI y se omite en otra parte."""
    try:
        vivo = EscritorioAccesible(tmp_path_factory.mktemp("escritorio"))
    except PiezaFaltante as error:
        falta(str(error))
    yield vivo
    vivo.cerrar()
