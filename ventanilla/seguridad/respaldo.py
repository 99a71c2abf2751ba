"""Copias de respaldo del almacén: cifradas, hechas en línea y verificadas después de escribir.

La copia usa la API de respaldo en línea de SQLite dentro de una transacción de lectura: es una
foto coherente del almacén aunque se siga radicando mientras tanto, y las filas de cada tabla se
cuentan en esa misma foto para compararlas con la copia. La copia queda cifrada con la clave del
equipo (la misma del almacén), en un solo archivo (sin WAL: una memoria USB puede retirarse en
cualquier momento), y se escribe primero como `.parcial`: un archivo con el nombre final siempre
está completo y verificado. Junto a ella va un manifiesto JSON sin datos personales.

Restaurar abre la copia con la clave de este equipo (o con la del equipo que la hizo, leída de
un archivo), la verifica, guarda una copia del almacén actual en `respaldos/` y la pone en su
lugar, cifrada con la clave de este equipo.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ventanilla import __version__
from ventanilla.datos.almacen import ARCHIVO_ALMACEN, Almacen
from ventanilla.seguridad.apertura import CARPETA_RESPALDOS
from ventanilla.seguridad.cifrado import (
    CopiaDanada,
    borrar_con_diario,
    conectar,
    resumen_tablas,
    verificar_archivo,
)
from ventanilla.seguridad.clave import clave_del_almacen, huella, validar_clave

__all__ = ["EXTENSION", "Respaldo", "copiar_cifrado", "leer_clave_de_archivo", "respaldar", "restaurar"]

EXTENSION = ".vbak"


@dataclass(frozen=True)
class Respaldo:
    archivo: Path
    manifiesto: Path
    tablas: dict[str, int]
    bytes: int
    sha256: str
    huella_clave: str

    def como_json(self) -> dict[str, Any]:
        datos = asdict(self)
        datos["archivo"] = str(self.archivo)
        datos["manifiesto"] = str(self.manifiesto)
        return datos


def _sha256(archivo: Path) -> str:
    resumen = hashlib.sha256()
    with open(archivo, "rb") as entrada:
        for bloque in iter(lambda: entrada.read(1 << 20), b""):
            resumen.update(bloque)
    return resumen.hexdigest()


def _sincronizar(archivo: Path) -> None:
    descriptor = os.open(archivo, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def copiar_cifrado(origen: Path, clave_origen: str, destino: Path, clave_destino: str) -> dict[str, int]:
    """Copia en línea `origen` a `destino` (cifrado con `clave_destino`) y la verifica.

    Devuelve las filas por tabla de la foto copiada. `destino` queda en modo de diario clásico
    (un solo archivo) y sincronizado con el disco.
    """
    parcial = destino.with_name(destino.name + ".parcial")
    borrar_con_diario(parcial)
    fuente = conectar(origen, clave_origen)
    try:
        fuente.execute("BEGIN")
        esperado = resumen_tablas(fuente)
        copia = conectar(parcial, clave_destino)
        try:
            fuente.backup(copia)
            copia.execute("PRAGMA journal_mode=DELETE")
        finally:
            copia.close()
        fuente.execute("COMMIT")
    finally:
        fuente.close()
    try:
        verificar_archivo(parcial, clave_destino, esperado)
    except CopiaDanada:
        borrar_con_diario(parcial)
        raise
    _sincronizar(parcial)
    os.replace(parcial, destino)
    return esperado


def _destino_final(destino: Path, almacen: Almacen) -> Path:
    if destino.is_dir():
        marca = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        return destino / f"ventanilla-{almacen.ajustes.serie}-{marca}{EXTENSION}"
    return destino


def respaldar(almacen: Almacen, destino: Path) -> Respaldo:
    """Hace la copia cifrada del almacén en `destino` (una carpeta o un nombre de archivo)."""
    clave = clave_del_almacen(almacen.directorio, crear=False)
    final = _destino_final(destino, almacen)
    final.parent.mkdir(parents=True, exist_ok=True)
    tablas = copiar_cifrado(almacen.archivo, clave, final, clave)
    respaldo = Respaldo(
        archivo=final,
        manifiesto=final.with_name(final.name + ".json"),
        tablas=tablas,
        bytes=final.stat().st_size,
        sha256=_sha256(final),
        huella_clave=huella(clave),
    )
    manifiesto = {
        "formato": 1,
        "aplicacion": f"ventanilla {__version__}",
        "creado_en": datetime.now(UTC).isoformat(timespec="seconds"),
        "dispositivo": almacen.ajustes.dispositivo,
        "serie": almacen.ajustes.serie,
        "archivo": final.name,
        "bytes": respaldo.bytes,
        "sha256": respaldo.sha256,
        "huella_clave": respaldo.huella_clave,
        "tablas": tablas,
    }
    respaldo.manifiesto.write_text(json.dumps(manifiesto, ensure_ascii=False, indent=2), encoding="utf-8")
    return respaldo


def leer_clave_de_archivo(ruta: Path) -> str:
    """La clave de otro equipo, guardada por un administrador en un archivo (64 cifras hex)."""
    return validar_clave(ruta.read_text(encoding="utf-8"))


def _comprobar_manifiesto(origen: Path) -> None:
    ruta = origen.with_name(origen.name + ".json")
    if not ruta.exists():
        return
    manifiesto = json.loads(ruta.read_text(encoding="utf-8"))
    if manifiesto.get("sha256") not in (None, _sha256(origen)):
        raise CopiaDanada(f"{origen.name} no coincide con su manifiesto (sha256): la copia está dañada o fue cambiada.")


def restaurar(origen: Path, directorio: Path, *, clave_origen: str | None = None) -> Path | None:
    """Pone la copia `origen` como almacén del equipo en `directorio`.

    Devuelve la copia de seguridad del almacén que había (o None si no había ninguno).
    """
    archivo = directorio / ARCHIVO_ALMACEN
    habia = archivo.exists() and archivo.stat().st_size > 0
    clave = clave_del_almacen(directorio, crear=not habia)
    _comprobar_manifiesto(origen)
    clave_copia = clave_origen or clave
    verificar_archivo(origen, clave_copia)
    previo = None
    if habia:
        marca = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        previo = directorio / CARPETA_RESPALDOS / f"antes-de-restaurar-{marca}{EXTENSION}"
        previo.parent.mkdir(parents=True, exist_ok=True)
        copiar_cifrado(archivo, clave, previo, clave)
    nuevo = archivo.with_name(archivo.name + ".restaurando")
    copiar_cifrado(origen, clave_copia, nuevo, clave)
    for sufijo in ("-wal", "-shm"):
        Path(f"{archivo}{sufijo}").unlink(missing_ok=True)
    os.replace(nuevo, archivo)
    return previo
