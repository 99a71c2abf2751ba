"""Abrir archivos SQLCipher y cifrar en su sitio un almacén que todavía está en claro.

Un almacén en claro (de una versión anterior) se cifra al abrirlo: primero se hace una copia de
respaldo cifrada y verificada en `respaldos/`, luego una copia cifrada junto al original, se
verifica, y solo entonces reemplaza al original (`os.replace`, atómico). Si el proceso muere a
mitad, el original sigue intacto. SQLCipher no admite copiar con la API de respaldo de un archivo
en claro a uno cifrado; para eso usa `sqlcipher_export`.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL

from ventanilla.seguridad.clave import AlmacenIlegible

__all__ = [
    "CABECERA_SQLITE",
    "ClaveIncorrecta",
    "CopiaDanada",
    "borrar_con_diario",
    "cifrar_en_sitio",
    "conectar",
    "es_texto_plano",
    "exportar_cifrado",
    "pragma_clave",
    "resumen_tablas",
    "url_cifrada",
    "verificar_archivo",
]

CABECERA_SQLITE = b"SQLite format 3\x00"


class ClaveIncorrecta(AlmacenIlegible):
    """El archivo no se abre con esta clave (otra clave, o no es un almacén)."""


class CopiaDanada(AlmacenIlegible):
    """La copia se abre pero está dañada o no coincide con su original."""


def es_texto_plano(archivo: Path) -> bool:
    """Verdadero si el archivo es una base SQLite sin cifrar."""
    try:
        with open(archivo, "rb") as entrada:
            return entrada.read(len(CABECERA_SQLITE)) == CABECERA_SQLITE
    except FileNotFoundError:
        return False


def pragma_clave(clave: str) -> str:
    """El valor de `PRAGMA key` para una clave cruda en hexadecimal (sin derivación)."""
    return f"\"x'{clave}'\""


def url_cifrada(archivo: Path, clave: str) -> URL:
    # El dialecto pone la «contraseña» entre comillas dobles: así queda la sintaxis de clave cruda.
    return URL.create("sqlite+pysqlcipher", password=f"x'{clave}'", database=str(archivo))


def conectar(archivo: Path, clave: str | None) -> Any:
    """Una conexión de `sqlcipher3` al archivo (sin clave: un archivo en claro)."""
    import sqlcipher3  # type: ignore[import-untyped]

    conexion = sqlcipher3.connect(str(archivo), isolation_level=None)
    conexion.execute("PRAGMA cipher_log_level = NONE")
    if clave is not None:
        conexion.execute(f"PRAGMA key = {pragma_clave(clave)}")
    try:
        conexion.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        conexion.close()
        raise ClaveIncorrecta(
            f"{archivo} no se abre con la clave de este equipo: fue cifrado con otra clave o no es un "
            "almacén de Ventanilla."
        ) from error
    return conexion


def resumen_tablas(conexion: Any) -> dict[str, int]:
    """Cuántas filas tiene cada tabla ordinaria (para comparar una copia con su original)."""
    tablas = [
        nombre
        for (nombre,) in conexion.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {t: conexion.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tablas}


def verificar_archivo(archivo: Path, clave: str, esperado: dict[str, int] | None = None) -> dict[str, int]:
    """Abre la copia con su clave, corre `integrity_check` y compara las filas con el original."""
    import sqlcipher3  # type: ignore[import-untyped]

    conexion = conectar(archivo, clave)
    try:
        (resultado,) = conexion.execute("PRAGMA integrity_check").fetchone()
        if resultado != "ok":
            raise CopiaDanada(f"{archivo.name} está dañado: {resultado}")
        resumen = resumen_tablas(conexion)
    except sqlcipher3.DatabaseError as error:
        # SQLCipher autentica cada página (HMAC): un solo byte cambiado la vuelve ilegible.
        raise CopiaDanada(f"{archivo.name} está dañado o fue alterado: una página no pasa su verificación.") from error
    finally:
        conexion.close()
    if esperado is not None and resumen != esperado:
        distintas = sorted(t for t in esperado.keys() | resumen.keys() if esperado.get(t) != resumen.get(t))
        raise CopiaDanada(f"La copia {archivo.name} no coincide con el original en: {', '.join(distintas)}.")
    return resumen


def borrar_con_diario(archivo: Path) -> None:
    for sufijo in ("", "-wal", "-shm", "-journal"):
        Path(f"{archivo}{sufijo}").unlink(missing_ok=True)


def exportar_cifrado(origen: Any, destino: Path, clave: str) -> None:
    """Copia la base abierta en `origen` (en claro) a un archivo nuevo cifrado con `clave`."""
    borrar_con_diario(destino)
    ruta = str(destino).replace("'", "''")
    origen.execute(f"ATTACH DATABASE '{ruta}' AS cifrada KEY {pragma_clave(clave)}")
    try:
        origen.execute("SELECT sqlcipher_export('cifrada')")
        (version,) = origen.execute("PRAGMA main.user_version").fetchone()
        origen.execute(f"PRAGMA cifrada.user_version = {int(version)}")
    finally:
        origen.execute("DETACH DATABASE cifrada")


def cifrar_en_sitio(archivo: Path, clave: str, carpeta_respaldos: Path) -> Path:
    """Cifra un almacén en claro sin moverlo de sitio; devuelve la copia de respaldo cifrada."""
    plano = conectar(archivo, None)
    try:
        plano.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        esperado = resumen_tablas(plano)
        carpeta_respaldos.mkdir(parents=True, exist_ok=True)
        marca = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        respaldo = carpeta_respaldos / f"antes-de-cifrar-{marca}.db"
        exportar_cifrado(plano, respaldo, clave)
        verificar_archivo(respaldo, clave, esperado)
        nuevo = archivo.with_name(archivo.name + ".cifrando")
        exportar_cifrado(plano, nuevo, clave)
    finally:
        plano.close()
    verificar_archivo(nuevo, clave, esperado)
    for sufijo in ("-wal", "-shm"):
        Path(f"{archivo}{sufijo}").unlink(missing_ok=True)
    os.replace(nuevo, archivo)
    return respaldo
