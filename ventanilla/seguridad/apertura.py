"""Lo que el almacén pide antes de abrirse: su clave, y cifrar lo que aún estaba en claro.

Un almacén nuevo recibe una clave nueva; uno cifrado usa la que el equipo guarda (y si no la
tiene, se dice en palabras en vez de crear otra que no lo abriría); uno en claro se cifra en su
sitio, con copia de respaldo cifrada primero. Una clave que no abre el archivo se nota aquí, con
`ClaveIncorrecta`, y no como un error de SQL a mitad de las migraciones.

Con la clave ya en su lugar, los borradores y anexos que una versión anterior dejó en claro junto
al almacén se cifran también en su sitio (una pasada idempotente; ver `servicios/borradores.py`
y `servicios/anexos.py`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from ventanilla.seguridad.cifrado import cifrar_en_sitio, conectar, es_texto_plano
from ventanilla.seguridad.clave import clave_del_almacen
from ventanilla.servicios.anexos import cifrar_anexos_en_claro
from ventanilla.servicios.borradores import cifrar_borradores_en_claro

__all__ = ["CARPETA_RESPALDOS", "clave_para_abrir"]

CARPETA_RESPALDOS = "respaldos"

_registro = logging.getLogger("ventanilla.seguridad")


def clave_para_abrir(archivo: Path) -> str:
    """La clave con que abrir `archivo`, después de cifrar lo que estaba en claro."""
    clave = _clave(archivo)
    _cifrar_archivos_en_claro(archivo.parent)
    return clave


def _clave(archivo: Path) -> str:
    directorio = archivo.parent
    existe = archivo.exists() and archivo.stat().st_size > 0
    if existe and es_texto_plano(archivo):
        clave = clave_del_almacen(directorio, crear=True)
        respaldo = cifrar_en_sitio(archivo, clave, directorio / CARPETA_RESPALDOS)
        _registro.warning("El almacén estaba sin cifrar; quedó cifrado (copia previa cifrada: %s).", respaldo.name)
        return clave
    clave = clave_del_almacen(directorio, crear=not existe)
    if existe:
        conectar(archivo, clave).close()
    return clave


def _cifrar_archivos_en_claro(directorio: Path) -> None:
    borradores, anexos = cifrar_borradores_en_claro(directorio), cifrar_anexos_en_claro(directorio)
    if borradores or anexos:
        _registro.warning("Había archivos sin cifrar junto al almacén; quedaron cifrados: %d borradores, %d anexos.",
                          borradores, anexos)
