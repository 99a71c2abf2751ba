"""Calendario hábil: festivos de Colombia 2026, regla de recibo y propiedades de la suma de días."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ventanilla.dominio.calendario import BOGOTA, Calendario, combinar_local, festivos_de_colombia

CAL = Calendario()

# Festivos de Colombia en 2026, con la Ley Emiliani aplicada (los trasladables, al lunes).
FESTIVOS_2026 = {
    date(2026, 1, 1): "Año Nuevo",
    date(2026, 1, 12): "Reyes Magos (trasladado)",
    date(2026, 3, 23): "San José (trasladado)",
    date(2026, 4, 2): "Jueves Santo",
    date(2026, 4, 3): "Viernes Santo",
    date(2026, 5, 1): "Día del Trabajo",
    date(2026, 5, 18): "Ascensión (trasladado)",
    date(2026, 6, 8): "Corpus Christi (trasladado)",
    date(2026, 6, 15): "Sagrado Corazón (trasladado)",
    date(2026, 6, 29): "San Pedro y San Pablo",
    date(2026, 7, 13): "Virgen de Chiquinquirá (trasladado, desde 2026)",
    date(2026, 7, 20): "Independencia",
    date(2026, 8, 7): "Batalla de Boyacá",
    date(2026, 8, 17): "Asunción (trasladado)",
    date(2026, 10, 12): "Día de la Raza",
    date(2026, 11, 2): "Todos los Santos (trasladado)",
    date(2026, 11, 16): "Independencia de Cartagena (trasladado)",
    date(2026, 12, 8): "Inmaculada Concepción",
    date(2026, 12, 25): "Navidad",
}


def test_festivos_2026_son_exactamente_los_de_la_tabla() -> None:
    assert festivos_de_colombia(2026) == frozenset(FESTIVOS_2026)


@pytest.mark.parametrize("festivo", sorted(FESTIVOS_2026))
def test_un_festivo_no_es_habil(festivo: date) -> None:
    assert not CAL.es_habil(festivo)


def test_fines_de_semana_y_sabado_configurable() -> None:
    sabado = date(2026, 11, 21)
    assert not CAL.es_habil(sabado)
    assert not CAL.es_habil(sabado + timedelta(days=1))
    assert Calendario(sabado_habil=True).es_habil(sabado)
    assert not Calendario(sabado_habil=True).es_habil(sabado + timedelta(days=1))


def test_dias_cerrados_por_la_entidad_no_cuentan() -> None:
    cerrado = date(2026, 12, 24)
    assert CAL.es_habil(cerrado)
    assert not Calendario.con_cierres([cerrado]).es_habil(cerrado)


@pytest.mark.parametrize(
    ("recibido", "esperado"),
    [
        (combinar_local(date(2026, 11, 23), time(10, 42)), date(2026, 11, 23)),  # lunes en horario
        (combinar_local(date(2026, 11, 23), time(12, 45)), date(2026, 11, 23)),  # almuerzo: no es cierre
        (combinar_local(date(2026, 11, 23), time(16, 29)), date(2026, 11, 23)),
        (combinar_local(date(2026, 11, 23), time(16, 30)), date(2026, 11, 24)),  # al cierre: día siguiente
        (combinar_local(date(2026, 11, 27), time(14, 59)), date(2026, 11, 27)),  # viernes hasta las 15:00
        (combinar_local(date(2026, 11, 27), time(15, 0)), date(2026, 11, 30)),
        (combinar_local(date(2026, 11, 28), time(9, 0)), date(2026, 11, 30)),  # jornada de sábado: lunes
        (combinar_local(date(2026, 11, 1), time(9, 0)), date(2026, 11, 3)),  # domingo antes de festivo
    ],
)
def test_fecha_de_recibo(recibido: datetime, esperado: date) -> None:
    assert CAL.fecha_de_recibo(recibido) == esperado


def test_recibo_tras_cierre_es_un_ajuste() -> None:
    tarde = combinar_local(date(2026, 11, 23), time(18, 0))
    assert Calendario(recibo_tras_cierre=False).fecha_de_recibo(tarde) == date(2026, 11, 23)


def test_la_hora_de_recibo_se_lee_en_bogota() -> None:
    # 22:00 UTC del lunes son las 17:00 en Bogotá: después del cierre.
    from datetime import UTC

    assert CAL.fecha_de_recibo(datetime(2026, 11, 23, 22, 0, tzinfo=UTC)) == date(2026, 11, 24)
    # 03:00 UTC del martes aún es lunes 22:00 en Bogotá.
    assert CAL.fecha_de_recibo(datetime(2026, 11, 24, 3, 0, tzinfo=UTC)) == date(2026, 11, 24)


def test_sin_zona_horaria_es_un_error() -> None:
    with pytest.raises(ValueError, match="zona horaria"):
        CAL.fecha_de_recibo(datetime(2026, 11, 23, 10, 0))


fechas = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
cierres = st.frozensets(fechas, max_size=20)


@settings(max_examples=300, deadline=None)
@given(inicio=fechas, n=st.integers(min_value=0, max_value=80), extra=cierres, sabado=st.booleans())
def test_sumar_habiles_cae_en_habil_y_contar_atras_da_n(inicio: date, n: int, extra: frozenset[date], sabado: bool) -> None:
    cal = Calendario(cierres_extra=extra, sabado_habil=sabado)
    fin = cal.sumar_habiles(inicio, n)
    if n > 0:
        assert cal.es_habil(fin)
        assert fin > inicio
    assert cal.habiles_entre(inicio, fin) == n


@settings(max_examples=200, deadline=None)
@given(inicio=fechas, n=st.integers(min_value=1, max_value=60))
def test_sumar_habiles_es_monotona(inicio: date, n: int) -> None:
    assert CAL.sumar_habiles(inicio, n) < CAL.sumar_habiles(inicio, n + 1)


@settings(max_examples=200, deadline=None)
@given(instante=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(BOGOTA)))
def test_fecha_de_recibo_es_habil_y_no_anterior(instante: datetime) -> None:
    recibo = CAL.fecha_de_recibo(instante)
    assert CAL.es_habil(recibo)
    assert recibo >= instante.date()
