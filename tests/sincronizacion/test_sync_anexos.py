"""Anexos del equipo: cifrados en el disco, se suben en claro por trozos una sola vez, y el servidor
los guarda verificados por el sha256 de su contenido."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from apoyo_sync import ServidorVivo, inscrito
from proxy_tcp import ProxyTcp

from ventanilla.datos.ajustes import guardar_ajustes
from ventanilla.servicios.anexos import guardar_anexo, ruta_de_anexo
from ventanilla.sincronizacion import anexos
from ventanilla.sincronizacion.errores import SinConexion
from ventanilla.sincronizacion.estado import rechazos_pendientes
from ventanilla.sincronizacion.motor import cliente_de, sincronizar

pytestmark = pytest.mark.lento


def _en_el_servidor(servidor: ServidorVivo, sha: str) -> bytes:
    return (servidor.directorio / "central" / "anexos" / sha[:2] / sha).read_bytes()


def _fila(servidor: ServidorVivo, sha: str) -> tuple[int, int, bool] | None:
    filas = servidor.consultar(f"SELECT tamano, recibido, completo FROM anexos WHERE sha256 = '{sha}'")
    return tuple(filas[0]) if filas else None


def test_un_anexo_cortado_se_retoma_y_no_se_sube_dos_veces(
    servidor: ServidorVivo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    equipo = inscrito(servidor, tmp_path / "equipo", "VU01")
    origen = tmp_path / "escaneo.pdf"
    origen.write_bytes(os.urandom(300_000))
    anexo = guardar_anexo(equipo.directorio, origen)
    assert origen.read_bytes()[:4096] not in anexo.ruta.read_bytes(), "en el equipo va cifrado"
    monkeypatch.setattr(anexos, "TROZO", 64 * 1024)
    with cliente_de(equipo) as cliente:
        primer = cliente.pedir("PUT", f"/anexos/{anexo.sha256}", params={"tamano": anexo.tamano, "desde": 0},
                               contenido=origen.read_bytes()[:100_000])
    assert primer["recibido"] == 100_000 and not primer["completo"]
    assert sincronizar(equipo).anexos_subidos == 1
    assert sincronizar(equipo).anexos_subidos == 0
    assert _fila(servidor, anexo.sha256) == (300_000, 300_000, True)
    assert _en_el_servidor(servidor, anexo.sha256) == origen.read_bytes()


def test_una_red_que_corta_a_mitad_del_anexo_lo_retoma_sobre_el_contenido_en_claro(
    servidor: ServidorVivo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    equipo = inscrito(servidor, tmp_path / "equipo", "VU02")
    sincronizar(equipo)
    proxy = ProxyTcp(destino=int(servidor.url.rsplit(":", 1)[1]), semilla=3, cortar_respuesta=0.2, cortar_peticion=0.8)
    with equipo.escribir() as sesion:
        guardar_ajustes(sesion, servidor=proxy.url)
    origen = tmp_path / "escaneo.tif"
    origen.write_bytes(os.urandom(200_000))
    anexo = guardar_anexo(equipo.directorio, origen)
    monkeypatch.setattr(anexos, "TROZO", 4 * 1024)
    cortes, a_medias = 0, set()
    for _ in range(500):
        try:
            sincronizar(equipo)
            break
        except SinConexion:
            cortes += 1
            fila = _fila(servidor, anexo.sha256)
            if fila is not None and 0 < fila[1] < fila[0]:
                a_medias.add(fila[1])
    proxy.cerrar()
    assert cortes > 0 and len(a_medias) > 1, "la subida se cortó varias veces a mitad del anexo"
    assert _fila(servidor, anexo.sha256) == (200_000, 200_000, True)
    guardado = _en_el_servidor(servidor, anexo.sha256)
    assert hashlib.sha256(guardado).hexdigest() == anexo.sha256 and guardado == origen.read_bytes()


def test_un_anexo_en_claro_se_sube_y_queda_cifrado_y_uno_alterado_queda_aparte(
    servidor: ServidorVivo, tmp_path: Path
) -> None:
    equipo = inscrito(servidor, tmp_path / "equipo", "VU03")
    viejo = b"%PDF-1.4 escaneo de una version anterior " * 100
    sha_viejo = hashlib.sha256(viejo).hexdigest()
    en_claro = ruta_de_anexo(equipo.directorio, sha_viejo)
    en_claro.parent.mkdir(parents=True)
    en_claro.write_bytes(viejo)
    origen = tmp_path / "carta.pdf"
    origen.write_bytes(b"%PDF-1.7 carta firmada " * 100)
    alterado = guardar_anexo(equipo.directorio, origen)
    crudo = bytearray(alterado.ruta.read_bytes())
    crudo[-1] ^= 1
    alterado.ruta.write_bytes(bytes(crudo))

    assert sincronizar(equipo).anexos_subidos == 1
    assert _en_el_servidor(servidor, sha_viejo) == viejo
    assert viejo[:64] not in en_claro.read_bytes(), "el anexo en claro quedó cifrado al subirlo"
    assert _fila(servidor, alterado.sha256) is None
    (apartado,) = alterado.ruta.parent.glob(f"{alterado.sha256}.ilegible-*")
    assert apartado.read_bytes() == bytes(crudo) and not alterado.ruta.exists()
    (rechazo,) = rechazos_pendientes(equipo)
    assert rechazo["tipo"] == "anexo" and rechazo["referencia"] == alterado.sha256
    assert "fue alterado o es de otro equipo" in str(rechazo["mensaje"]) and apartado.name in str(rechazo["mensaje"])
    assert sincronizar(equipo).anexos_subidos == 0 and len(rechazos_pendientes(equipo)) == 1
