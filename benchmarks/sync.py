"""Mide la sincronización en loopback contra PostgreSQL: envío y recepción de N eventos.

Arranca su propio PostgreSQL (initdb + pg_ctl, como las pruebas) y un `ventanilla servidor` real;
un equipo con N radicaciones ya anotadas (encadenadas como las anota el almacén) las envía, y un
equipo nuevo las recibe y las proyecta. Imprime JSON. Uso:

    python benchmarks/sync.py                 # 10.000 y 100.000 eventos
    python benchmarks/sync.py --tamanos 2000  # una corrida corta
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import httpx

from ventanilla.central.bd import Central
from ventanilla.central.equipos import crear_codigo
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila
from ventanilla.dominio.eventos import HASH_INICIAL, Evento, nuevo_id
from ventanilla.sincronizacion import envio
from ventanilla.sincronizacion.envio import Envio, enviar_eventos, preparar_envio
from ventanilla.sincronizacion.inscripcion import inscribir
from ventanilla.sincronizacion.motor import cliente_de
from ventanilla.sincronizacion.recepcion import recibir


def _bin_pg() -> Path:
    """Los programas de PostgreSQL: `VENTANILLA_PG_BIN`, o los del paquete de Debian (postgresql-NN)."""
    elegido = os.environ.get("VENTANILLA_PG_BIN")
    if elegido:
        return Path(elegido)
    versiones = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda r: int(r.parent.name) if r.parent.name.isdigit() else 0)
    return versiones[-1] if versiones else Path("initdb").parent


BIN_PG = _bin_pg()


def _puerto() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _postgres(carpeta: Path) -> str:
    shutil.chown(carpeta, "postgres", "postgres")
    puerto = _puerto()
    como = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*como, BIN_PG / "initdb", "-D", carpeta / "data", "-U", "app", "--auth=trust"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([*como, BIN_PG / "pg_ctl", "-D", carpeta / "data", "-l", carpeta / "pg.log", "-w", "-o",
                    f"-k {carpeta} -p {puerto} -c listen_addresses=127.0.0.1", "start"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([*como, BIN_PG / "createdb", "-h", "127.0.0.1", "-p", str(puerto), "-U", "app", "central"], check=True)
    return f"postgresql+psycopg://app@127.0.0.1:{puerto}/central"


def _detener_postgres(carpeta: Path) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", BIN_PG / "pg_ctl", "-D", carpeta / "data", "-m", "fast", "stop"],
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _servidor(url_bd: str, carpeta: Path) -> tuple[subprocess.Popen[bytes], str]:
    puerto = _puerto()
    proceso = subprocess.Popen(
        [sys.executable, "-m", "ventanilla.cli", "servidor", "--puerto", str(puerto)],
        env={**os.environ, "VENTANILLA_DB_URL": url_bd, "VENTANILLA_DATOS": str(carpeta)},
    )
    url = f"http://127.0.0.1:{puerto}"
    limite = time.monotonic() + 120
    while time.monotonic() < limite:
        try:
            if httpx.get(f"{url}/api/v1/version", timeout=1).status_code == 200:
                return proceso, url
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("el servidor no arrancó")


def _anotar_en_bloque(almacen: Almacen, cuantos: int) -> None:
    """N radicaciones encadenadas, escritas de una vez (preparar no es lo que se mide)."""
    ajustes = almacen.ajustes
    anterior, filas = HASH_INICIAL, []
    for seq in range(1, cuantos + 1):
        datos = {
            "solicitud_id": nuevo_id(), "radicado": f"MZL-{ajustes.serie}-2026-{seq:06d}", "serie": ajustes.serie,
            "anio": 2026, "consecutivo": seq, "tipo": "peticion", "canal": "presencial", "asunto": f"Asunto {seq}",
            "dependencia": "MAM", "folios": 1, "recibido_en": "2026-11-20T14:00:00+00:00", "fecha_recibo": "2026-11-20",
            "vence_el": "2026-12-11", "aviso_privacidad": True, "anexos": [],
        }
        sin_hash = Evento(nuevo_id(), ajustes.dispositivo, seq, "admin", datetime.now(UTC), "solicitud.radicada", datos)
        evento = replace(sin_hash, hash=sin_hash.hash_esperado(anterior))
        anterior = evento.hash
        filas.append(EventoFila(id=evento.id, dispositivo=evento.dispositivo, seq=seq, usuario="admin",
                                ocurrido_en=evento.ocurrido_en, tipo=evento.tipo, datos=datos, hash=evento.hash,
                                solicitud_id=datos["solicitud_id"]))
    with almacen.escribir() as sesion:
        sesion.add_all(filas)


def _codigo(url_bd: str, carpeta: Path, serie: str) -> str:
    central = Central.abrir(url_bd, carpeta)
    try:
        with central.escribir() as conexion:
            return crear_codigo(conexion, serie=serie, punto=serie, serie_num=100, creado_por="benchmark")[0]
    finally:
        central.cerrar()


def medir(cuantos: int, base: Path) -> dict[str, Any]:
    carpeta_pg = Path(tempfile.mkdtemp(prefix="ventanilla-bench-pg-"))
    url_bd = _postgres(carpeta_pg)
    proceso, url = _servidor(url_bd, base / "servidor")
    try:
        origen = Almacen.abrir(base / "origen")
        destino = Almacen.abrir(base / "destino")
        inscribir(origen, url, _codigo(url_bd, base / "servidor", "BENCH1"))
        inscribir(destino, url, _codigo(url_bd, base / "servidor", "BENCH2"))
        _anotar_en_bloque(origen, cuantos)
        sin_avance = lambda *_: None
        inicio = time.perf_counter()
        with cliente_de(origen) as cliente:
            enviar_eventos(origen, cliente, Envio(), sin_avance, preparar_envio(origen, cliente))
        envio_s = time.perf_counter() - inicio
        inicio = time.perf_counter()
        with cliente_de(destino) as cliente:
            recibidos = recibir(destino, cliente, sin_avance)
        recepcion_s = time.perf_counter() - inicio
        assert recibidos == cuantos, (recibidos, cuantos)
        return {
            "eventos": cuantos, "envio_s": round(envio_s, 2), "recepcion_s": round(recepcion_s, 2),
            "total_s": round(envio_s + recepcion_s, 2), "eventos_por_s": round(cuantos / (envio_s + recepcion_s)),
            "lote_envio": envio.LOTE_EVENTOS,
        }
    finally:
        proceso.kill()
        proceso.wait()
        _detener_postgres(carpeta_pg)
        shutil.rmtree(carpeta_pg, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tamanos", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    resultados = []
    for cuantos in args.tamanos:
        with tempfile.TemporaryDirectory(prefix="ventanilla-bench-") as carpeta:
            resultados.append(medir(cuantos, Path(carpeta)))
        print(json.dumps(resultados[-1], ensure_ascii=False), file=sys.stderr)
    json.dump(
        {"maquina": platform.platform(), "cpus": os.cpu_count(), "fecha": datetime.now(UTC).isoformat(timespec="seconds"),
         "postgresql": "15", "resultados": resultados},
        sys.stdout, ensure_ascii=False, indent=2,
    )
    print()


if __name__ == "__main__":
    main()
