"""Mide la cola de turnos de la sede sobre loopback y escribe JSON.

    .venv/bin/python benchmarks/turnos.py [--llamados 300] [--ventanillas 4]

- Latencia del llamado a la pantalla: desde que una ventanilla envía «llamar siguiente» hasta que
  la pantalla (un cliente WebSocket) recibe ese llamado; una ventanilla sola, llamados en serie.
- Llamados por segundo que sostiene el servidor con varias ventanillas llamando y finalizando a la
  vez, y turnos emitidos por segundo desde un kiosco.

El servidor corre en su propio proceso (`python -m ventanilla.central.turnos`), como en la sede.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import httpx
from websockets.sync.client import connect


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentil(valores: list[float], p: float) -> float:
    ordenados = sorted(valores)
    return ordenados[min(len(ordenados) - 1, round(p / 100 * (len(ordenados) - 1)))]


class Pantalla(threading.Thread):
    """Un cliente WebSocket que anota cuándo recibe cada llamado."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.recibidos: dict[str, float] = {}
        self.lista = threading.Event()
        self._ws = connect(url.replace("http", "ws") + "/turnos/ws")

    def run(self) -> None:
        for texto in self._ws:
            mensaje = json.loads(texto)
            self.lista.set()
            llamado = (mensaje.get("cambio") or {}).get("llamado")
            if llamado:
                self.recibidos[llamado["turno_id"]] = time.perf_counter()

    def cerrar(self) -> None:
        self._ws.close()


def _emitir(cliente: httpx.Client, n: int) -> float:
    inicio = time.perf_counter()
    for i in range(n):
        cliente.post("/turnos/acciones/emitir", json={"servicio": ("radicacion", "orientacion")[i % 2]}).raise_for_status()
    return n / (time.perf_counter() - inicio)


def _latencias(url: str, pantalla: Pantalla, n: int) -> list[float]:
    enviados: dict[str, float] = {}
    with httpx.Client(base_url=url) as cliente:
        _emitir(cliente, n)
        for _ in range(n):
            inicio = time.perf_counter()
            respuesta = cliente.post("/turnos/acciones/llamar_siguiente", json={"ventanilla": 1, "usuario": "medicion"})
            turno = respuesta.json()["turno"]
            enviados[turno["id"]] = inicio
            cliente.post("/turnos/acciones/finalizar", json={"ventanilla": 1, "usuario": "medicion"}).raise_for_status()
    limite = time.monotonic() + 10
    while len(pantalla.recibidos.keys() & enviados.keys()) < n and time.monotonic() < limite:
        time.sleep(0.01)
    return [(pantalla.recibidos[t] - enviados[t]) * 1000 for t in enviados if t in pantalla.recibidos]


def _rendimiento(url: str, ventanillas: int, n: int) -> tuple[float, float]:
    with httpx.Client(base_url=url) as kiosco:
        emisiones = _emitir(kiosco, n)

    def atender(numero: int) -> int:
        llamados = 0
        with httpx.Client(base_url=url) as cliente:
            while True:
                turno = cliente.post("/turnos/acciones/llamar_siguiente",
                                     json={"ventanilla": numero, "usuario": f"v{numero}"}).json()["turno"]
                if turno is None:
                    return llamados
                llamados += 1
                cliente.post("/turnos/acciones/finalizar", json={"ventanilla": numero, "usuario": f"v{numero}"})

    inicio = time.perf_counter()
    with ThreadPoolExecutor(ventanillas) as grupo:
        total = sum(grupo.map(atender, range(1, ventanillas + 1)))
    return total / (time.perf_counter() - inicio), emisiones


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llamados", type=int, default=300)
    parser.add_argument("--ventanillas", type=int, default=4)
    opciones = parser.parse_args()
    puerto = _puerto_libre()
    url = f"http://127.0.0.1:{puerto}"
    servidor = subprocess.Popen(
        [sys.executable, "-m", "ventanilla.central.turnos", "--puerto", str(puerto),
         "--ventanillas", str(opciones.ventanillas)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        limite = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/turnos/estado", timeout=1).raise_for_status()
                break
            except httpx.TransportError:
                if time.monotonic() > limite:
                    raise
                time.sleep(0.05)
        pantalla = Pantalla(url)
        pantalla.start()
        pantalla.lista.wait(10)
        latencias = _latencias(url, pantalla, opciones.llamados)
        llamados_s, emisiones_s = _rendimiento(url, opciones.ventanillas, opciones.llamados * 2)
        pantalla.cerrar()
    finally:
        servidor.terminate()
        servidor.wait(timeout=10)
    resultado: dict[str, Any] = {
        "medicion": "turnos",
        "fecha": datetime.now(UTC).isoformat(timespec="seconds"),
        "maquina": {"sistema": platform.platform(), "python": platform.python_version(), "nucleos": os.cpu_count()},
        "latencia_llamado_a_pantalla_ms": {
            "n": len(latencias),
            "p50": round(statistics.median(latencias), 2),
            "p95": round(_percentil(latencias, 95), 2),
            "max": round(max(latencias), 2),
        },
        "llamados_por_segundo": round(llamados_s, 1),
        "emisiones_por_segundo": round(emisiones_s, 1),
        "ventanillas": opciones.ventanillas,
    }
    json.dump(resultado, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
