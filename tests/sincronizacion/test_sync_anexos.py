"""Anexos del equipo: se suben por trozos una sola vez y el servidor los guarda verificados."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apoyo_sync import ServidorVivo, inscrito

from ventanilla.servicios.anexos import guardar_anexo
from ventanilla.sincronizacion import anexos
from ventanilla.sincronizacion.motor import cliente_de, sincronizar

pytestmark = pytest.mark.lento


def test_un_anexo_cortado_se_retoma_y_no_se_sube_dos_veces(
    servidor: ServidorVivo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    equipo = inscrito(servidor, tmp_path / "equipo", "VU01")
    origen = tmp_path / "escaneo.pdf"
    origen.write_bytes(os.urandom(300_000))
    anexo = guardar_anexo(equipo.directorio, origen)
    monkeypatch.setattr(anexos, "TROZO", 64 * 1024)
    with cliente_de(equipo) as cliente:
        primer = cliente.pedir("PUT", f"/anexos/{anexo.sha256}", params={"tamano": anexo.tamano, "desde": 0},
                               contenido=origen.read_bytes()[:100_000])
    assert primer["recibido"] == 100_000 and not primer["completo"]
    assert sincronizar(equipo).anexos_subidos == 1
    assert sincronizar(equipo).anexos_subidos == 0
    (fila,) = servidor.consultar(f"SELECT tamano, recibido, completo FROM anexos WHERE sha256 = '{anexo.sha256}'")
    assert tuple(fila) == (300_000, 300_000, True)
    guardado = servidor.directorio / "central" / "anexos" / anexo.sha256[:2] / anexo.sha256
    assert guardado.read_bytes() == origen.read_bytes()
