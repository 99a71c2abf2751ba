"""Piezas del equipo sin servidor: el token en el llavero o en su archivo, y el aviso del reloj."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from ventanilla.sincronizacion.credenciales import (
    ARCHIVO_TOKEN,
    borrar_token,
    guardar_token,
    leer_token,
)
from ventanilla.sincronizacion.errores import VersionIncompatible, rechazo_para
from ventanilla.sincronizacion.protocolo import mensaje_de_version
from ventanilla.sincronizacion.reloj import aviso_de_reloj


class LlaveroEnMemoria(KeyringBackend):
    """Un llavero de verdad para keyring, que guarda en un diccionario."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.claves: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.claves[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.claves.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.claves.pop((service, username), None)


def test_con_llavero_el_token_no_toca_el_disco(tmp_path: Path) -> None:
    llavero = LlaveroEnMemoria()
    keyring.set_keyring(llavero)
    assert guardar_token(tmp_path, "equipo-1", "eq_secreto") == "llavero"
    assert not (tmp_path / ARCHIVO_TOKEN).exists()
    assert leer_token(tmp_path, "equipo-1") == "eq_secreto"
    borrar_token(tmp_path, "equipo-1")
    assert llavero.claves == {}


def test_sin_llavero_el_token_va_a_un_archivo_0600(tmp_path: Path) -> None:
    donde = guardar_token(tmp_path, "equipo-1", "eq_secreto")
    archivo = tmp_path / ARCHIVO_TOKEN
    assert donde == str(archivo) and archivo.stat().st_mode & 0o777 == 0o600
    assert leer_token(tmp_path, "equipo-1") == "eq_secreto"


def test_el_reloj_atrasado_o_desfasado_se_avisa() -> None:
    ahora = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    assert aviso_de_reloj((ahora + timedelta(minutes=1)).isoformat(), 0.0, ahora) is not None
    assert "atrasado unos 7 minutos" in (aviso_de_reloj(None, 420.0, ahora) or "")
    assert "adelantado" in (aviso_de_reloj(None, -400.0, ahora) or "")
    assert aviso_de_reloj((ahora - timedelta(hours=1)).isoformat(), 120.0, ahora) is None


def test_las_versiones_distintas_se_explican_en_palabras() -> None:
    assert "actualice Ventanilla en este equipo" in mensaje_de_version(1, 2)
    assert "actualizar el servidor" in mensaje_de_version(3, 2)
    assert mensaje_de_version(2, 2) == ""
    assert isinstance(rechazo_para(426, "x"), VersionIncompatible)
