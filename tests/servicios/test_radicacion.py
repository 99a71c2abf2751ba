"""Radicar: número consecutivo, ciudadano fuera de los eventos, errores por campo sin consumir números."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, EventoFila, Serie, SolicitudFila
from ventanilla.dominio.solicitudes import SolicitudInvalida
from ventanilla.servicios.consultas import buscar, ficha
from ventanilla.servicios.radicacion import radicar

AHORA = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 10:00 en Bogotá


def contar(almacen: Almacen, modelo: Any) -> int:
    with almacen.leer() as sesion:
        return int(sesion.scalar(select(func.count()).select_from(modelo)) or 0)


def test_radica_con_numero_consecutivo_y_vencimiento(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    primero = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    segundo = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    assert primero.radicado == "MZL-VU01-2026-000001"
    assert segundo.radicado == "MZL-VU01-2026-000002"
    assert primero.vence_el == date(2026, 12, 15)
    assert primero.ciudadano_id == segundo.ciudadano_id


def test_la_serie_se_reinicia_cada_anio(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    solicitud_valida["recibido"] = None
    radicar(almacen, solicitud_valida, usuario="admin", ahora=datetime(2026, 12, 31, 20, 0, tzinfo=UTC))
    # 04:59 UTC del 1 de enero aún es 31 de diciembre en Bogotá: misma serie anual.
    ultimo_2026 = radicar(almacen, solicitud_valida, usuario="admin", ahora=datetime(2027, 1, 1, 4, 59, tzinfo=UTC))
    primero_2027 = radicar(almacen, solicitud_valida, usuario="admin", ahora=datetime(2027, 1, 1, 5, 1, tzinfo=UTC))
    assert ultimo_2026.radicado == "MZL-VU01-2026-000002"
    assert primero_2027.radicado == "MZL-VU01-2027-000001"


def test_los_datos_personales_no_van_en_los_eventos(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    with almacen.leer() as sesion:
        datos = [str(e.datos) for e in sesion.scalars(select(EventoFila))]
    assert datos
    for personal in ("75071234", "María", "Gómez", "3001234567", "maria.gomez", "Calle 19"):
        assert all(personal not in d for d in datos)


def test_sin_autorizacion_no_se_guarda_caracterizacion(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    solicitud_valida["caracterizacion"] = {"grupo_etnico": "indigena", "discapacidad": "visual"}
    solicitud_valida["accesibilidad"] = ["interprete_senas"]
    solicitud_valida["consentimiento"] = False
    radicado = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    with almacen.leer() as sesion:
        ciudadano = sesion.get(CiudadanoFila, radicado.ciudadano_id)
        assert ciudadano is not None
        assert ciudadano.caracterizacion is None
        assert ciudadano.autorizaciones["aviso_privacidad"]["version"]
        assert ciudadano.autorizaciones["tratamiento_adicional"]["otorgada"] is False


def test_con_autorizacion_se_guarda_caracterizacion(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    solicitud_valida["caracterizacion"] = {"grupo_etnico": "raizal"}
    solicitud_valida["consentimiento"] = True
    radicado = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    with almacen.leer() as sesion:
        ciudadano = sesion.get(CiudadanoFila, radicado.ciudadano_id)
        assert ciudadano is not None and ciudadano.caracterizacion == {"grupo_etnico": "raizal"}


def test_queja_anonima_si_peticion_anonima_no(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    queja = dict(solicitud_valida, tipo="queja", ciudadano=None)
    assert radicar(almacen, queja, usuario="admin", ahora=AHORA).ciudadano_id is None
    with pytest.raises(SolicitudInvalida) as error:
        radicar(almacen, dict(solicitud_valida, ciudadano=None), usuario="admin", ahora=AHORA)
    assert [e.campo for e in error.value.errores] == ["ciudadano"]


def test_felicitacion_se_cierra_al_recibirla(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicado = radicar(almacen, dict(solicitud_valida, tipo="felicitacion"), usuario="admin", ahora=AHORA)
    assert radicado.vence_el is None
    assert ficha(almacen, radicado.radicado).solicitud.estado == "cerrada"


def _estado(almacen: Almacen) -> tuple[int, int, int, list[tuple[str, int, int]]]:
    with almacen.leer() as sesion:
        series = [(s.serie, s.anio, s.ultimo) for s in sesion.scalars(select(Serie))]
    return contar(almacen, EventoFila), contar(almacen, SolicitudFila), contar(almacen, CiudadanoFila), series


@pytest.mark.parametrize(
    ("cambio", "campo", "mensaje"),
    [
        ({"ciudadano": {"numero_documento": "890801053-5", "tipo_documento": "NIT"}}, "ciudadano.numero_documento", "es 7, no 5"),
        ({"tipo": "tutela"}, "tipo", "«tutela» no existe"),
        ({"recibido": "2030-01-01T10:00:00"}, "recibido", "en el futuro"),
        ({"asunto": "   "}, "asunto", "Escriba el asunto"),
        ({"canal": "paloma"}, "canal", "«paloma» no existe"),
        ({"dependencia": "Astronomía"}, "dependencia", "no está en el catálogo"),
        ({"folios": -1}, "folios", "número entero"),
        ({"ciudadano": {"correo": "maria@"}}, "ciudadano.correo", "no es válido"),
        ({"ciudadano": {"telefono": "12345"}}, "ciudadano.telefono", "no es válido"),
    ],
)
def test_cada_error_por_su_campo_sin_tocar_el_almacen(
    almacen: Almacen, solicitud_valida: dict[str, Any], cambio: dict[str, Any], campo: str, mensaje: str
) -> None:
    radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    antes = _estado(almacen)
    mala = copy.deepcopy(solicitud_valida)
    for clave, valor in cambio.items():
        if isinstance(valor, dict):
            mala[clave].update(valor)
        else:
            mala[clave] = valor
    with pytest.raises(SolicitudInvalida) as error:
        radicar(almacen, mala, usuario="admin", ahora=AHORA)
    assert [e.campo for e in error.value.errores] == [campo]
    assert mensaje in error.value.errores[0].mensaje
    assert _estado(almacen) == antes
    siguiente = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    assert siguiente.radicado == "MZL-VU01-2026-000002"


def test_dependencia_por_nombre_sin_tildes_ni_mayusculas(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicado = radicar(almacen, dict(solicitud_valida, dependencia="planeacion"), usuario="admin", ahora=AHORA)
    assert ficha(almacen, radicado.radicado).dependencia_nombre == "Planeación"


def test_buscar_por_radicado_documento_nombre_y_asunto(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    primero = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    otra = copy.deepcopy(solicitud_valida)
    otra["asunto"] = "Reparación de la vía en La Enea"
    segundo = radicar(almacen, otra, usuario="admin", ahora=AHORA)
    assert [r.radicado for r in buscar(almacen, primero.radicado)] == [primero.radicado]
    assert [r.radicado for r in buscar(almacen, "75071234")] == [segundo.radicado, primero.radicado]
    assert [r.radicado for r in buscar(almacen, "nanez maria")] == [segundo.radicado, primero.radicado]
    assert [r.radicado for r in buscar(almacen, "reparacion via")] == [segundo.radicado]
    assert buscar(almacen, "inexistente") == []
    assert buscar(almacen, '"; DROP TABLE') == []


def test_datos_sensibles_solo_con_su_propia_autorizacion(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    solicitud_valida["caracterizacion"] = {"rango_edad": "60+", "etnia": "raizal", "discapacidad": "visual"}
    solicitud_valida["autorizaciones"] = {"caracterizacion": True, "datos_sensibles": False, "encuestas_contacto": True}
    radicado = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA)
    with almacen.leer() as sesion:
        ciudadano = sesion.get(CiudadanoFila, radicado.ciudadano_id)
        assert ciudadano is not None
        assert ciudadano.caracterizacion == {"rango_edad": "60+"}
        assert ciudadano.autorizaciones["datos_sensibles"]["otorgada"] is False
        assert ciudadano.autorizaciones["encuestas_contacto"]["otorgada"] is True
