"""Lo que el almacén pide antes de abrirse: su clave, y cifrarlo si aún estaba en claro.

Un almacén nuevo recibe una clave nueva; uno cifrado usa la que el equipo guarda (y si no la
tiene, se dice en palabras en vez de crear otra que no lo abriría); uno en claro se cifra en su
sitio, con copia de respaldo cifrada primero. Una clave que no abre el archivo se nota aquí, con
`ClaveIncorrecta`, y no como un error de SQL a mitad de las migraciones.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ventanilla.seguridad.cifrado import cifrar_en_sitio, conectar, es_texto_plano
from ventanilla.seguridad.clave import clave_del_almacen

__all__ = ["CARPETA_RESPALDOS", "clave_para_abrir"]

CARPETA_RESPALDOS = "respaldos"

_registro = logging.getLogger("ventanilla.seguridad")


def clave_para_abrir(archivo: Path) -> str:
    """La clave con que abrir `archivo`, después de cifrarlo si estaba en claro."""
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
