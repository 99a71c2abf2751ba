"""Quién llama: la versión del protocolo, el token de un equipo y la sesión de un administrador.

Los tokens se guardan solo como su SHA-256: una copia de la base no deja entrar a nadie. El token
de un equipo empieza por `eq_`; el de una sesión de administración, por `ad_`. (La rotación de
tokens y el límite de intentos de entrada se agregan en `iniciar_sesion` y `equipo_actual`.)
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Header, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, delete, insert, select

from ventanilla.central.bd import Central, ahora_iso
from ventanilla.central.catalogos import obtener
from ventanilla.central.tablas import dispositivos, sesiones
from ventanilla.sincronizacion.protocolo import VERSION_PROTOCOLO, mensaje_de_version

__all__ = [
    "DURACION_SESION",
    "Equipo",
    "administrador_actual",
    "central_de",
    "cifrar_clave",
    "equipo_actual",
    "exigir_protocolo",
    "hash_token",
    "iniciar_sesion",
    "nuevo_token",
]

DURACION_SESION = timedelta(hours=8)
_hasher = PasswordHasher()
_portador = HTTPBearer(auto_error=False, description="Token del equipo (eq_…) o de una sesión de administración (ad_…)")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def nuevo_token(prefijo: str) -> str:
    return f"{prefijo}_{secrets.token_urlsafe(32)}"


def cifrar_clave(clave: str) -> str:
    return _hasher.hash(clave)


def central_de(request: Request) -> Central:
    central: Central = request.app.state.central
    return central


def exigir_protocolo(
    x_ventanilla_protocolo: Annotated[str | None, Header(description="Versión del protocolo del equipo")] = None,
) -> int:
    if x_ventanilla_protocolo is None:
        raise HTTPException(
            426,
            f"Falta la cabecera X-Ventanilla-Protocolo: el equipo es anterior al protocolo "
            f"{VERSION_PROTOCOLO}. Actualice Ventanilla en este equipo.",
        )
    try:
        version = int(x_ventanilla_protocolo)
    except ValueError:
        raise HTTPException(400, "La cabecera X-Ventanilla-Protocolo debe ser un número entero.") from None
    mensaje = mensaje_de_version(version, VERSION_PROTOCOLO)
    if mensaje:
        raise HTTPException(426, mensaje)
    return version


@dataclass(frozen=True)
class Equipo:
    id: str
    serie: str
    punto: str


def _token(credenciales: HTTPAuthorizationCredentials | None, quien: str) -> str:
    if credenciales is None or not credenciales.credentials:
        raise HTTPException(401, f"Falta el token {quien}.", headers={"WWW-Authenticate": "Bearer"})
    return credenciales.credentials


def equipo_actual(
    central: Annotated[Central, Depends(central_de)],
    credenciales: Annotated[HTTPAuthorizationCredentials | None, Depends(_portador)],
) -> Equipo:
    token = _token(credenciales, "del equipo: inscríbalo con «ventanilla inscribir»")
    with central.leer() as conexion:
        fila = conexion.execute(
            select(dispositivos.c.id, dispositivos.c.serie, dispositivos.c.punto, dispositivos.c.revocado).where(
                dispositivos.c.token_hash == hash_token(token)
            )
        ).first()
    if fila is None:
        raise HTTPException(
            401, "El servidor no reconoce el token de este equipo: vuelva a inscribirlo con un código nuevo.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if fila.revocado:
        raise HTTPException(
            403, "Un administrador revocó este equipo: no puede sincronizar. Lo pendiente sigue guardado en el "
            "equipo; pida un código de inscripción nuevo.",
        )
    return Equipo(fila.id, fila.serie, fila.punto)


def administrador_actual(
    central: Annotated[Central, Depends(central_de)],
    credenciales: Annotated[HTTPAuthorizationCredentials | None, Depends(_portador)],
) -> str:
    token = _token(credenciales, "de la sesión: entre con su usuario de administrador")
    with central.leer() as conexion:
        fila = conexion.execute(
            select(sesiones.c.login, sesiones.c.vence_en).where(sesiones.c.token_hash == hash_token(token))
        ).first()
        usuario = obtener(conexion, "usuarios", fila.login) if fila else None
    if fila is None or fila.vence_en < ahora_iso():
        raise HTTPException(401, "La sesión no existe o venció: vuelva a entrar.", headers={"WWW-Authenticate": "Bearer"})
    if usuario is None or not usuario["activo"] or "administrador" not in usuario["datos"]["roles"]:
        raise HTTPException(403, f"El usuario «{fila.login}» no tiene el rol de administrador.")
    return str(fila.login)


def verificar_clave(usuario: dict[str, Any] | None, clave: str) -> bool:
    if usuario is None or not usuario["activo"] or not usuario["datos"].get("clave_hash"):
        _hasher.hash(clave)  # el mismo trabajo exista o no el usuario: no delata logins válidos
        return False
    try:
        return _hasher.verify(usuario["datos"]["clave_hash"], clave)
    except (VerificationError, InvalidHashError):
        return False


def iniciar_sesion(conexion: Connection, login: str, clave: str) -> tuple[str, str] | None:
    """Abre una sesión si la clave es correcta: devuelve (token, vence_en) o None."""
    usuario = obtener(conexion, "usuarios", login)
    if not verificar_clave(usuario, clave):
        return None
    ahora = datetime.now(UTC)
    conexion.execute(delete(sesiones).where(sesiones.c.vence_en < ahora_iso(ahora)))
    token = nuevo_token("ad")
    vence = ahora_iso(ahora + DURACION_SESION)
    conexion.execute(insert(sesiones).values(token_hash=hash_token(token), login=login, vence_en=vence))
    return token, vence
