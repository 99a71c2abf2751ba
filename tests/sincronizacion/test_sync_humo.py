"""Humo: un equipo inscrito envía una radicación y otro la recibe, contra PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from apoyo_sync import (
    ServidorVivo,
    huella_de_ids,
    ids_del_servidor,
    ids_locales,
    inscrito,
    radicar_varias,
)

from ventanilla.sincronizacion.motor import sincronizar


def test_un_equipo_envia_y_otro_recibe(servidor: ServidorVivo, tmp_path: Path) -> None:
    a = inscrito(servidor, tmp_path / "a", "BRA")
    b = inscrito(servidor, tmp_path / "b", "BRB")
    radicar_varias(a, 3, 1000)
    assert sincronizar(a).enviados == 3
    assert sincronizar(b).recibidos == 3
    assert huella_de_ids(ids_locales(a)) == huella_de_ids(ids_locales(b)) == huella_de_ids(ids_del_servidor(servidor))
