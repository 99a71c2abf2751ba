"""Anuncios en voz alta: el texto de cada llamado, el WAV de espeak-ng y las ráfagas en orden."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from piezas import falta

from ventanilla.rutas import recurso
from ventanilla.turnos.anuncios import ColaAnuncios, texto_anuncio
from ventanilla.turnos.cola import Llamado
from ventanilla.turnos.voz import VozEspeak, sintetizar_wav, speechd_responde, voz_por_defecto


def _necesita(programa: str) -> None:
    if shutil.which(programa) is None:
        falta(f"Falta {programa}")


def _duracion(wav: Path) -> float:
    _necesita("sox")
    salida = subprocess.run(["sox", "--i", "-D", str(wav)], capture_output=True, text=True, check=True)
    return float(salida.stdout)


def _llamado(secuencia: int, codigo: str, ventanilla: int, *, preferencial: bool = False, rellamado: bool = False) -> Llamado:
    return Llamado(secuencia, f"t{secuencia}", codigo, ventanilla, preferencial, rellamado,
                   datetime(2026, 11, 23, 15, 0, tzinfo=UTC))


def test_el_texto_de_cada_clase_de_llamado() -> None:
    assert texto_anuncio(_llamado(1, "A-023", 4)) == "Turno A 23, ventanilla 4"
    assert texto_anuncio(_llamado(2, "B-007", 2, preferencial=True)) == "Turno preferencial B 7, ventanilla 2"
    assert texto_anuncio(_llamado(3, "A-023", 4, rellamado=True)) == "Nuevo llamado: turno A 23, ventanilla 4"
    assert texto_anuncio(_llamado(4, "C-120", 11)) == "Turno C 120, ventanilla 11"


def test_el_anuncio_sintetizado_dura_mas_de_un_segundo(tmp_path: Path) -> None:
    _necesita("espeak-ng")
    wav = sintetizar_wav(texto_anuncio(_llamado(1, "A-023", 4)), tmp_path / "anuncio.wav")
    assert _duracion(wav) > 1.0


def test_la_campanilla_existe_y_suena_menos_de_dos_segundos() -> None:
    duracion = _duracion(Path(str(recurso("sonidos", "campanilla.wav"))))
    assert 0.5 < duracion < 2.0


def test_una_rafaga_se_anuncia_en_orden_cada_una_con_su_turno(qtbot, tmp_path: Path) -> None:
    _necesita("espeak-ng")
    voz = VozEspeak(carpeta=tmp_path)
    cola = ColaAnuncios(voz, campanilla=False)
    empezados: list[tuple[str, int, str]] = []
    dichos: list[str] = []
    cola.anunciando.connect(lambda ll, texto: empezados.append((ll.codigo, ll.ventanilla, texto)))
    cola.anunciado.connect(lambda ll, texto: dichos.append(texto))
    rafaga = [_llamado(1, "A-001", 1), _llamado(2, "B-002", 2, preferencial=True),
              _llamado(3, "A-003", 3), _llamado(4, "A-001", 1, rellamado=True)]
    for llamado in rafaga:
        cola.anunciar(llamado)
    assert cola.pendientes == 4
    qtbot.waitUntil(lambda: len(dichos) == 4, timeout=20_000)
    assert [(c, v) for c, v, _ in empezados] == [("A-001", 1), ("B-002", 2), ("A-003", 3), ("A-001", 1)]
    assert dichos == [texto_anuncio(ll) for ll in rafaga]
    for (codigo, ventanilla, texto) in empezados:
        letra, numero = codigo.split("-")
        assert f"{letra} {int(numero)}, ventanilla {ventanilla}" in texto
    archivos = voz.archivos
    assert len(archivos) == 4
    assert all(_duracion(a) > 1.0 for a in archivos)
    assert cola.pendientes == 0


def test_con_campanilla_y_la_voz_del_sistema_la_cola_sigue(qtbot) -> None:
    cola = ColaAnuncios(voz_por_defecto(), campanilla=True)
    estados: list[str] = []
    cola.estado.connect(estados.append)
    dichos: list[str] = []
    cola.anunciado.connect(lambda ll, texto: dichos.append(texto))
    cola.anunciar(_llamado(1, "D-004", 2))
    cola.anunciar(_llamado(2, "D-005", 3))
    qtbot.waitUntil(lambda: len(dichos) == 2, timeout=30_000)
    assert dichos == ["Turno D 4, ventanilla 2", "Turno D 5, ventanilla 3"]


def test_un_speech_dispatcher_colgado_se_detecta_a_tiempo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = tmp_path / "speechd.sock"
    with socket.socket(socket.AF_UNIX) as colgado:
        colgado.bind(str(ruta))
        colgado.listen(1)
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{ruta}")
        assert speechd_responde(tope_s=0.3) is False
        assert isinstance(voz_por_defecto(), VozEspeak)


def test_un_speech_dispatcher_que_contesta_se_usa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = tmp_path / "speechd.sock"
    with socket.socket(socket.AF_UNIX) as servidor:
        servidor.bind(str(ruta))
        servidor.listen(1)

        def contestar() -> None:
            conexion, _ = servidor.accept()
            with conexion:
                conexion.recv(64)
                conexion.sendall(b"208 OK CLIENT NAME SET\r\n")

        hilo = threading.Thread(target=contestar)
        hilo.start()
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{ruta}")
        assert speechd_responde(tope_s=2.0) is True
        hilo.join(timeout=5)
