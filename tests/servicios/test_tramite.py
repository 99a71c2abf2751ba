"""Trámite: anulación en dos pasos por rol, ampliación, incompleta y traslado como eventos."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.servicios import tramite
from ventanilla.servicios.consultas import ficha
from ventanilla.servicios.errores import AccionNoPermitida, PermisoDenegado
from ventanilla.servicios.radicacion import radicar

AHORA = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


@pytest.fixture
def radicado(almacen: Almacen, solicitud_valida: dict[str, Any]) -> str:
    with almacen.escribir() as sesion:
        sesion.add(Usuario(login="funcionaria", nombre="Luz Marina Ospina", roles=["funcionario"], clave_hash=None, activo=True))
    return radicar(almacen, solicitud_valida, usuario="funcionaria", ahora=AHORA).radicado


def test_funcionario_pide_anulacion_pero_no_la_aprueba(almacen: Almacen, radicado: str) -> None:
    tramite.solicitar_anulacion(almacen, radicado, "Se radicó dos veces la misma carta", usuario="funcionaria", ahora=AHORA)
    with pytest.raises(PermisoDenegado, match="unidad de correspondencia"):
        tramite.resolver_anulacion(almacen, radicado, True, "", usuario="funcionaria", ahora=AHORA)
    assert ficha(almacen, radicado).solicitud.estado == "radicada"
    tramite.resolver_anulacion(almacen, radicado, True, "Duplicado verificado", usuario="admin", ahora=AHORA)
    datos = ficha(almacen, radicado)
    assert datos.solicitud.estado == "anulada"
    assert [e.tipo for e in datos.eventos] == ["solicitud.radicada", "anulacion.solicitada", "anulacion.aprobada"]


def test_un_funcionario_no_anula_en_un_paso(almacen: Almacen, radicado: str) -> None:
    with pytest.raises(PermisoDenegado):
        tramite.anular(almacen, radicado, "Error de digitación del asunto", usuario="funcionaria", ahora=AHORA)
    assert ficha(almacen, radicado).eventos[-1].tipo == "solicitud.radicada"


def test_correspondencia_anula_en_un_paso_y_el_numero_queda_usado(almacen: Almacen, radicado: str, solicitud_valida: dict[str, Any]) -> None:
    tramite.anular(almacen, radicado, "Error de digitación del asunto", usuario="admin", ahora=AHORA)
    assert ficha(almacen, radicado).solicitud.estado == "anulada"
    siguiente = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    assert siguiente.radicado.endswith("000002")


def test_anulacion_rechazada_vuelve_a_estar_disponible(almacen: Almacen, radicado: str) -> None:
    tramite.solicitar_anulacion(almacen, radicado, "Creo que estaba repetida", usuario="funcionaria", ahora=AHORA)
    tramite.resolver_anulacion(almacen, radicado, False, "No está repetida", usuario="admin", ahora=AHORA)
    assert ficha(almacen, radicado).solicitud.anulacion_pendiente is None
    with pytest.raises(AccionNoPermitida, match="no tiene ninguna anulación pendiente"):
        tramite.resolver_anulacion(almacen, radicado, True, "", usuario="admin", ahora=AHORA)


def test_justificacion_obligatoria(almacen: Almacen, radicado: str) -> None:
    with pytest.raises(AccionNoPermitida, match="justificación"):
        tramite.solicitar_anulacion(almacen, radicado, "  ", usuario="funcionaria", ahora=AHORA)


def test_ampliar_una_vez_antes_del_vencimiento(almacen: Almacen, radicado: str) -> None:
    tramite.ampliar(almacen, radicado, date(2027, 1, 7), "Requiere visita técnica", usuario="funcionaria", ahora=AHORA + timedelta(days=5))
    assert ficha(almacen, radicado).solicitud.vence_el == date(2027, 1, 7)
    with pytest.raises(AccionNoPermitida, match="ya fue ampliado"):
        tramite.ampliar(almacen, radicado, date(2027, 1, 6), "Otra vez", usuario="funcionaria", ahora=AHORA + timedelta(days=6))


def test_ampliar_despues_de_vencida_se_rechaza(almacen: Almacen, radicado: str) -> None:
    with pytest.raises(AccionNoPermitida, match="vencida"):
        tramite.ampliar(almacen, radicado, date(2027, 1, 14), "Tarde", usuario="funcionaria", ahora=datetime(2026, 12, 16, 15, tzinfo=UTC))


def test_incompleta_suspende_y_completar_reanuda(almacen: Almacen, radicado: str) -> None:
    tramite.marcar_incompleta(almacen, radicado, "Falta copia de la escritura", usuario="funcionaria", ahora=datetime(2026, 11, 26, 15, tzinfo=UTC))
    assert ficha(almacen, radicado).estado_termino.value == "en_espera_del_ciudadano"
    tramite.completar(almacen, radicado, usuario="funcionaria", ahora=datetime(2026, 12, 10, 15, tzinfo=UTC))
    solicitud = ficha(almacen, radicado).solicitud
    assert solicitud.estado == "radicada"
    # Quedaban 12 días hábiles (27 nov – 15 dic); corren desde el 11 de diciembre.
    assert solicitud.vence_el == date(2026, 12, 29)


def test_traslado_marca_si_fue_a_tiempo(almacen: Almacen, radicado: str) -> None:
    tramite.trasladar(almacen, radicado, "Gobernación de Caldas", usuario="funcionaria", ahora=datetime(2026, 12, 1, 15, tzinfo=UTC))
    datos = ficha(almacen, radicado)
    assert datos.solicitud.estado == "trasladada"
    assert datos.eventos[-1].datos["a_tiempo"] is False  # el límite era el 30 de noviembre


def test_responder_y_cerrar(almacen: Almacen, radicado: str) -> None:
    tramite.responder(almacen, radicado, "correo", "Se programó la poda", usuario="funcionaria", ahora=datetime(2026, 12, 15, 15, tzinfo=UTC))
    tramite.cerrar(almacen, radicado, usuario="funcionaria", ahora=datetime(2026, 12, 16, 15, tzinfo=UTC))
    datos = ficha(almacen, radicado, hoy=date(2027, 1, 1))
    assert datos.solicitud.estado == "cerrada"
    assert datos.estado_termino.value == "respondida_a_tiempo"


def test_la_respuesta_anota_su_sentido(almacen: Almacen, radicado: str) -> None:
    with pytest.raises(AccionNoPermitida, match="«tal vez» no existe"):
        tramite.responder(almacen, radicado, "correo", usuario="funcionaria", sentido="tal vez", ahora=AHORA)
    tramite.responder(almacen, radicado, "correo", "Información entregada", usuario="funcionaria", sentido="negada", ahora=AHORA)
    assert ficha(almacen, radicado).eventos[-1].datos["sentido"] == "negada"
