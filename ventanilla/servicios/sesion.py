"""Entrar al equipo: la clave de cada usuario, la primera clave y la configuración inicial.

Las claves se guardan como hashes argon2 en el almacén del equipo, así quien ya entró una vez
en este equipo puede volver a entrar sin red. Un usuario sin clave (el administrador de un
equipo recién instalado, o alguien creado por el servidor) la elige la primera vez que entra.
Verificar un hash argon2 cuesta decenas de milisegundos a propósito: la ventana lo hace fuera
del hilo de la interfaz.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ventanilla.datos.ajustes import guardar_ajustes
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.datos.registro import anotar
from ventanilla.dominio.radicados import validar_serie
from ventanilla.servicios.errores import ErrorDeServicio

__all__ = [
    "LARGO_MINIMO",
    "ClaveNoValida",
    "CredencialesInvalidas",
    "SesionUsuario",
    "configurar_equipo",
    "fijar_primera_clave",
    "iniciar_sesion",
    "necesita_primera_clave",
    "sesion_de",
    "validar_clave_nueva",
    "verificar_clave",
]

LARGO_MINIMO = 8
_HASHER = PasswordHasher()


class CredencialesInvalidas(ErrorDeServicio):
    """El usuario no existe, está inactivo o la clave no coincide."""


class ClaveNoValida(ErrorDeServicio):
    """La clave nueva no sirve (corta, o no coincide con su confirmación)."""


@dataclass(frozen=True)
class SesionUsuario:
    """Quién está usando el equipo y con qué roles."""

    login: str
    nombre: str
    roles: tuple[str, ...]

    def tiene(self, *roles: str) -> bool:
        return bool(set(roles) & set(self.roles))


_MENSAJE_GENERICO = "Usuario o clave incorrectos. Revise las mayúsculas y vuelva a intentarlo."


def _sesion(usuario: Usuario) -> SesionUsuario:
    return SesionUsuario(login=usuario.login, nombre=usuario.nombre, roles=tuple(usuario.roles))


def sesion_de(almacen: Almacen, login: str) -> SesionUsuario:
    """La sesión de un usuario activo sin pedir clave (la demostración y las pruebas)."""
    with almacen.leer() as sesion:
        usuario = sesion.get(Usuario, login)
        if usuario is None or not usuario.activo:
            raise CredencialesInvalidas(f"El usuario «{login}» no existe o está inactivo en este equipo.")
        return _sesion(usuario)


def necesita_primera_clave(almacen: Almacen, login: str) -> bool:
    """Verdadero si el usuario existe, está activo y todavía no eligió clave."""
    with almacen.leer() as sesion:
        usuario = sesion.get(Usuario, login.strip())
        return usuario is not None and usuario.activo and usuario.clave_hash is None


def validar_clave_nueva(clave: str, confirmacion: str) -> None:
    if len(clave) < LARGO_MINIMO:
        raise ClaveNoValida(f"La clave debe tener al menos {LARGO_MINIMO} caracteres.")
    if clave != confirmacion:
        raise ClaveNoValida("Las dos claves no coinciden: escríbalas de nuevo.")


def fijar_primera_clave(almacen: Almacen, login: str, clave: str, confirmacion: str) -> SesionUsuario:
    """Guarda la clave de un usuario que aún no tiene y abre su sesión."""
    validar_clave_nueva(clave, confirmacion)
    hash_nuevo = _HASHER.hash(clave)
    with almacen.escribir() as sesion:
        usuario = sesion.get(Usuario, login.strip())
        if usuario is None or not usuario.activo:
            raise CredencialesInvalidas(_MENSAJE_GENERICO)
        if usuario.clave_hash is not None:
            raise CredencialesInvalidas("Este usuario ya tiene clave: escríbala para entrar.")
        usuario.clave_hash = hash_nuevo
        anotar(sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario.login, tipo="sesion.clave_fijada", datos={})
        return _sesion(usuario)


def verificar_clave(almacen: Almacen, login: str, clave: str) -> bool:
    """Si la clave es la del usuario, sin anotar nada (para desbloquear la pantalla)."""
    with almacen.leer() as sesion:
        usuario = sesion.get(Usuario, login)
        guardado = usuario.clave_hash if usuario is not None and usuario.activo else None
    if guardado is None:
        return False
    try:
        return bool(_HASHER.verify(guardado, clave))
    except (VerificationError, InvalidHashError):
        return False


def iniciar_sesion(almacen: Almacen, login: str, clave: str) -> SesionUsuario:
    """Comprueba la clave contra el hash guardado en este equipo (funciona sin red)."""
    with almacen.leer() as sesion:
        usuario = sesion.get(Usuario, login.strip())
        guardado = usuario.clave_hash if usuario is not None and usuario.activo else None
    if usuario is None or guardado is None:
        raise CredencialesInvalidas(_MENSAJE_GENERICO)
    try:
        _HASHER.verify(guardado, clave)
    except (VerificationError, InvalidHashError):
        raise CredencialesInvalidas(_MENSAJE_GENERICO) from None
    with almacen.escribir() as sesion:
        if _HASHER.check_needs_rehash(guardado):
            fila = sesion.get(Usuario, usuario.login)
            if fila is not None:
                fila.clave_hash = _HASHER.hash(clave)
        anotar(sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario.login, tipo="sesion.iniciada", datos={})
    return _sesion(usuario)


def configurar_equipo(almacen: Almacen, *, punto: str, serie: str, clave: str, confirmacion: str) -> SesionUsuario:
    """El primer arranque de un equipo sin servidor: fija punto y serie y la clave del administrador.

    Lanza `ValueError` (punto o serie) o `ClaveNoValida` con un mensaje para el campo.
    """
    punto_limpio = " ".join(punto.split())
    if not punto_limpio:
        raise ValueError("Escriba el nombre del punto de radicación (por ejemplo, Ventanilla Única CAM).")
    serie_limpia = validar_serie(serie)
    validar_clave_nueva(clave, confirmacion)
    hash_nuevo = _HASHER.hash(clave)
    administrador = almacen.ajustes.administrador
    with almacen.escribir() as sesion:
        usuario = sesion.get(Usuario, administrador)
        if usuario is None:
            raise CredencialesInvalidas(f"El administrador «{administrador}» no existe en este equipo.")
        usuario.clave_hash = hash_nuevo
        guardar_ajustes(sesion, punto=punto_limpio, serie=serie_limpia, configurado=True)
        anotar(
            sesion,
            dispositivo=almacen.ajustes.dispositivo,
            usuario=administrador,
            tipo="equipo.configurado",
            datos={"punto": punto_limpio, "serie": serie_limpia, "modo": "independiente"},
        )
        return _sesion(usuario)
