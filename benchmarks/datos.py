"""Generador compartido de almacenes grandes para las mediciones (y el perfil de demostración).

Carga directamente (sin pasar por `radicar`, que tardaría media hora para un millón) un almacén
realista: ciudadanos con nombres, documentos y direcciones colombianas de Faker `es_CO`,
solicitudes repartidas en casi dos años entre tres puntos de radicación (dos ventanillas y una
brigada), con sus eventos `solicitud.radicada` encadenados por dispositivo y, para buena parte,
`solicitud.respondida`. Los modelos de lectura son exactamente los que la proyección daría:
`ventanilla reconstruir` sobre el resultado coincide.

El resultado se guarda en `benchmarks/cache/almacen-N/` (con su clave) y se reutiliza;
`copia_de_trabajo` da una copia desechable para las mediciones que escriben.

    python benchmarks/datos.py --solicitudes 1000000
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from faker import Faker

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.ajustes import calendario_de
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.eventos import HASH_INICIAL, calcular_hash, canonico
from ventanilla.dominio.radicados import Plantilla
from ventanilla.dominio.terminos import vence_el

__all__ = ["almacen_grande", "copia_de_trabajo", "CACHE"]

CACHE = Path(__file__).resolve().parent / "cache"
INICIO = datetime(2025, 1, 2, 12, 0, tzinfo=UTC)
FIN = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
PUNTOS = [("VU01", "presencial"), ("VU02", "escrito"), ("BRIG1", "brigada")]
TIPOS = [("peticion", 45), ("queja", 12), ("reclamo", 14), ("documentos", 12), ("sugerencia", 4),
         ("denuncia", 4), ("consulta", 4), ("felicitacion", 2), ("entre_autoridades", 2), ("datos_consulta", 1)]
DEPENDENCIAS = ["SAD", "PLA", "SAL", "EDU", "HAC", "DSO", "INT", "AMB", "TIC", "MOV", "DEP", "CUL"]
ASUNTOS = [
    "Solicitud de poda de árbol en {lugar}", "Reparación de vía en {lugar}", "Certificado de residencia",
    "Paz y salvo de impuesto predial", "Queja por ruido en {lugar}", "Alumbrado público dañado en {lugar}",
    "Cupo escolar para menor de edad", "Afiliación al régimen subsidiado de salud", "Copia de licencia de construcción",
    "Reclamo por cobro de valorización", "Invasión del espacio público en {lugar}", "Recolección de escombros en {lugar}",
    "Información sobre subsidio de vivienda", "Denuncia por maltrato animal en {lugar}", "Semaforización en {lugar}",
    "Revisión de estratificación del predio", "Solicitud de reductor de velocidad en {lugar}", "Inscripción a programa adulto mayor",
]


_COLUMNAS = (
    "fila, id, radicado, serie, anio, consecutivo, tipo, canal, asunto, descripcion, dependencia, folios, anexos, "
    "ciudadano_id, recibido_en, fecha_recibo, radicado_en, vence_inicial, vence_el, estado, estado_previo, ampliada, "
    "requerimiento_el, respondida_el, cerrada_el, trasladada_a, trasladada_el, anulacion_pendiente, "
    "anulacion_solicitante, verbal, prioritaria, preferencial, usuario, dispositivo"
)


_SIN_CALCULAR = object()


def _uuid(espacio: int, numero: int) -> str:
    """Un UUID determinista (misma semilla, mismos ids) que no choca entre clases de registro."""
    return str(uuid.UUID(int=(espacio << 96) | numero))


def _momentos(n: int, azar: random.Random) -> list[datetime]:
    """n instantes en horario de atención (hora de Bogotá), ordenados."""
    total = (FIN - INICIO).total_seconds()
    instantes = sorted(INICIO + timedelta(seconds=azar.random() * total) for _ in range(n))
    return [m.replace(hour=12 + (m.hour % 9)) for m in instantes]


def _ciudadanos(fake: Faker, cuantos: int, azar: random.Random) -> list[dict[str, Any]]:
    filas = []
    usados: set[str] = set()
    while len(filas) < cuantos:
        numero = str(azar.randint(1_000_000, 1_299_999_999))
        if numero in usados:
            continue
        usados.add(numero)
        filas.append({
            "id": _uuid(1, len(filas)),
            "version": 1,
            "tipo_documento": "CC",
            "numero_documento": numero,
            "nombres": fake.first_name(),
            "apellidos": f"{fake.last_name()} {fake.last_name()}",
            "telefono": "3" + "".join(str(azar.randint(0, 9)) for _ in range(9)),
            "correo": fake.free_email(),
            "direccion": fake.street_address(),
            "comuna": "",
            "caracterizacion": None,
            "autorizaciones": json.dumps({"aviso_privacidad": {"version": "2026-01"}}),
            "actualizado_en": INICIO.isoformat(timespec="microseconds"),
        })
    return filas


def _generar(directorio: Path, n: int, semilla: int) -> None:
    azar = random.Random(semilla)
    fake = Faker("es_CO")
    fake.seed_instance(semilla)
    almacen = Almacen.abrir(directorio)
    ajustes = almacen.ajustes
    with almacen.leer() as sesion:
        calendario = calendario_de(sesion, ajustes)
    plantilla = Plantilla(ajustes.plantilla)
    dispositivos = {serie: _uuid(2, i) for i, (serie, _) in enumerate(PUNTOS)}
    ciudadanos = _ciudadanos(fake, max(50, n // 10), azar)
    lugares = [fake.street_name() for _ in range(300)]
    tipos = [t for t, peso in TIPOS for _ in range(peso)]
    conexion = almacen.motor.raw_connection()
    cursor = conexion.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("BEGIN")
    columnas = list(ciudadanos[0])
    cursor.executemany(
        f"INSERT INTO ciudadanos ({', '.join(columnas)}) VALUES ({', '.join(':' + c for c in columnas)})",
        ciudadanos,
    )
    estado_dispositivo = {d: (0, HASH_INICIAL) for d in dispositivos.values()}
    vences: dict[tuple[str, date], Any] = {}
    respuestas: dict[tuple[date, int], date] = {}
    filas_eventos: list[tuple[Any, ...]] = []
    filas_solicitudes: list[tuple[Any, ...]] = []
    consecutivos: dict[tuple[str, int], int] = {}
    for fila, momento in enumerate(_momentos(n, azar), start=1):
        serie, canal = PUNTOS[azar.choice((0, 0, 0, 1, 1, 2))]
        dispositivo = dispositivos[serie]
        anio = momento.astimezone(BOGOTA).year
        consecutivo = consecutivos.get((serie, anio), 0) + 1
        consecutivos[(serie, anio)] = consecutivo
        tipo = azar.choice(tipos)
        ciudadano = None if tipo in ("queja", "denuncia") and azar.random() < 0.2 else azar.choice(ciudadanos)
        radicado = plantilla.formatear(entidad=ajustes.entidad, serie=serie, serie_num=100 + fila % 3, anio=anio, consecutivo=consecutivo)
        fecha_recibo = calendario.fecha_de_recibo(momento)
        vence = vences.get((tipo, fecha_recibo), _SIN_CALCULAR)
        if vence is _SIN_CALCULAR:
            vence = vences[(tipo, fecha_recibo)] = vence_el(tipo, momento, calendario)
        asunto = azar.choice(ASUNTOS).format(lugar=azar.choice(lugares))
        solicitud_id = _uuid(3, fila)
        datos: dict[str, Any] = {
            "solicitud_id": solicitud_id, "radicado": radicado, "serie": serie, "anio": anio,
            "consecutivo": consecutivo, "tipo": tipo, "canal": canal, "asunto": asunto,
            "descripcion": "", "dependencia": azar.choice(DEPENDENCIAS), "folios": azar.randint(1, 12),
            "anexos": [], "ciudadano_id": ciudadano["id"] if ciudadano else None,
            "recibido_en": momento.isoformat(), "fecha_recibo": fecha_recibo.isoformat(),
            "vence_el": vence.isoformat() if vence else None, "verbal": canal == "presencial",
            "prioritaria": False, "preferencial": "", "aviso_privacidad": True, "consentimiento": False,
        }
        eventos = [("solicitud.radicada", momento, datos)]
        respondida: date | None = None
        if vence is not None and momento < FIN - timedelta(days=20) and azar.random() < 0.85:
            dias = azar.randint(2, 30)
            respondida = respuestas.get((fecha_recibo, dias))
            if respondida is None:
                respondida = respuestas[(fecha_recibo, dias)] = calendario.sumar_habiles(fecha_recibo, dias)
            instante = datetime.combine(respondida, momento.timetz()).astimezone(UTC)
            eventos.append(("solicitud.respondida", instante, {"solicitud_id": solicitud_id, "fecha": respondida.isoformat(), "medio": "correo"}))
        eventos_hechos: list[str] = []
        for tipo_evento, instante, contenido in eventos:
            seq, anterior = estado_dispositivo[dispositivo]
            id_evento = _uuid(4, fila * 4 + len(eventos_hechos))
            huella = calcular_hash(anterior, id=id_evento, dispositivo=dispositivo, seq=seq + 1, usuario="admin",
                                   ocurrido_en=instante, tipo=tipo_evento, datos=contenido)
            estado_dispositivo[dispositivo] = (seq + 1, huella)
            eventos_hechos.append(id_evento)
            filas_eventos.append((id_evento, dispositivo, seq + 1, "admin", instante.isoformat(timespec="microseconds"),
                                  tipo_evento, canonico(contenido), huella, solicitud_id))
        cerrada = tipo == "felicitacion"
        filas_solicitudes.append(
            (fila, solicitud_id, radicado, serie, anio, consecutivo, tipo, canal, asunto, "", datos["dependencia"],
             datos["folios"], "[]", datos["ciudadano_id"], momento.isoformat(timespec="microseconds"),
             fecha_recibo.isoformat(), momento.isoformat(timespec="microseconds"), datos["vence_el"], datos["vence_el"],
             "cerrada" if cerrada else ("respondida" if respondida else "radicada"), None, 0, None,
             respondida.isoformat() if respondida else None, fecha_recibo.isoformat() if cerrada else None,
             None, None, None, None, int(canal == "presencial"), 0, "", "admin", dispositivo),
        )
        if fila % 50_000 == 0 or fila == n:
            _volcar(cursor, filas_eventos, filas_solicitudes)
            print(f"{fila} solicitudes", file=sys.stderr, flush=True)
    cursor.executemany("INSERT INTO series VALUES (?,?,?)", [(s, a, u) for (s, a), u in consecutivos.items()])
    # La búsqueda se llena de una vez, en C, desde las tablas ya cargadas.
    cursor.execute(
        "INSERT INTO busqueda (rowid, radicado, documento, nombre, asunto) "
        "SELECT s.fila, s.radicado, coalesce(c.numero_documento, ''), "
        "coalesce(c.nombres || ' ' || c.apellidos, ''), s.asunto "
        "FROM solicitudes s LEFT JOIN ciudadanos c ON c.id = s.ciudadano_id"
    )
    cursor.execute("COMMIT")
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conexion.close()
    almacen.cerrar()


def _volcar(cursor: Any, eventos: list[tuple[Any, ...]], solicitudes: list[tuple[Any, ...]]) -> None:
    cursor.executemany(
        "INSERT INTO eventos (id, dispositivo, seq, usuario, ocurrido_en, tipo, datos, hash, solicitud_id)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        eventos,
    )
    cursor.executemany(f"INSERT INTO solicitudes ({_COLUMNAS}) VALUES ({', '.join('?' * 34)})", solicitudes)
    cursor.execute("COMMIT")
    cursor.execute("BEGIN")
    eventos.clear()
    solicitudes.clear()


def _tamano(directorio: Path) -> int:
    return sum(f.stat().st_size for f in directorio.rglob("*") if f.is_file())


def almacen_grande(n: int = 1_000_000, semilla: int = 2026) -> Path:
    """El directorio de un almacén con n solicitudes (generado una vez y guardado en caché)."""
    destino = CACHE / f"almacen-{n}"
    if (destino / "listo").exists():
        return destino
    temporal = CACHE / f"almacen-{n}.generando"
    shutil.rmtree(temporal, ignore_errors=True)
    temporal.mkdir(parents=True)
    _generar(temporal, n, semilla)
    (temporal / "listo").write_text(datetime.now(UTC).isoformat(), encoding="utf-8")
    shutil.rmtree(destino, ignore_errors=True)
    temporal.rename(destino)
    return destino


def copia_de_trabajo(n: int, destino: Path) -> Path:
    """Una copia desechable del almacén grande, para medir escrituras sin tocar la caché."""
    shutil.copytree(almacen_grande(n), destino)
    return destino


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--solicitudes", type=int, default=1_000_000)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _argumentos(argv)
    inicio = time.perf_counter()
    directorio = almacen_grande(args.solicitudes)
    json.dump(
        {"solicitudes": args.solicitudes, "segundos": round(time.perf_counter() - inicio, 1),
         "tamano_mb": round(_tamano(directorio) / 2**20, 1), "directorio": str(directorio)},
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
