"""Las rutas de administración (rol administrador): sesiones, usuarios, equipos, catálogos y revisiones.

La ventana de administración del escritorio y cualquier script hablan con estas rutas; el token
de sesión se obtiene en `POST /api/v1/sesiones` con usuario y clave.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from ventanilla.central.acceso import administrador_actual, central_de, cifrar_clave, iniciar_sesion
from ventanilla.central.bd import Central
from ventanilla.central.catalogos import (
    TIPOS_CATALOGO,
    CatalogoInvalido,
    listar,
    obtener,
    poner,
    validar,
)
from ventanilla.central.equipos import crear_codigo, listar_equipos, revocar
from ventanilla.central.modelos_api import (
    UUID,
    CambioCatalogo,
    CambioUsuario,
    PeticionCodigo,
    PeticionSesion,
    ResolucionRevision,
)
from ventanilla.central.recepcion import Rechazo
from ventanilla.central.revisiones import listar as listar_revisiones
from ventanilla.central.revisiones import resolver

__all__ = ["guardar_usuario", "router"]

router = APIRouter(prefix="/api/v1", tags=["administración"])

CentralDep = Annotated[Central, Depends(central_de)]
AdminDep = Annotated[str, Depends(administrador_actual)]
_Clave = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f/]+$")]


@router.post("/sesiones", summary="Entrar como administrador: devuelve un token de sesión")
def entrar(peticion: PeticionSesion, central: CentralDep) -> dict[str, Any]:
    with central.escribir() as conexion:
        abierta = iniciar_sesion(conexion, peticion.login, peticion.clave)
    if abierta is None:
        raise HTTPException(401, "Usuario o clave incorrectos.")
    return {"token": abierta[0], "vence_en": abierta[1], "login": peticion.login}


def guardar_usuario(central: Central, login: str, cambio: CambioUsuario) -> dict[str, Any]:
    with central.escribir() as conexion:
        anterior = obtener(conexion, "usuarios", login)
        clave_hash = cifrar_clave(cambio.clave) if cambio.clave else (anterior["datos"].get("clave_hash") if anterior else None)
        try:
            datos = validar("usuarios", login, {"nombre": cambio.nombre, "roles": cambio.roles, "clave_hash": clave_hash})
        except CatalogoInvalido as error:
            raise HTTPException(422, str(error)) from None
        version = poner(conexion, "usuarios", login, datos, activo=cambio.activo)
    return {"login": login, "nombre": datos["nombre"], "roles": datos["roles"], "activo": cambio.activo, "version": version}


@router.get("/usuarios", summary="Usuarios y roles")
def usuarios(central: CentralDep, _admin: AdminDep) -> list[dict[str, Any]]:
    with central.leer() as conexion:
        return listar(conexion, "usuarios")


@router.put("/usuarios/{login}", summary="Crear o cambiar un usuario (la clave es opcional al editar)")
def poner_usuario(login: _Clave, cambio: CambioUsuario, central: CentralDep, _admin: AdminDep) -> dict[str, Any]:
    return guardar_usuario(central, login, cambio)


@router.get("/dispositivos", summary="Equipos inscritos: punto, serie, última sincronización, desfase")
def equipos(central: CentralDep, _admin: AdminDep) -> list[dict[str, Any]]:
    with central.leer() as conexion:
        return listar_equipos(conexion)


@router.post("/dispositivos/{dispositivo}/revocar", summary="Revocar un equipo")
def revocar_equipo(dispositivo: Annotated[UUID, Path()], central: CentralDep, _admin: AdminDep) -> dict[str, Any]:
    with central.escribir() as conexion:
        if not revocar(conexion, dispositivo):
            raise HTTPException(404, "No hay ningún equipo inscrito con ese identificador.")
    return {"dispositivo": dispositivo, "revocado": True}


@router.post("/codigos-inscripcion", summary="Crear un código de inscripción de un solo uso")
def codigo(peticion: PeticionCodigo, central: CentralDep, admin: AdminDep) -> dict[str, Any]:
    try:
        with central.escribir() as conexion:
            texto, vence = crear_codigo(
                conexion, serie=peticion.serie, punto=peticion.punto, serie_num=peticion.serie_num, creado_por=admin
            )
    except Rechazo as rechazo:
        raise HTTPException(rechazo.estado, rechazo.mensaje) from None
    return {"codigo": texto, "vence_en": vence, "serie": peticion.serie.strip().upper(), "punto": peticion.punto}


@router.get("/catalogos", summary="Los catálogos que existen")
def tipos(_admin: AdminDep) -> dict[str, str]:
    return TIPOS_CATALOGO


@router.get("/catalogos/{tipo}", summary="Las entradas de un catálogo")
def catalogo(tipo: _Clave, central: CentralDep, _admin: AdminDep) -> list[dict[str, Any]]:
    if tipo not in TIPOS_CATALOGO:
        raise HTTPException(404, f"No existe el catálogo «{tipo}».")
    with central.leer() as conexion:
        return listar(conexion, tipo)


@router.put("/catalogos/{tipo}/{clave}", summary="Crear, cambiar o dar de baja una entrada de catálogo")
def poner_catalogo(tipo: _Clave, clave: _Clave, cambio: CambioCatalogo, central: CentralDep, _admin: AdminDep) -> dict[str, Any]:
    if tipo == "usuarios":
        raise HTTPException(422, "Los usuarios se cambian en /api/v1/usuarios/{login}.")
    try:
        datos = validar(tipo, clave, cambio.datos)
    except CatalogoInvalido as error:
        raise HTTPException(404 if tipo not in TIPOS_CATALOGO else 422, str(error)) from None
    with central.escribir() as conexion:
        version = poner(conexion, tipo, clave, datos, activo=cambio.activo)
    return {"tipo": tipo, "clave": clave, "datos": datos, "activo": cambio.activo, "version": version}


@router.get("/revisiones", summary="Lo que espera revisión de una persona (con todas=true, también lo resuelto)")
def revisiones(
    central: CentralDep,
    _admin: AdminDep,
    todas: Annotated[bool, Query(description="Incluir las ya resueltas, con quién, cuándo, qué decidió y por qué")] = False,
) -> list[dict[str, Any]]:
    with central.leer() as conexion:
        return listar_revisiones(conexion, todas=todas)


@router.post("/revisiones/{revision}/resolver", summary="Resolver una revisión: aplicar, conservar o marcar revisada, con su motivo")
def resolver_revision(
    revision: Annotated[int, Path(ge=1, le=2_147_483_647)], peticion: ResolucionRevision, central: CentralDep, admin: AdminDep
) -> dict[str, Any]:
    try:
        return resolver(central, revision, peticion.decision, peticion.nota, admin, version_vista=peticion.version_vista)
    except Rechazo as rechazo:
        raise HTTPException(rechazo.estado, rechazo.mensaje) from None
