"""Las fotos al corte, el índice de días hábiles y la clasificación dan lo mismo que las reglas."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ventanilla.datos.modelos import EventoFila
from ventanilla.dominio.calendario import BOGOTA, Calendario
from ventanilla.dominio.terminos import EstadoSolicitud, estado_termino
from ventanilla.informes.clasificacion import Clasificador
from ventanilla.informes.fotos import Foto, fotos, plegar
from ventanilla.informes.habiles import IndiceHabil
from ventanilla.informes.periodo import iso_utc

CALENDARIO = Calendario()
INDICE = IndiceHabil(CALENDARIO, date(2026, 1, 1), date(2026, 3, 1))


def _plegado_completo(datos: Any, corte: datetime) -> dict[str, Foto]:
    """Cada solicitud rehecha desde todos sus eventos anteriores al corte (sin atajos)."""
    historias: dict[str, list[tuple[str, dict[str, Any], str, str, str]]] = {}
    with datos.almacen.leer() as sesion:
        filas = sesion.scalars(select(EventoFila).order_by(EventoFila.ocurrido_en, EventoFila.id))
        for f in filas:
            if f.solicitud_id is None or f.tipo.startswith(("encuesta", "documento")):
                continue
            if f.tipo == "solicitud.radicada" or f.ocurrido_en < corte:
                historias.setdefault(f.solicitud_id, []).append(
                    (f.tipo, json.loads(json.dumps(f.datos)), iso_utc(f.ocurrido_en), f.usuario, f.dispositivo)
                )
    return {sid: foto for sid, h in historias.items() if (foto := plegar(h)) is not None}


def test_el_atajo_da_lo_mismo_que_plegar_todo(datos: Any) -> None:
    rnd = random.Random(7)
    for _ in range(4):
        corte = datetime(2026, 6, 20, tzinfo=BOGOTA) + timedelta(hours=rnd.randint(0, 24 * 150))
        completas = _plegado_completo(datos, corte)
        with datos.almacen.leer() as sesion:
            rapidas = {f.id: f for f in fotos(sesion, recibidas_desde=None, recibidas_hasta=corte + timedelta(days=400),
                                                corte=corte)}
            abiertas = {f.id for f in fotos(sesion, recibidas_desde=None, recibidas_hasta=corte + timedelta(days=400),
                                             corte=corte, solo_abiertas=True)}
        assert rapidas == completas, corte
        assert abiertas == {i for i, f in completas.items() if f.estado in ("radicada", "asignada", "incompleta")}


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2026, 1, 2), date(2026, 2, 20)), st.dates(date(2026, 1, 2), date(2026, 2, 20)),
       st.integers(1, 20))
def test_el_indice_cuenta_como_el_calendario(a: date, b: date, n: int) -> None:
    assert INDICE.entre(a.isoformat(), b.isoformat()) == CALENDARIO.habiles_entre(a, b)
    assert INDICE.sumar(a.isoformat(), n) == CALENDARIO.sumar_habiles(a, n).isoformat()


def test_el_indice_se_amplia_fuera_de_su_rango() -> None:
    indice = IndiceHabil(CALENDARIO, date(2026, 5, 1), date(2026, 5, 31))
    assert indice.entre("2025-12-01", "2026-12-31") == CALENDARIO.habiles_entre(date(2025, 12, 1), date(2026, 12, 31))


_ESTADOS = [e.value for e in EstadoSolicitud]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_ESTADOS), st.one_of(st.none(), st.dates(date(2026, 1, 5), date(2026, 2, 25))),
       st.one_of(st.none(), st.dates(date(2026, 1, 5), date(2026, 2, 25))), st.dates(date(2026, 1, 5), date(2026, 2, 25)),
       st.integers(0, 6))
def test_la_clasificacion_es_la_del_dominio(estado: str, vence: date | None, respondida: date | None,
                                            hoy: date, umbral: int) -> None:
    foto = Foto("x", "R", "peticion", "web", "HAC", None, "2026-01-02T15:00:00.000000+00:00", "2026-01-02",
                vence.isoformat() if vence else None, estado, respondida.isoformat() if respondida else None,
                None, None, "u", "d")
    esperado = estado_termino(estado=estado, vence_el=vence, respondida_el=respondida, hoy=hoy,
                              calendario=CALENDARIO, umbral_por_vencer=umbral)
    assert Clasificador(INDICE, hoy, umbral).estado(foto) is esperado


def test_trasladada_y_cerrada_sigue_trasladada() -> None:
    foto = Foto("x", "R", "peticion", "web", "HAC", None, "2026-01-02T15:00:00.000000+00:00", "2026-01-02",
                "2026-01-23", "cerrada", None, "2026-01-05", "Gobernación", "u", "d")
    assert Clasificador(INDICE, date(2026, 2, 10), 3).estado(foto).value == "trasladada"


def test_el_conteo_en_sqlite_da_lo_mismo_que_en_python(datos: Any) -> None:
    from ventanilla.informes.agregados import resumen_del_periodo
    from ventanilla.informes.indicadores import resumir

    rnd = random.Random(11)
    for _ in range(4):
        corte = datetime(2026, 6, 25, tzinfo=BOGOTA) + timedelta(hours=rnd.randint(0, 24 * 140))
        desde = corte - timedelta(days=rnd.randint(10, 90))
        hoy = corte.date()
        for solo_abiertas, inicio in ((False, desde), (True, None)):
            with datos.almacen.leer() as sesion:
                clasificador = Clasificador(IndiceHabil(datos.calendario, date(2026, 5, 1), date(2026, 12, 31)), hoy, 3)
                sql = resumen_del_periodo(sesion, clasificador, recibidas_desde=inicio, recibidas_hasta=corte,
                                          corte=corte, solo_abiertas=solo_abiertas)
                python = resumir(fotos(sesion, recibidas_desde=inicio, recibidas_hasta=corte, corte=corte,
                                       solo_abiertas=solo_abiertas), clasificador)
            assert sql.anuladas == python.anuladas
            for a, b in [(sql.total, python.total), *((sql.por_tipo[k], python.por_tipo[k]) for k in python.por_tipo),
                         *((sql.por_dependencia[k], python.por_dependencia[k]) for k in python.por_dependencia)]:
                assert (a.total, a.estados, sorted(a.dias)) == (b.total, b.estados, sorted(b.dias))
            assert sql.por_canal == python.por_canal and sql.por_mes == python.por_mes
            assert sql.proximo_vencimiento == python.proximo_vencimiento
            assert sorted(sql.vencidas) == sorted(python.vencidas)
            assert sorted(sql.por_vencer) == sorted(python.por_vencer)
            assert sorted(t.foto.id for t in sql.traslados) == sorted(t.foto.id for t in python.traslados)
            assert sorted(f.id for f, _ in sql.documentos) == sorted(f.id for f, _ in python.documentos)
