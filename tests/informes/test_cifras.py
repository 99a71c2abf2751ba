"""Cada cifra de los informes de PQRSD coincide con la calculada aparte de lo que se hizo."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, datetime
from typing import Any

import pytest

from ventanilla.dominio.calendario import BOGOTA, Calendario
from ventanilla.dominio.terminos import EstadoTermino, limite_traslado
from ventanilla.informes import Periodo, armar

E = EstadoTermino
DESDE, HASTA = date(2026, 7, 1), date(2026, 9, 30)
CORTE = datetime(2026, 10, 1, tzinfo=BOGOTA)
AHORA = datetime(2026, 11, 20, 12, 0, tzinfo=BOGOTA)


def p90(valores: list[int]) -> int | None:
    return sorted(valores)[math.ceil(0.9 * len(valores)) - 1] if valores else None


def _esperadas(datos: Any) -> list[Any]:
    return datos.al_corte(DESDE, HASTA, CORTE)


def _validas(esperadas: list[Any]) -> list[Any]:
    return [e for e in esperadas if e.estado is not E.ANULADA]


def _dias(e: Any, cal: Calendario) -> int | None:
    return cal.habiles_entre(e.v.fecha_recibo, e.respondida) if e.respondida else None


@pytest.fixture(scope="module")
def trimestral(datos: Any) -> Any:
    return armar(datos.almacen, "pqrsd-trimestral", Periodo(DESDE, HASTA), ahora=AHORA)


def test_el_escenario_tiene_de_todo(datos: Any) -> None:
    estados = Counter(e.estado for e in _esperadas(datos))
    for estado in (E.RESPONDIDA_A_TIEMPO, E.RESPONDIDA_FUERA_DE_TERMINO, E.VENCIDA, E.TRASLADADA, E.ANULADA,
                   E.EN_ESPERA_DEL_CIUDADANO, E.SIN_TERMINO):
        assert estados[estado] > 0, estado
    despues = [a for v in datos.solicitudes for a in v.acciones if a[0] >= CORTE]
    assert len(despues) > 20, "hacen falta eventos posteriores al corte para probar el «al corte»"


def test_cifras_generales_del_trimestre(datos: Any, trimestral: Any) -> None:
    validas = _validas(_esperadas(datos))
    estados = Counter(e.estado for e in validas)
    dias = [d for e in validas if (d := _dias(e, datos.calendario)) is not None]
    assert trimestral.cifra("Solicitudes recibidas") == len(validas)
    assert trimestral.cifra("Respondidas a tiempo") == estados[E.RESPONDIDA_A_TIEMPO]
    assert trimestral.cifra("Respondidas fuera de término") == estados[E.RESPONDIDA_FUERA_DE_TERMINO]
    assert trimestral.cifra("Vencidas sin respuesta") == estados[E.VENCIDA]
    base = estados[E.RESPONDIDA_A_TIEMPO] + estados[E.RESPONDIDA_FUERA_DE_TERMINO] + estados[E.VENCIDA]
    assert trimestral.cifra("Oportunidad de respuesta") == pytest.approx(100 * estados[E.RESPONDIDA_A_TIEMPO] / base)
    assert trimestral.cifra("Promedio de respuesta (días hábiles)") == pytest.approx(sum(dias) / len(dias))


def test_tabla_por_tipo_fila_por_fila(datos: Any, trimestral: Any) -> None:
    tabla = trimestral.tabla("Solicitudes por tipo")
    from ventanilla.dominio.terminos import TERMINOS

    filas = {f[0]: f for f in tabla.filas}
    validas = _validas(_esperadas(datos))
    for tipo in {e.v.tipo for e in validas}:
        grupo = [e for e in validas if e.v.tipo == tipo]
        c = Counter(e.estado for e in grupo)
        fila = filas[TERMINOS[tipo].nombre]
        assert fila[1:10] == [
            len(grupo), c[E.RESPONDIDA_A_TIEMPO], c[E.RESPONDIDA_FUERA_DE_TERMINO], c[E.VENCIDA], c[E.VIGENTE],
            c[E.POR_VENCER], c[E.TRASLADADA], c[E.EN_ESPERA_DEL_CIUDADANO], c[E.DESISTIDA] + c[E.SIN_TERMINO],
        ], tipo
    assert tabla.totales is not None and tabla.totales[1] == len(validas)


def test_tiempos_de_respuesta_por_tipo(datos: Any, trimestral: Any) -> None:
    from ventanilla.dominio.terminos import TERMINOS

    filas = {f[0]: f for f in trimestral.tabla("Tiempo de respuesta por tipo (días hábiles)").filas}
    validas = _validas(_esperadas(datos))
    for tipo in {e.v.tipo for e in validas}:
        dias = [d for e in validas if e.v.tipo == tipo and (d := _dias(e, datos.calendario)) is not None]
        fila = filas[TERMINOS[tipo].nombre]
        assert fila[2] == len(dias)
        assert fila[3] == (pytest.approx(sum(dias) / len(dias)) if dias else None)
        assert fila[4] == p90(dias)


def test_por_dependencia_y_canal(datos: Any, trimestral: Any) -> None:
    nombres = datos.almacen.dependencias()
    validas = _validas(_esperadas(datos))
    filas = {f[0]: f for f in trimestral.tabla("Solicitudes por dependencia").filas}
    for codigo in {e.v.dependencia for e in validas}:
        grupo = [e for e in validas if e.v.dependencia == codigo]
        c = Counter(e.estado for e in grupo)
        fila = filas[nombres[codigo]]
        assert (fila[1], fila[2], fila[3], fila[4]) == (
            len(grupo), c[E.RESPONDIDA_A_TIEMPO], c[E.RESPONDIDA_FUERA_DE_TERMINO], c[E.VENCIDA]
        )
    canales = {"presencial": "Presencial", "escrito": "Escrito", "web": "Página web",
               "correo_electronico": "Correo electrónico", "telefonico": "Telefónico"}
    esperados = Counter(canales[e.v.canal] for e in validas)
    assert {f[0]: f[1] for f in trimestral.tabla("Solicitudes por canal").filas} == esperados


def test_silencio_positivo_y_anuladas(datos: Any, trimestral: Any) -> None:
    esperadas = _esperadas(datos)
    silencio = sorted(e.v.radicado for e in esperadas if e.v.tipo == "documentos" and e.estado is E.VENCIDA)
    tabla = trimestral.tabla("Silencio positivo: peticiones de documentos vencidas sin respuesta")
    assert sorted(f[0] for f in tabla.filas) == silencio
    anuladas = sum(e.estado is E.ANULADA for e in esperadas)
    assert any(f"se anularon {anuladas} radicados" in getattr(b, "texto", "") for b in trimestral.bloques)


def test_caracterizacion(datos: Any, trimestral: Any) -> None:
    validas = _validas(_esperadas(datos))
    con = [e for e in validas if e.v.caracterizacion]
    sexo = Counter(e.v.caracterizacion["sexo"].capitalize() for e in con)
    victima = Counter("Sí" if e.v.caracterizacion["victima"] else "No" for e in con)
    filas = {(f[0], f[1]): f[2] for f in trimestral.tabla("Caracterización de los peticionarios (grupos de valor)").filas}
    assert filas[("Solicitudes", "Con caracterización autorizada")] == len(con)
    assert filas[("Solicitudes", "Sin caracterización (no autorizada o anónima)")] == len(validas) - len(con)
    for valor, n in sexo.items():
        assert filas[("Sexo", valor)] == n
    for valor, n in victima.items():
        assert filas[("Víctima del conflicto armado", valor)] == n


def test_oportunidad_vencidas_con_dias_de_atraso(datos: Any) -> None:
    informe = armar(datos.almacen, "oportunidad", Periodo(DESDE, HASTA), ahora=AHORA)
    esperadas = {
        e.v.radicado: datos.calendario.habiles_entre(e.vence, HASTA)
        for e in _esperadas(datos) if e.estado is E.VENCIDA
    }
    filas = informe.tabla("Solicitudes vencidas sin respuesta").filas
    assert {f[0]: f[5] for f in filas} == esperadas


def test_traslados_dentro_de_cinco_dias_habiles(datos: Any) -> None:
    informe = armar(datos.almacen, "traslados", Periodo(DESDE, HASTA), ahora=AHORA)
    esperadas = [e for e in _esperadas(datos) if e.estado is E.TRASLADADA]
    a_tiempo = {
        e.v.radicado: e.trasladada <= limite_traslado(e.v.recibido, datos.calendario) for e in esperadas
    }
    assert informe.cifra("Trasladadas por competencia") == len(esperadas)
    assert informe.cifra("Trasladadas a tiempo") == sum(a_tiempo.values())
    assert 0 < sum(a_tiempo.values()) < len(a_tiempo), "el escenario debe tener traslados tardíos y a tiempo"
    detalle = informe.tabla("Detalle de los traslados").filas
    assert {f[0]: f[7] == "Sí" for f in detalle} == a_tiempo


def test_acceso_a_la_informacion(datos: Any) -> None:
    informe = armar(datos.almacen, "acceso-informacion", Periodo(DESDE, HASTA), ahora=AHORA)
    docs = [e for e in _validas(_esperadas(datos)) if e.v.tipo == "documentos"]
    dias = [d for e in docs if (d := _dias(e, datos.calendario)) is not None]
    assert informe.cifra("Solicitudes de información recibidas") == len(docs)
    assert informe.cifra("Trasladadas a otra institución") == sum(e.estado is E.TRASLADADA for e in docs)
    assert informe.cifra("Solicitudes en que se negó el acceso") == sum(e.sentido == "negada" for e in docs)
    assert informe.cifra("Solicitudes en que se negó el acceso") > 0
    assert informe.cifra("Tiempo promedio de respuesta (días hábiles)") == pytest.approx(sum(dias) / len(dias))
    filas = {f[0]: f[5] for f in informe.tabla("Tiempo de respuesta de cada solicitud").filas}
    assert filas == {e.v.radicado: _dias(e, datos.calendario) for e in docs}
