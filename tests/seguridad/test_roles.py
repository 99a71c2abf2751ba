"""Los roles se hacen cumplir en `servicios`: un funcionario pide la anulación, no la aprueba."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tests.seguridad.conftest import AHORA, radicar_varias
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila, SolicitudFila, Usuario
from ventanilla.servicios.errores import PermisoDenegado
from ventanilla.servicios.tramite import anular, resolver_anulacion, solicitar_anulacion

JUSTIFICACION = "Radicado duplicado por error de digitación"


def _usuarios(almacen: Almacen) -> None:
    with almacen.escribir() as sesion:
        sesion.add(Usuario(login="ana", nombre="Ana Ríos", roles=["funcionario"], clave_hash=None, activo=True))
        sesion.add(Usuario(login="sara", nombre="Sara Toro", roles=["supervisor"], clave_hash=None, activo=True))


def _estado(almacen: Almacen, radicado: str) -> tuple[str, str | None]:
    with almacen.leer() as sesion:
        fila = sesion.scalars(select(SolicitudFila).where(SolicitudFila.radicado == radicado)).one()
        return fila.estado, fila.anulacion_pendiente


def _tipos(almacen: Almacen) -> list[str]:
    with almacen.leer() as sesion:
        return list(sesion.scalars(select(EventoFila.tipo).order_by(EventoFila.seq)))


def test_un_funcionario_pide_la_anulacion_pero_no_puede_aprobarla(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    _usuarios(almacen)
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    solicitar_anulacion(almacen, radicacion.radicado, JUSTIFICACION, usuario="ana", ahora=AHORA)
    assert _estado(almacen, radicacion.radicado)[1] == JUSTIFICACION

    with pytest.raises(PermisoDenegado, match="«ana» puede pedirla, no resolverla"):
        resolver_anulacion(almacen, radicacion.radicado, True, "Aprobada", usuario="ana", ahora=AHORA)
    with pytest.raises(PermisoDenegado):
        resolver_anulacion(almacen, radicacion.radicado, False, "Rechazada", usuario="ana", ahora=AHORA)
    assert _tipos(almacen) == ["solicitud.radicada", "anulacion.solicitada"], "la negativa no deja evento"
    assert _estado(almacen, radicacion.radicado)[0] != "anulada"

    resolver_anulacion(almacen, radicacion.radicado, True, "Aprobada", usuario="sara", ahora=AHORA)
    assert _estado(almacen, radicacion.radicado)[0] == "anulada"


def test_un_funcionario_tampoco_anula_de_una_vez(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    _usuarios(almacen)
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    with pytest.raises(PermisoDenegado):
        anular(almacen, radicacion.radicado, JUSTIFICACION, usuario="ana", ahora=AHORA)
    assert _tipos(almacen) == ["solicitud.radicada"], "ni siquiera queda la solicitud de anulación a medias"


def test_un_usuario_inactivo_no_actua(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    with almacen.escribir() as sesion:
        sesion.add(Usuario(login="ex", nombre="Exfuncionario", roles=["supervisor"], clave_hash=None, activo=False))
    with pytest.raises(PermisoDenegado, match="inactivo"):
        solicitar_anulacion(almacen, radicacion.radicado, JUSTIFICACION, usuario="ex", ahora=AHORA)
