"""`ventanilla backup` y `restaurar`: copias cifradas, verificadas, y restauración en otro equipo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.seguridad.conftest import radicar_varias
from ventanilla.cli import main
from ventanilla.datos.almacen import Almacen
from ventanilla.seguridad.cifrado import ClaveIncorrecta, CopiaDanada, es_texto_plano
from ventanilla.seguridad.clave import clave_del_almacen
from ventanilla.seguridad.respaldo import respaldar, restaurar


def _guardados(almacen: Almacen) -> list[str]:
    with almacen.leer() as sesion:
        return list(sesion.scalars(text("SELECT radicado FROM solicitudes ORDER BY fila")))


def _radicados(almacen: Almacen) -> list[str]:
    return [r.radicado for r in radicar_varias(almacen, _solicitud(), 3)]


def _solicitud() -> dict[str, Any]:
    """Recibida a la hora fija con que `radicar_varias` radica (no a la del reloj)."""
    return {
        "tipo": "peticion", "canal": "presencial", "asunto": "Poda", "dependencia": "Medio Ambiente", "folios": 1,
        "ciudadano": {"tipo_documento": "CC", "numero_documento": "75071234", "nombres": "María", "apellidos": "Gómez"},
    }


def test_la_copia_es_un_solo_archivo_cifrado_verificado_y_con_manifiesto(
    almacen: Almacen, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _radicados(almacen)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", str(usb), "--json"]) == 0
    resultado = json.loads(capsys.readouterr().out)
    copia = Path(resultado["archivo"])
    assert copia.parent == usb and copia.suffix == ".vbak" and not es_texto_plano(copia)
    assert sorted(p.name for p in usb.iterdir()) == [copia.name, copia.name + ".json"], "sin -wal ni .parcial"
    manifiesto = json.loads((usb / (copia.name + ".json")).read_text())
    assert manifiesto["tablas"]["eventos"] == 3 and manifiesto["sha256"] == resultado["sha256"]
    assert "75071234" not in json.dumps(manifiesto) and "Gómez" not in json.dumps(manifiesto)


def test_restaurar_en_el_mismo_equipo_guarda_antes_el_almacen_actual(
    almacen: Almacen, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    radicados = _radicados(almacen)
    copia = respaldar(almacen, tmp_path / "copia.vbak")
    radicar_varias(almacen, _solicitud(), 1)
    almacen.cerrar()
    assert main(["restaurar", str(copia.archivo)]) == 0
    salida = capsys.readouterr().out
    assert "quedó guardado" in salida and "Cadena de eventos íntegra (3 eventos)" in salida
    (previo,) = (almacen.directorio / "respaldos").glob("antes-de-restaurar-*.vbak")
    restaurado = Almacen.abrir(almacen.directorio)
    try:
        assert _guardados(restaurado) == radicados, "la radicación posterior a la copia ya no está"
    finally:
        restaurado.cerrar()
    assert not es_texto_plano(previo)


def test_restaurar_en_otro_equipo_pide_la_clave_del_que_hizo_la_copia(
    almacen: Almacen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    radicados = _radicados(almacen)
    copia = respaldar(almacen, tmp_path / "copia.vbak").archivo
    clave_origen = tmp_path / "clave-del-portatil.txt"
    clave_origen.write_text(clave_del_almacen(almacen.directorio, crear=False))
    nuevo = tmp_path / "portatil-nuevo"
    monkeypatch.setenv("VENTANILLA_DATOS", str(nuevo))

    with pytest.raises(SystemExit) as salida:
        main(["restaurar", str(copia)])
    assert salida.value.code == 2 and "--clave-archivo" in capsys.readouterr().err
    assert main(["restaurar", str(copia), "--clave-archivo", str(clave_origen)]) == 0
    equipo = Almacen.abrir(nuevo)
    try:
        assert _guardados(equipo) == radicados
    finally:
        equipo.cerrar()
    assert clave_del_almacen(nuevo, crear=False) != clave_origen.read_text(), "la copia queda con la clave de este equipo"


def test_una_copia_alterada_no_se_restaura(almacen: Almacen, tmp_path: Path) -> None:
    _radicados(almacen)
    copia = respaldar(almacen, tmp_path / "copia.vbak").archivo
    datos = bytearray(copia.read_bytes())
    datos[5000] ^= 0xFF
    copia.write_bytes(bytes(datos))
    with pytest.raises(CopiaDanada, match="manifiesto"):
        restaurar(copia, tmp_path / "otro")
    copia.with_name(copia.name + ".json").unlink()
    with pytest.raises((CopiaDanada, ClaveIncorrecta)):
        restaurar(copia, almacen.directorio)


def test_backup_a_una_carpeta_que_no_existe_lo_dice(almacen: Almacen, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as salida:
        main(["backup", str(tmp_path / "no-hay-usb" / "copia.vbak")])
    assert salida.value.code == 2 and "conecte la memoria" in capsys.readouterr().err
