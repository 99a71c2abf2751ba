"""Los catálogos versionados del servidor: validar un cambio, guardarlo y listar lo posterior.

Cada cambio (alta, edición o baja) toma la siguiente versión del contador `catalogo`; los equipos
piden «todo lo posterior a la versión N» y lo aplican con su cursor en una transacción. Una baja
no borra la fila: la marca inactiva, para que los equipos también se enteren de ella.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ventanilla.central.bd import avanzar
from ventanilla.central.tablas import catalogo
from ventanilla.dominio.radicados import Plantilla, PlantillaInvalida

__all__ = ["ROLES", "TIPOS_CATALOGO", "CatalogoInvalido", "cambios_desde", "listar", "obtener", "poner", "validar"]

TIPOS_CATALOGO: dict[str, str] = {
    "dependencias": "Dependencias",
    "servicios": "Servicios (trámites y orientación)",
    "ventanillas": "Ventanillas",
    "comunas": "Comunas y corregimientos",
    "cierres": "Días cerrados de la entidad",
    "plantillas": "Plantillas de numeración",
    "entidad": "Datos de la entidad",
    "usuarios": "Usuarios y roles",
}

ROLES = ("funcionario", "supervisor", "administrador", "correspondencia")


class CatalogoInvalido(ValueError):
    """El cambio de catálogo no es válido; el mensaje dice qué corregir."""


def _texto(datos: dict[str, Any], campo: str, maximo: int = 200) -> str:
    valor = datos.get(campo)
    if not isinstance(valor, str) or not valor.strip():
        raise CatalogoInvalido(f"Falta «{campo}» (un texto).")
    if len(valor) > maximo:
        raise CatalogoInvalido(f"«{campo}» no puede pasar de {maximo} caracteres.")
    return valor.strip()


def validar(tipo: str, clave: str, datos: dict[str, Any]) -> dict[str, Any]:
    """Devuelve los datos normalizados o lanza `CatalogoInvalido` con un mensaje en español."""
    if tipo not in TIPOS_CATALOGO:
        raise CatalogoInvalido(f"No existe el catálogo «{tipo}»; los catálogos son: {', '.join(TIPOS_CATALOGO)}.")
    if not clave or len(clave) > 64 or not clave.isprintable():
        raise CatalogoInvalido("La clave debe ser un texto de 1 a 64 caracteres.")
    if tipo in ("dependencias", "comunas", "servicios", "ventanillas"):
        limpio = {"nombre": _texto(datos, "nombre")}
        for extra in ("nombre_largo", "clase", "letra"):
            if isinstance(datos.get(extra), str):
                limpio[extra] = datos[extra][:200]
        if tipo == "comunas" and limpio.get("clase", "comuna") not in ("comuna", "corregimiento"):
            raise CatalogoInvalido("La clase de una comuna es «comuna» o «corregimiento».")
        for extra in ("espera_objetivo_min",):
            if isinstance(datos.get(extra), int) and not isinstance(datos.get(extra), bool):
                limpio[extra] = datos[extra]
        if isinstance(datos.get("servicios"), list):
            limpio["servicios"] = [str(s)[:64] for s in datos["servicios"]]
        return limpio
    if tipo == "cierres":
        try:
            date.fromisoformat(clave)
        except ValueError:
            raise CatalogoInvalido(f"La clave de un día cerrado es su fecha (AAAA-MM-DD), no «{clave}».") from None
        motivo = datos.get("motivo", "")
        return {"motivo": motivo[:200] if isinstance(motivo, str) else ""}
    if tipo == "plantillas":
        texto = _texto(datos, "texto", 100)
        try:
            Plantilla(texto)
        except PlantillaInvalida as error:
            raise CatalogoInvalido(str(error)) from None
        return {"texto": texto}
    if tipo == "entidad":
        return {c: _texto(datos, c) for c in ("codigo", "nombre", "nit")}
    roles = datos.get("roles")
    if not isinstance(roles, list) or not roles or not all(r in ROLES for r in roles):
        raise CatalogoInvalido(f"Los roles de un usuario son una lista no vacía de: {', '.join(ROLES)}.")
    limpio = {"nombre": _texto(datos, "nombre"), "roles": sorted(set(roles))}
    clave_hash = datos.get("clave_hash")
    limpio["clave_hash"] = clave_hash if isinstance(clave_hash, str) else None
    return limpio


def poner(conexion: Connection, tipo: str, clave: str, datos: dict[str, Any], *, activo: bool = True) -> int:
    """Guarda (o da de baja) una entrada ya validada; devuelve su nueva versión."""
    version = avanzar(conexion, "catalogo", 1) + 1
    texto = json.dumps(datos, sort_keys=True, ensure_ascii=False)
    existe = conexion.scalar(select(catalogo.c.clave).where(catalogo.c.tipo == tipo, catalogo.c.clave == clave))
    if existe is None:
        conexion.execute(insert(catalogo).values(tipo=tipo, clave=clave, datos=texto, activo=activo, version=version))
    else:
        conexion.execute(
            update(catalogo)
            .where(catalogo.c.tipo == tipo, catalogo.c.clave == clave)
            .values(datos=texto, activo=activo, version=version)
        )
    return version


def _fila(fila: Any, *, con_secretos: bool) -> dict[str, Any]:
    datos = json.loads(fila.datos)
    if not con_secretos:
        datos.pop("clave_hash", None)
    return {"tipo": fila.tipo, "clave": fila.clave, "datos": datos, "activo": fila.activo, "version": fila.version}


def listar(conexion: Connection, tipo: str) -> list[dict[str, Any]]:
    filas = conexion.execute(select(catalogo).where(catalogo.c.tipo == tipo).order_by(catalogo.c.clave))
    return [_fila(f, con_secretos=False) for f in filas]


def obtener(conexion: Connection, tipo: str, clave: str) -> dict[str, Any] | None:
    fila = conexion.execute(select(catalogo).where(catalogo.c.tipo == tipo, catalogo.c.clave == clave)).first()
    return _fila(fila, con_secretos=True) if fila else None


def cambios_desde(conexion: Connection, version: int, limite: int) -> list[dict[str, Any]]:
    """Los cambios posteriores a `version`, en orden (con el hash de la clave de cada usuario: los
    equipos inscritos dejan entrar a sus funcionarios sin conexión)."""
    filas = conexion.execute(
        select(catalogo).where(catalogo.c.version > version).order_by(catalogo.c.version).limit(limite)
    )
    return [_fila(f, con_secretos=True) for f in filas]
