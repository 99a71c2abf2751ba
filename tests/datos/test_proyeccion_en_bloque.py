"""Proyectar en bloque da lo mismo que proyectar evento por evento (propiedad, con hypothesis).

Una secuencia cualquiera de radicaciones (dos series, con y sin ciudadano) mezcladas con cambios
de estado se guarda en dos almacenes: en uno, cada evento en su propio `incorporar`; en el otro,
todos en un solo `incorporar_todos`, que proyecta cada tramo de radicaciones seguidas de una vez.
Las solicitudes, las series y la búsqueda deben quedar idénticas.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila
from ventanilla.datos.registro import incorporar, incorporar_todos
from ventanilla.dominio.eventos import Evento, nuevo_id

INICIO = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
CIUDADANOS = {
    "0190a1b2-0000-7000-8000-000000000001": ("CC", "24331908", "Gloria Inés", "Arango"),
    "0190a1b2-0000-7000-8000-000000000002": ("TI", "1053800900", "Jhon", "Marín Ñáñez"),
}
CAMBIOS = {
    "solicitud.asignada": lambda: {"dependencia": "HAC"},
    "solicitud.cerrada": lambda: {"fecha": "2026-11-20"},
    "solicitud.ampliada": lambda: {"vence_el": "2026-12-30", "motivo": "Prueba", "fecha": "2026-11-10"},
    "anulacion.solicitada": lambda: {"justificacion": "Duplicada"},
}

acciones = st.lists(
    st.one_of(
        st.tuples(st.just("radicar"), st.sampled_from(["VU01", "BR02"]), st.sampled_from([None, *CIUDADANOS])),
        st.tuples(st.sampled_from(sorted(CAMBIOS)), st.integers(0, 50), st.none()),
    ),
    min_size=1,
    max_size=40,
)


def _eventos(pasos: list[tuple[str, Any, Any]]) -> list[Evento]:
    eventos: list[Evento] = []
    radicadas: list[str] = []
    consecutivos = {"VU01": 0, "BR02": 0}
    for n, (accion, a, b) in enumerate(pasos):
        momento = INICIO + timedelta(minutes=n)
        if accion == "radicar":
            consecutivos[a] += 1
            solicitud = nuevo_id()
            radicadas.append(solicitud)
            datos: dict[str, Any] = {
                "solicitud_id": solicitud, "radicado": f"MZL-{a}-2026-{consecutivos[a]:06d}", "serie": a,
                "anio": 2026, "consecutivo": consecutivos[a], "tipo": "peticion", "canal": "presencial",
                "asunto": f"Poda del árbol número {n}", "dependencia": "MAM", "folios": 1,
                "recibido_en": momento.isoformat(), "fecha_recibo": "2026-11-02", "vence_el": "2026-11-24",
                "aviso_privacidad": True, "anexos": [], "ciudadano_id": b,
            }
            eventos.append(Evento(nuevo_id(), "equipo-a", n + 1, "admin", momento, "solicitud.radicada", datos))
        elif radicadas:
            datos = {"solicitud_id": radicadas[a % len(radicadas)], **CAMBIOS[accion]()}
            eventos.append(Evento(nuevo_id(), "equipo-a", n + 1, "admin", momento, accion, datos))
    return eventos


def _almacen() -> Almacen:
    almacen = Almacen.abrir(Path(tempfile.mkdtemp(prefix="ventanilla-bloque-")))
    with almacen.escribir() as sesion:
        for ciudadano_id, (tipo, numero, nombres, apellidos) in CIUDADANOS.items():
            sesion.add(CiudadanoFila(
                id=ciudadano_id, version=1, tipo_documento=tipo, numero_documento=numero, nombres=nombres,
                apellidos=apellidos, telefono="", correo="", direccion="", comuna="", caracterizacion=None,
                autorizaciones={}, actualizado_en=INICIO,
            ))
    return almacen


def _estado(almacen: Almacen) -> dict[str, list[tuple[object, ...]]]:
    consultas = {
        "solicitudes": "SELECT * FROM solicitudes ORDER BY fila",
        "series": "SELECT * FROM series ORDER BY serie, anio",
        "busqueda": "SELECT rowid, radicado, documento, nombre, asunto FROM busqueda ORDER BY rowid",
    }
    with almacen.leer() as sesion:
        return {nombre: [tuple(f) for f in sesion.execute(text(sql))] for nombre, sql in consultas.items()}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acciones)
def test_en_bloque_o_uno_por_uno_quedan_iguales(pasos: list[tuple[str, Any, Any]]) -> None:
    eventos = _eventos(pasos)
    uno_por_uno, en_bloque = _almacen(), _almacen()
    try:
        with uno_por_uno.escribir() as sesion:
            for evento in eventos:
                incorporar(sesion, evento)
        with en_bloque.escribir() as sesion:
            incorporar_todos(sesion, eventos)
        esperado, obtenido = _estado(uno_por_uno), _estado(en_bloque)
        assert obtenido == esperado
        radicaciones = sum(e.tipo == "solicitud.radicada" for e in eventos)
        assert len(obtenido["solicitudes"]) == len(obtenido["busqueda"]) == radicaciones
    finally:
        for almacen in (uno_por_uno, en_bloque):
            almacen.cerrar()
            shutil.rmtree(almacen.directorio, ignore_errors=True)
