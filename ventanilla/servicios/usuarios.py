"""Usuarios y roles: quién actúa y qué puede hacer.

Los permisos se comprueban aquí, en los casos de uso, y no solo escondiendo botones.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import Ajustes
from ventanilla.datos.modelos import Usuario
from ventanilla.servicios.errores import PermisoDenegado

__all__ = ["ROLES", "usuario_activo", "exigir_rol", "puede_aprobar_anulaciones"]

ROLES = {
    "funcionario": "Funcionario de ventanilla",
    "supervisor": "Supervisor",
    "administrador": "Administrador",
    "correspondencia": "Unidad de correspondencia",
}


def usuario_activo(sesion: Session, login: str) -> Usuario:
    usuario = sesion.get(Usuario, login)
    if usuario is None or not usuario.activo:
        raise PermisoDenegado(f"El usuario «{login}» no existe o está inactivo en este equipo.")
    return usuario


def exigir_rol(usuario: Usuario, roles: Iterable[str], accion: str) -> None:
    permitidos = set(roles)
    if not permitidos & set(usuario.roles):
        nombres = " o ".join(ROLES.get(r, r).lower() for r in sorted(permitidos))
        raise PermisoDenegado(f"Para {accion} se necesita el rol de {nombres}; «{usuario.login}» no lo tiene.")


def puede_aprobar_anulaciones(usuario: Usuario, ajustes: Ajustes) -> bool:
    return bool(set(ajustes.roles_correspondencia) & set(usuario.roles))
