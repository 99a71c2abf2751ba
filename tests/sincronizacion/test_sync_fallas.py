"""Fallas: kill -9 del cliente a mitad del envío, servidor reiniciado a mitad de la recepción y una red
que corta y trunca conexiones; después de cada una, nada se pierde y nada se duplica."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from apoyo_sync import (
    ServidorVivo,
    esperar,
    huella_de_ids,
    ids_del_servidor,
    ids_locales,
    inscrito,
    radicar_varias,
)
from proxy_tcp import ProxyTcp

from ventanilla.datos.ajustes import guardar_ajustes
from ventanilla.datos.almacen import Almacen
from ventanilla.sincronizacion import envio, memoria, recepcion
from ventanilla.sincronizacion.errores import SinConexion
from ventanilla.sincronizacion.motor import sincronizar

pytestmark = pytest.mark.lento

# Lotes y páginas pequeños: así cada envío y cada recepción son muchos viajes que se pueden cortar.
_SYNC_LOTES_PEQUENOS = (
    "import sys; from ventanilla.sincronizacion import envio, recepcion; "
    "envio.LOTE_EVENTOS = 1; recepcion.PAGINA = 20; from ventanilla.cli import main; sys.exit(main(['sync']))"
)


def _hasta_lograrlo(almacen: Almacen, intentos: int = 300) -> int:
    fallas = 0
    for _ in range(intentos):
        try:
            sincronizar(almacen)
            return fallas
        except SinConexion:
            fallas += 1
    raise AssertionError(f"la sincronización no terminó en {intentos} intentos")


def _del_equipo_en_servidor(servidor: ServidorVivo, almacen: Almacen) -> list[str]:
    filas = servidor.consultar(f"SELECT id FROM eventos WHERE dispositivo = '{almacen.ajustes.dispositivo}'")
    return [f[0] for f in filas]


def test_kill_9_del_cliente_en_medio_del_envio(servidor: ServidorVivo, tmp_path: Path) -> None:
    carpeta = tmp_path / "brigada"
    equipo = inscrito(servidor, carpeta, "BRIG1")
    azar = random.Random(2026)
    radicar_varias(equipo, 200, 40_000_000)
    interrumpidos = 0
    for ronda in range(10):
        radicar_varias(equipo, 20, 41_000_000 + ronda * 20)
        proceso = subprocess.Popen(
            [sys.executable, "-c", _SYNC_LOTES_PEQUENOS], env={**os.environ, "VENTANILLA_DATOS": str(carpeta)},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        avances: list[str] = []
        lector = threading.Thread(target=lambda p=proceso, a=avances: a.extend(p.stderr), daemon=True)
        lector.start()
        # El corte se sincroniza con el avance del envío (el k-ésimo lote confirmado), no con el
        # reloj: en una máquina rápida un envío entero cabe en cualquier espera fija.
        lotes = azar.randint(1, 6)
        esperar(
            lambda p=proceso, a=avances, k=lotes: p.poll() is not None
            or sum("eventos enviados" in x for x in a) >= k,
            60,
            "que avance el envío",
        )
        proceso.kill()
        proceso.wait()
        lector.join(10)
        assert proceso.stderr is not None
        proceso.stderr.close()
        if len(_del_equipo_en_servidor(servidor, equipo)) < len(ids_locales(equipo)):
            interrumpidos += 1
    assert interrumpidos >= 5, f"los kill -9 debían caer en medio del envío ({interrumpidos} de 10)"
    _hasta_lograrlo(equipo)
    locales = ids_locales(equipo)
    en_servidor = _del_equipo_en_servidor(servidor, equipo)
    assert len(locales) == 400
    assert len(en_servidor) == len(set(en_servidor)) == 400
    assert huella_de_ids(en_servidor) == huella_de_ids(locales)


def test_servidor_reiniciado_en_medio_de_la_recepcion(
    servidor: ServidorVivo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    origen = inscrito(servidor, tmp_path / "origen", "BRIG1")
    destino = inscrito(servidor, tmp_path / "destino", "BRIG2")
    radicar_varias(origen, 400, 50_000_000)
    sincronizar(origen)
    monkeypatch.setattr(recepcion, "PAGINA", 10)
    fallo: list[BaseException] = []

    def recibir() -> None:
        try:
            sincronizar(destino)
        except SinConexion as error:
            fallo.append(error)

    hilo = threading.Thread(target=recibir)
    hilo.start()

    def cursor() -> int:
        with destino.leer() as sesion:
            return memoria.leer_cursores(sesion).eventos

    esperar(lambda: cursor() > 0, 60, "que empiece la recepción")
    servidor.matar()
    hilo.join(60)
    assert fallo, "la recepción debía cortarse al morir el servidor"
    assert 0 < cursor() < 400
    servidor.iniciar()
    _hasta_lograrlo(destino)
    assert huella_de_ids(ids_locales(destino)) == huella_de_ids(ids_del_servidor(servidor)) == huella_de_ids(ids_locales(origen))
    assert len(ids_locales(destino)) == 400


def test_una_red_que_corta_y_trunca_no_pierde_ni_duplica(
    servidor: ServidorVivo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(envio, "LOTE_EVENTOS", 25)
    monkeypatch.setattr(recepcion, "PAGINA", 25)
    proxy = ProxyTcp(destino=int(servidor.url.rsplit(":", 1)[1]), semilla=11)
    equipos = []
    for nombre, serie in (("a", "BRIGA"), ("b", "BRIGB")):
        equipo = inscrito(servidor, tmp_path / nombre, serie)
        with equipo.escribir() as sesion:
            guardar_ajustes(sesion, servidor=proxy.url)
        equipos.append(equipo)
    radicar_varias(equipos[0], 150, 60_000_000)
    radicar_varias(equipos[1], 150, 70_000_000)
    fallas = sum(_hasta_lograrlo(e) for e in (*equipos, *equipos))
    proxy.cerrar()
    assert proxy.cortes > 0 and fallas > 0
    huella = huella_de_ids(ids_del_servidor(servidor))
    assert len(ids_del_servidor(servidor)) == 300
    assert all(huella_de_ids(ids_locales(e)) == huella for e in equipos)
