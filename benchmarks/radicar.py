"""Mide `radicar` y `buscar` sobre el almacén grande compartido e imprime JSON.

    python benchmarks/radicar.py [--solicitudes 1000000] [--veces 10000]

Radica `--veces` solicitudes nuevas en una copia desechable del almacén (p50/p95 en ms), mide
`buscar` con palabras comunes y documentos (p50/p95 en ms, en total y por consulta) y da el
tamaño del almacén y lo que tardó abrirlo (con las migraciones que le falten a la copia).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datos import _tamano, copia_de_trabajo  # noqa: E402

from ventanilla.datos.almacen import Almacen  # noqa: E402
from ventanilla.servicios.consultas import buscar  # noqa: E402
from ventanilla.servicios.radicacion import radicar  # noqa: E402

CONSULTAS = ["poda", "alumbrado público", "Rodríguez", "certificado residencia", "María", "predial", "vía"]


def percentil(valores: list[float], p: float) -> float:
    ordenados = sorted(valores)
    return ordenados[min(len(ordenados) - 1, int(len(ordenados) * p))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--solicitudes", type=int, default=1_000_000)
    parser.add_argument("--veces", type=int, default=10_000)
    args = parser.parse_args()
    azar = random.Random(7)
    with tempfile.TemporaryDirectory() as temporal:
        directorio = copia_de_trabajo(args.solicitudes, Path(temporal) / "equipo")
        inicio = time.perf_counter()
        almacen = Almacen.abrir(directorio)
        abrir_s = time.perf_counter() - inicio
        radicar(almacen, _solicitud(azar, 0), usuario="admin")
        tiempos = []
        for numero in range(args.veces):
            solicitud = _solicitud(azar, numero)
            inicio = time.perf_counter()
            radicar(almacen, solicitud, usuario="admin")
            tiempos.append((time.perf_counter() - inicio) * 1000)
        busquedas = []
        por_consulta: dict[str, list[float]] = {}
        for numero in range(300):
            texto = CONSULTAS[numero % len(CONSULTAS)] if numero % 3 else str(1_000_000 + azar.randint(0, 10**6))
            inicio = time.perf_counter()
            buscar(almacen, texto)
            busquedas.append((time.perf_counter() - inicio) * 1000)
            por_consulta.setdefault(texto if numero % 3 else "(documento)", []).append(busquedas[-1])
        tamano = _tamano(directorio)
        almacen.cerrar()
    json.dump(
        {
            "solicitudes_en_almacen": args.solicitudes,
            "radicar_veces": args.veces,
            "radicar_p50_ms": round(statistics.median(tiempos), 2),
            "radicar_p95_ms": round(percentil(tiempos, 0.95), 2),
            "buscar_p50_ms": round(statistics.median(busquedas), 2),
            "buscar_p95_ms": round(percentil(busquedas, 0.95), 2),
            "buscar_por_consulta": {
                texto: {"p50_ms": round(statistics.median(t), 2), "p95_ms": round(percentil(t, 0.95), 2)}
                for texto, t in por_consulta.items()
            },
            "abrir_s": round(abrir_s, 1),
            "almacen_mb": round(tamano / 2**20, 1),
        },
        sys.stdout,
    )
    print()
    return 0


def _solicitud(azar: random.Random, numero: int) -> dict[str, object]:
    return {
        "tipo": azar.choice(["peticion", "queja", "reclamo", "documentos"]),
        "canal": "presencial",
        "asunto": f"Solicitud de medición número {numero}",
        "dependencia": azar.choice(["Hacienda", "Planeación", "Movilidad"]),
        "folios": 1,
        "ciudadano": {
            "tipo_documento": "CC",
            "numero_documento": str(80_000_000 + azar.randint(0, 5000)),
            "nombres": "Ana Lucía",
            "apellidos": "Restrepo Arango",
        },
    }


if __name__ == "__main__":
    sys.exit(main())
