"""La cola de la sede de punta a punta: servidor, cuatro ventanillas, kiosco y pantalla en procesos."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

PROCESOS = Path(__file__).parent / "procesos"
RAIZ = Path(__file__).resolve().parents[2]
TOTAL = 500


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Proceso:
    """Un proceso hijo cuya salida (una línea JSON por hecho) se lee en un hilo."""

    def __init__(self, carpeta: Path, *args: str, entrada: bool = False) -> None:
        entorno = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(RAIZ)}
        self.errores = carpeta / f"{'-'.join(Path(a).stem for a in args)}.err"
        with self.errores.open("w") as errores:
            self.popen = subprocess.Popen(
                [sys.executable, *args], cwd=RAIZ, env=entorno, text=True,
                stdin=subprocess.PIPE if entrada else subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=errores,
            )
        self.lineas: list[dict[str, Any]] = []
        self._hilo = threading.Thread(target=self._leer, daemon=True)
        self._hilo.start()

    def _leer(self) -> None:
        assert self.popen.stdout is not None
        for linea in self.popen.stdout:
            self.lineas.append(json.loads(linea))

    def con(self, clave: str) -> list[dict[str, Any]]:
        return [linea for linea in list(self.lineas) if clave in linea]

    def decir(self, texto: str) -> None:
        assert self.popen.stdin is not None
        self.popen.stdin.write(texto + "\n")
        self.popen.stdin.flush()

    def terminar(self) -> str:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        for tubo in (self.popen.stdin, self.popen.stdout):
            if tubo is not None:
                tubo.close()
        return self.errores.read_text()


def _esperar(condicion: Any, segundos: float, que: str, procesos: list[Proceso]) -> None:
    limite = time.monotonic() + segundos
    while not condicion():
        caidos = [p for p in procesos if p.popen.poll() not in (None, 0)]
        if caidos or time.monotonic() > limite:
            errores = "\n".join(p.terminar()[-2000:] for p in procesos)
            estado = {p.errores.name: len(p.lineas) for p in procesos}
            pytest.fail(f"No se cumplió a tiempo: {que}\n{estado}\n{errores}")
        time.sleep(0.02)


@pytest.mark.lento
def test_quinientos_turnos_sin_duplicados_ni_perdidos_y_todos_en_la_pantalla(tmp_path: Path) -> None:
    puerto = _puerto_libre()
    url = f"http://127.0.0.1:{puerto}"
    servidor = Proceso(tmp_path, "-m", "ventanilla.central.turnos", "--puerto", str(puerto))
    procesos = [servidor]
    try:
        def servidor_listo() -> bool:
            try:
                return httpx.get(f"{url}/turnos/estado", timeout=1).status_code == 200
            except httpx.TransportError:
                return False

        _esperar(servidor_listo, 20, "el servidor arranca", procesos)
        pantalla = Proceso(tmp_path, str(PROCESOS / "cliente.py"), "pantalla", url)
        ventanillas = [Proceso(tmp_path, str(PROCESOS / "cliente.py"), "ventanilla", url, str(n), entrada=True)
                       for n in range(1, 5)]
        procesos += [pantalla, *ventanillas]
        _esperar(lambda: all(p.con("conectado") for p in (pantalla, *ventanillas)), 20,
                 "pantalla y ventanillas conectadas", procesos)
        kiosco = Proceso(tmp_path, str(PROCESOS / "cliente.py"), "kiosco", url, str(TOTAL))
        procesos.append(kiosco)
        _esperar(lambda: len(kiosco.con("emitido")) >= 20, 20, "el kiosco emite", procesos)
        # Las ventanillas 1 y 2 empiezan a llamar en el mismo instante.
        barrera = threading.Barrier(2)
        hilos = [threading.Thread(target=lambda v=v: (barrera.wait(), v.decir("ya"))) for v in ventanillas[:2]]
        for h in hilos:
            h.start()
        for h in hilos:
            h.join()
        for v in ventanillas[2:]:
            v.decir("ya")
        _esperar(lambda: len(pantalla.con("llamado")) >= TOTAL, 60, "los 500 llamados en la pantalla", procesos)
        for v in ventanillas:
            v.decir("fin")
        for p in (kiosco, *ventanillas):
            assert p.popen.wait(timeout=20) == 0, p.terminar()

        emitidos = [linea["emitido"] for linea in kiosco.con("emitido")]
        assert len(emitidos) == len(set(emitidos)) == TOTAL
        por_ventanilla = {n: [linea["llamado"] for linea in v.con("llamado")] for n, v in enumerate(ventanillas, 1)}
        llamados = [t for lista in por_ventanilla.values() for t in lista]
        assert len(llamados) == len(set(llamados)) == TOTAL, "un turno se llamó dos veces"
        assert set(llamados) == set(emitidos), "se perdió un turno"
        assert all(por_ventanilla[n] for n in (1, 2)), "las dos ventanillas simultáneas llamaron"
        en_pantalla = {linea["llamado"]: linea["ventanilla"] for linea in pantalla.con("llamado")}
        assert len(pantalla.con("llamado")) == TOTAL
        assert en_pantalla == {t: n for n, lista in por_ventanilla.items() for t in lista}
        estado = httpx.get(f"{url}/turnos/estado").json()["estado"]
        assert estado["espera"] == {} and estado["llamados_total"] == TOTAL and estado["ventanillas"] == {}
        assert not [linea for p in procesos for linea in p.con("error")]
    finally:
        for p in reversed(procesos):
            p.terminar()
