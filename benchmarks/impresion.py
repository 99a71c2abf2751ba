"""Cuánto tarda armar cada documento impreso (meta: constancia < 30 ms p95).

Imprime JSON con p50 y p95 en milisegundos. Cada repetición usa un radicado distinto, como en
la ventanilla, para que el QR no salga de la caché. Uso: `python benchmarks/impresion.py [N]`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime

from ventanilla.impresion import constancia, constancia_anulacion, recibo, sticker, ticket_turno
from ventanilla.impresion.muestras import (
    anulacion_de_muestra,
    radicado_de_muestra,
    turno_de_muestra,
)

__all__ = ["main", "medir"]


def medir(armar: Callable[[int], bytes], repeticiones: int) -> dict[str, float]:
    """p50 y p95 (ms) de `armar(i)`, tras una vuelta de calentamiento (fuentes, imports).

    Da el tiempo de reloj y el de CPU del hilo: en una máquina compartida y cargada el de reloj
    incluye la espera por la CPU; el de CPU se acerca a lo que tarda en un equipo libre.
    """
    armar(-1)
    reloj, cpu = [], []
    for i in range(repeticiones):
        inicio, inicio_cpu = time.perf_counter(), time.thread_time()
        armar(i)
        reloj.append((time.perf_counter() - inicio) * 1000)
        cpu.append((time.thread_time() - inicio_cpu) * 1000)
    r, c = statistics.quantiles(reloj, n=100), statistics.quantiles(cpu, n=100)
    return {
        "p50_ms": round(r[49], 2),
        "p95_ms": round(r[94], 2),
        "cpu_p50_ms": round(c[49], 2),
        "cpu_p95_ms": round(c[94], 2),
        "n": repeticiones,
    }


def main() -> None:
    repeticiones = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    base = radicado_de_muestra()
    anulacion = anulacion_de_muestra()
    turno = turno_de_muestra()

    def radicado(i: int) -> str:
        return f"MZL-VU01-2026-{i % 1_000_000:06d}"

    casos: dict[str, Callable[[int], bytes]] = {
        "constancia_carta": lambda i: constancia(dataclasses.replace(base, radicado=radicado(i))),
        "constancia_letra_grande": lambda i: constancia(
            dataclasses.replace(base, radicado=radicado(i)), letra_grande=True
        ),
        "sticker_100x50": lambda i: sticker(dataclasses.replace(base, radicado=radicado(i))),
        "recibo_80mm": lambda i: recibo(dataclasses.replace(base, radicado=radicado(i))),
        "turno_80mm": lambda i: ticket_turno(dataclasses.replace(turno, codigo=f"A-{i % 1000:03d}")),
        "anulacion": lambda i: constancia_anulacion(
            dataclasses.replace(anulacion, radicado=radicado(i))
        ),
    }
    resultado = {
        "fecha": datetime.now().astimezone().isoformat(timespec="seconds"),
        "maquina": {
            "procesador": platform.processor() or platform.machine(),
            "nucleos": os.cpu_count(),
            "python": platform.python_version(),
            "sistema": platform.platform(),
            "carga_1min": round(os.getloadavg()[0], 2),
        },
        "documentos": {nombre: medir(armar, repeticiones) for nombre, armar in casos.items()},
    }
    print(json.dumps(resultado, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
