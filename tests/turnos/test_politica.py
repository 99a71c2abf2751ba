"""Propiedades de la política de llamado: preferencial, espera máxima y el más antiguo primero."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ventanilla.dominio.turnos import (
    EnEspera,
    Politica,
    TipoPolitica,
    TurnoInvalido,
    Ventanilla,
    elegir_siguiente,
    vencido,
)

BASE = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
SERVICIOS = ("a", "b", "c")


@st.composite
def colas(draw: st.DrawFn) -> list[EnEspera]:
    n = draw(st.integers(0, 25))
    segundos = draw(st.lists(st.integers(0, 3 * 3600), min_size=n, max_size=n))
    cola = []
    for orden, s in enumerate(segundos, start=1):
        cola.append(
            EnEspera(
                turno_id=f"t{orden}",
                servicio=draw(st.sampled_from(SERVICIOS)),
                preferencial=draw(st.booleans()),
                # Segundos redondeados a bloques de 10 minutos para que haya empates de instante.
                desde=BASE + timedelta(seconds=s - s % draw(st.sampled_from([1, 600]))),
                orden=orden,
                ventanilla=draw(st.one_of(st.none(), st.just(1), st.just(2))) if draw(st.booleans()) else None,
            )
        )
    return cola


ventanillas = st.permutations(SERVICIOS).flatmap(
    lambda orden: st.integers(1, 3).map(lambda k: Ventanilla(1, tuple(orden[:k])))
)
politicas = st.builds(
    Politica,
    tipo=st.sampled_from(list(TipoPolitica)),
    espera_maxima_min=st.integers(1, 120),
    normales_por_preferencial=st.integers(0, 4),
    peso_preferencial=st.floats(1, 10),
)
ahoras = st.integers(3 * 3600, 5 * 3600).map(lambda s: BASE + timedelta(seconds=s))


def _elegible(t: EnEspera, v: Ventanilla) -> bool:
    return t.ventanilla == v.numero if t.ventanilla is not None else t.servicio in v.servicios


def _clave(t: EnEspera, v: Ventanilla) -> tuple[datetime, int, int]:
    return (t.desde, v.prioridad(t.servicio), t.orden)


@settings(max_examples=400)
@given(colas(), ventanillas, politicas, ahoras, st.integers(0, 5))
def test_elige_un_turno_elegible_y_respeta_el_orden(
    cola: list[EnEspera], v: Ventanilla, politica: Politica, ahora: datetime, seguidos: int
) -> None:
    elegido = elegir_siguiente(cola, v, politica, ahora, seguidos)
    elegibles = [t for t in cola if _elegible(t, v)]
    if not elegibles:
        assert elegido is None
        return
    assert elegido is not None and _elegible(elegido, v)
    vencidos_normales = [t for t in elegibles if not t.preferencial and vencido(t, politica, ahora)]
    if vencidos_normales:
        # Ningún normal espera más allá del límite mientras la ventanilla está libre.
        assert vencido(elegido, politica, ahora)
        assert elegido == min((t for t in elegibles if vencido(t, politica, ahora)), key=lambda t: _clave(t, v))
        return
    mismos = [t for t in elegibles if t.preferencial == elegido.preferencial]
    # Dentro de su clase va el más antiguo; el orden de servicios solo desempata.
    assert elegido == min(mismos, key=lambda t: _clave(t, v))
    hay_pref = any(t.preferencial for t in elegibles)
    hay_normal = any(not t.preferencial for t in elegibles)
    if politica.tipo is TipoPolitica.ESTRICTA and hay_pref:
        assert elegido.preferencial
    if politica.tipo is TipoPolitica.INTERCALADA and hay_pref and hay_normal:
        assert elegido.preferencial == (seguidos >= politica.normales_por_preferencial)


def test_el_orden_de_servicios_solo_desempata() -> None:
    v = Ventanilla(1, ("b", "a"))
    viejo = EnEspera("viejo", "a", False, BASE, 1)
    nuevo = EnEspera("nuevo", "b", False, BASE + timedelta(seconds=1), 2)
    assert elegir_siguiente([nuevo, viejo], v, Politica(), BASE + timedelta(minutes=1)) == viejo
    empate = EnEspera("empate", "b", False, BASE, 3)
    assert elegir_siguiente([viejo, empate], v, Politica(), BASE + timedelta(minutes=1)) == empate


def test_intercalada_dos_normales_por_un_preferencial() -> None:
    v = Ventanilla(1, ("a",))
    politica = Politica(TipoPolitica.INTERCALADA, espera_maxima_min=60, normales_por_preferencial=2)
    cola = [EnEspera(f"p{i}", "a", True, BASE, i) for i in range(3)]
    cola += [EnEspera(f"n{i}", "a", False, BASE, 10 + i) for i in range(6)]
    llamados, seguidos = [], 0
    while cola:
        t = elegir_siguiente(cola, v, politica, BASE + timedelta(minutes=5), seguidos)
        assert t is not None
        cola.remove(t)
        seguidos = 0 if t.preferencial else seguidos + 1
        llamados.append(t.turno_id)
    assert llamados == ["n0", "n1", "p0", "n2", "n3", "p1", "n4", "n5", "p2"]


def test_envejecimiento_pondera_la_espera_preferencial() -> None:
    v = Ventanilla(1, ("a",))
    politica = Politica(TipoPolitica.ENVEJECIMIENTO, espera_maxima_min=60, peso_preferencial=3)
    ahora = BASE + timedelta(minutes=30)
    normal = EnEspera("n", "a", False, BASE, 1)  # 30 min
    pref = EnEspera("p", "a", True, BASE + timedelta(minutes=21), 2)  # 9 min × 3 = 27
    assert elegir_siguiente([normal, pref], v, politica, ahora) == normal
    pref_mas_viejo = EnEspera("p2", "a", True, BASE + timedelta(minutes=19), 3)  # 11 × 3 = 33
    assert elegir_siguiente([normal, pref_mas_viejo], v, politica, ahora) == pref_mas_viejo


def test_politica_rechaza_valores_sin_sentido() -> None:
    with pytest.raises(TurnoInvalido, match="espera máxima"):
        Politica(espera_maxima_min=0)
    with pytest.raises(TurnoInvalido, match="peso"):
        Politica(peso_preferencial=0.5)
