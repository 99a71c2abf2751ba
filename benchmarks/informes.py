"""Cuánto tardan los informes y el panel de supervisión sobre un almacén grande (JSON).

Usa el almacén compartido de `benchmarks/datos.py` (un millón de solicitudes por defecto, en
caché) y mide, con el almacén cifrado tal como lo usa un equipo:
- el informe trimestral de PQRSD del tercer trimestre de 2026 (armar y escribir PDF, XLSX, CSV);
- el mismo trimestre clasificado hoy con muchos eventos posteriores al corte (el camino de
  replegar), el informe anual de 2025, la oportunidad de respuesta y el semanal;
- lo que el panel pide: términos abiertos hoy, indicadores del trimestre y la bitácora de un día.

    python benchmarks/informes.py --solicitudes 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datos import almacen_grande

from ventanilla.datos.almacen import Almacen
from ventanilla.informes import Periodo, armar
from ventanilla.informes.salida_csv import a_csv
from ventanilla.informes.salida_pdf import a_pdf
from ventanilla.informes.salida_xlsx import a_xlsx
from ventanilla.informes.supervision import atraso, leer_bitacora, tablero

AHORA = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
"""El «hoy» de las mediciones: el final de los datos del generador."""
TRIMESTRE = Periodo(date(2026, 7, 1), date(2026, 9, 30))


def _medir(funcion: Callable[[], Any], repeticiones: int) -> tuple[dict[str, float], Any]:
    """Tiempo de reloj y de CPU del proceso: en una máquina compartida, el reloj incluye la espera
    por la CPU; la CPU dice cuánto trabajo fue."""
    tiempos, cpu = [], []
    resultado = None
    for _ in range(repeticiones):
        inicio, inicio_cpu = time.perf_counter(), time.process_time()
        resultado = funcion()
        tiempos.append(time.perf_counter() - inicio)
        cpu.append(time.process_time() - inicio_cpu)
    return {"min_s": round(min(tiempos), 3), "mediana_s": round(statistics.median(tiempos), 3),
            "cpu_min_s": round(min(cpu), 3)}, resultado


def _maquina() -> dict[str, Any]:
    modelo = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        modelo = next((l.split(":", 1)[1].strip() for l in cpuinfo.read_text().splitlines() if l.startswith("model name")), "")
    return {"sistema": platform.platform(), "python": platform.python_version(), "cpu": modelo,
            "nucleos": os.cpu_count(), "carga_media_1min": round(os.getloadavg()[0], 2),
            "fecha": datetime.now(UTC).date().isoformat()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--solicitudes", type=int, default=1_000_000)
    parser.add_argument("--repeticiones", type=int, default=3)
    parser.add_argument("--almacen", type=Path, help="un almacén ya generado (por defecto, el de la caché)")
    args = parser.parse_args(argv)
    almacen = Almacen.abrir(args.almacen or almacen_grande(args.solicitudes))
    r = args.repeticiones
    medidas: dict[str, Any] = {}

    medidas["trimestral_armar"], informe = _medir(lambda: armar(almacen, "pqrsd-trimestral", TRIMESTRE, ahora=AHORA), r)
    for nombre, escribir in (("pdf", a_pdf), ("xlsx", a_xlsx), ("csv", a_csv)):
        medidas[f"trimestral_{nombre}"], contenido = _medir(lambda e=escribir: e(informe), r)  # type: ignore[misc]
        medidas[f"trimestral_{nombre}"]["bytes"] = len(contenido)
    medidas["trimestral_total_pdf_s"] = round(medidas["trimestral_armar"]["mediana_s"] + medidas["trimestral_pdf"]["mediana_s"], 3)
    medidas["trimestral_solicitudes"] = informe.cifra("Solicitudes recibidas")
    medidas["anual_2025_armar"], anual = _medir(
        lambda: armar(almacen, "anual", Periodo(date(2025, 1, 1), date(2025, 12, 31)), ahora=AHORA), 1)
    medidas["anual_2025_solicitudes"] = anual.cifra("Solicitudes recibidas")
    medidas["oportunidad_trimestre_armar"], _ = _medir(lambda: armar(almacen, "oportunidad", TRIMESTRE, ahora=AHORA), r)
    medidas["semanal_armar"], _ = _medir(
        lambda: armar(almacen, "semanal", Periodo(date(2026, 11, 9), date(2026, 11, 15)), ahora=AHORA), r)
    medidas["panel_terminos"], abiertos = _medir(lambda: atraso(almacen, AHORA), r)
    medidas["panel_terminos_abiertas"] = abiertos.resumen.total.total
    medidas["panel_indicadores_trimestre"], _ = _medir(lambda: tablero(almacen, TRIMESTRE, AHORA), r)
    medidas["panel_bitacora_dia"], entradas = _medir(
        lambda: leer_bitacora(almacen, Periodo(date(2026, 9, 15), date(2026, 9, 15))), r)
    medidas["panel_bitacora_dia_eventos"] = len(entradas)
    almacen.cerrar()
    json.dump({"solicitudes": args.solicitudes, "maquina": _maquina(), "medidas": medidas}, sys.stdout,
              ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
