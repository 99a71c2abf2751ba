"""Rotar el token del equipo cada cierto tiempo, sin quedar nunca fuera del servidor.

El equipo genera el token nuevo, lo guarda como *pendiente* y lo manda al servidor autenticado con
el actual (`POST /api/v1/equipo/token`). Solo con el acuse el nuevo pasa a ser el token y el
pendiente se borra. Si la respuesta se pierde, no se sabe si el servidor alcanzó a cambiarlo: la
siguiente sincronización prueba primero el pendiente. Si el servidor lo reconoce, queda; si no
(401), nunca llegó, y el actual sigue valiendo. Un token robado de una copia vieja del equipo deja
de servir en la siguiente rotación.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta

import httpx

from ventanilla.datos.almacen import Almacen
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.credenciales import borrar_token, guardar_token, leer_token
from ventanilla.sincronizacion.errores import NoAutorizado, SinConexion

__all__ = ["ROTAR_CADA", "anotar_rotacion", "recuperar_rotacion", "rotar_si_toca", "rotar_token"]

ROTAR_CADA = timedelta(days=30)
_CLAVE = "token_rotado_en"
_registro = logging.getLogger("ventanilla.sincronizacion")


def anotar_rotacion(almacen: Almacen, momento: datetime) -> None:
    """Anota cuándo recibió el equipo su token actual (al inscribirse o al rotarlo)."""
    with almacen.escribir() as sesion:
        memoria.guardar(sesion, **{_CLAVE: momento.astimezone(UTC).isoformat()})


def _promover(almacen: Almacen, nuevo: str, momento: datetime) -> None:
    dispositivo = almacen.ajustes.dispositivo
    guardar_token(almacen.directorio, dispositivo, nuevo)
    borrar_token(almacen.directorio, dispositivo, pendiente=True)
    anotar_rotacion(almacen, momento)


def recuperar_rotacion(almacen: Almacen, *, transporte: httpx.BaseTransport | None = None) -> None:
    """Termina una rotación que quedó a medias. Lanza `SinConexion` si no hay con quién probar."""
    dispositivo = almacen.ajustes.dispositivo
    pendiente = leer_token(almacen.directorio, dispositivo, pendiente=True)
    if not pendiente or not almacen.ajustes.servidor:
        return
    with ClienteSync(almacen.ajustes.servidor, pendiente, transporte=transporte) as prueba:
        try:
            prueba.pedir("GET", "/sync/estado")
        except NoAutorizado as error:
            if error.estado != 401:
                raise
            borrar_token(almacen.directorio, dispositivo, pendiente=True)
            return
    _promover(almacen, pendiente, datetime.now(UTC))


def rotar_token(almacen: Almacen, cliente: ClienteSync) -> str:
    """Cambia el token del equipo por uno nuevo; devuelve el nuevo (ya en uso por `cliente`)."""
    nuevo = f"eq_{secrets.token_urlsafe(32)}"
    guardar_token(almacen.directorio, almacen.ajustes.dispositivo, nuevo, pendiente=True)
    cliente.pedir("POST", "/equipo/token", cuerpo={"nuevo": nuevo})
    _promover(almacen, nuevo, datetime.now(UTC))
    cliente.usar_token(nuevo)
    return nuevo


def rotar_si_toca(almacen: Almacen, cliente: ClienteSync, ahora: datetime | None = None) -> bool:
    """Rota el token si tiene más de `ROTAR_CADA` (o no se sabe su edad); dice si rotó.

    Una falla de red a mitad no estropea la sincronización que ya terminó: el pendiente queda y la
    siguiente lo resuelve con `recuperar_rotacion`.
    """
    momento = ahora or datetime.now(UTC)
    with almacen.leer() as sesion:
        anotado = memoria.leer(sesion, _CLAVE)
    if anotado and momento - datetime.fromisoformat(anotado) < ROTAR_CADA:
        return False
    try:
        rotar_token(almacen, cliente)
    except SinConexion:
        _registro.warning("La rotación del token del equipo quedó a medias; se termina en la próxima sincronización.")
        return False
    return True
