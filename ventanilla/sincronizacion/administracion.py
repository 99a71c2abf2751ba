"""El cliente de administración (sin Qt): lo usan la ventana de administración y los scripts.

Entra con usuario y clave de un administrador del servidor y habla con las rutas de
administración: usuarios y roles, equipos (códigos, revocación), catálogos, días cerrados,
plantillas y revisiones. Las negativas llegan como `RechazoDelServidor` con el mensaje del servidor.
"""

from __future__ import annotations

from typing import Any

import httpx

from ventanilla.sincronizacion.cliente import ClienteSync

__all__ = ["ClienteAdministracion", "entrar"]


class ClienteAdministracion:
    def __init__(self, servidor: str, token: str, *, transporte: httpx.BaseTransport | None = None) -> None:
        self._cliente = ClienteSync(servidor, token, transporte=transporte)

    def cerrar(self) -> None:
        self._cliente.cerrar()

    def usuarios(self) -> list[dict[str, Any]]:
        return list(self._cliente.pedir("GET", "/usuarios"))

    def guardar_usuario(self, login: str, nombre: str, roles: list[str], clave: str | None, activo: bool) -> dict[str, Any]:
        cuerpo: dict[str, Any] = {"nombre": nombre, "roles": roles, "activo": activo}
        if clave:
            cuerpo["clave"] = clave
        return dict(self._cliente.pedir("PUT", f"/usuarios/{login}", cuerpo=cuerpo))

    def equipos(self) -> list[dict[str, Any]]:
        return list(self._cliente.pedir("GET", "/dispositivos"))

    def revocar(self, dispositivo: str) -> None:
        self._cliente.pedir("POST", f"/dispositivos/{dispositivo}/revocar")

    def codigo_inscripcion(self, serie: str, punto: str, serie_num: int = 100) -> dict[str, Any]:
        return dict(self._cliente.pedir("POST", "/codigos-inscripcion", cuerpo={"serie": serie, "punto": punto, "serie_num": serie_num}))

    def tipos_de_catalogo(self) -> dict[str, str]:
        return dict(self._cliente.pedir("GET", "/catalogos"))

    def catalogo(self, tipo: str) -> list[dict[str, Any]]:
        return list(self._cliente.pedir("GET", f"/catalogos/{tipo}"))

    def guardar_catalogo(self, tipo: str, clave: str, datos: dict[str, Any], activo: bool = True) -> dict[str, Any]:
        return dict(self._cliente.pedir("PUT", f"/catalogos/{tipo}/{clave}", cuerpo={"datos": datos, "activo": activo}))

    def revisiones(self, todas: bool = False) -> list[dict[str, Any]]:
        """Las pendientes; con `todas`, también las resueltas (quién, cuándo, qué decidió y por qué)."""
        return list(self._cliente.pedir("GET", "/revisiones", params={"todas": "true"} if todas else None))

    def resolver_revision(self, revision: int, decision: str, nota: str, *, version_vista: int | None = None) -> dict[str, Any]:
        """`decision`: «aplicar», «conservar» o «revisada»; `version_vista`, la versión del ciudadano
        que se comparó (así «aplicar» no pisa un cambio llegado mientras tanto)."""
        cuerpo: dict[str, Any] = {"decision": decision, "nota": nota}
        if version_vista is not None:
            cuerpo["version_vista"] = version_vista
        return dict(self._cliente.pedir("POST", f"/revisiones/{revision}/resolver", cuerpo=cuerpo))


def entrar(servidor: str, login: str, clave: str, *, transporte: httpx.BaseTransport | None = None) -> ClienteAdministracion:
    """Abre una sesión de administración; lanza `NoAutorizado` si la clave no sirve."""
    with ClienteSync(servidor, transporte=transporte) as anonimo:
        sesion = anonimo.pedir("POST", "/sesiones", cuerpo={"login": login, "clave": clave})
    return ClienteAdministracion(servidor, sesion["token"], transporte=transporte)
