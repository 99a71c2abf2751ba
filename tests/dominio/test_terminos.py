"""Términos legales: vencimientos por tipo, Semana Santa y fin de año, ampliación, art. 17 y estados."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ventanilla.dominio import terminos as t
from ventanilla.dominio.calendario import BOGOTA, Calendario, combinar_local

CAL = Calendario()


def lunes_10am(dia: date) -> datetime:
    return combinar_local(dia, time(10, 0))


@pytest.mark.parametrize(
    ("tipo", "recibido", "vence"),
    [
        # Recibida el lunes 23 de noviembre de 2026: 15 días hábiles (8 de diciembre es festivo).
        ("peticion", lunes_10am(date(2026, 11, 23)), date(2026, 12, 15)),
        ("queja", lunes_10am(date(2026, 11, 23)), date(2026, 12, 15)),
        ("reclamo", lunes_10am(date(2026, 11, 23)), date(2026, 12, 15)),
        ("sugerencia", lunes_10am(date(2026, 11, 23)), date(2026, 12, 15)),
        ("denuncia", lunes_10am(date(2026, 11, 23)), date(2026, 12, 15)),
        ("documentos", lunes_10am(date(2026, 11, 23)), date(2026, 12, 7)),
        ("entre_autoridades", lunes_10am(date(2026, 11, 23)), date(2026, 12, 7)),
        ("datos_consulta", lunes_10am(date(2026, 11, 23)), date(2026, 12, 7)),
        ("datos_reclamo", lunes_10am(date(2026, 11, 23)), date(2026, 12, 15)),
        ("consulta", lunes_10am(date(2026, 11, 23)), date(2027, 1, 7)),
        # Semana Santa 2026: jueves 2 y viernes 3 de abril no cuentan.
        ("documentos", lunes_10am(date(2026, 3, 30)), date(2026, 4, 15)),
        ("peticion", lunes_10am(date(2026, 3, 30)), date(2026, 4, 22)),
        # Recibida el Miércoles Santo después del cierre: se entiende recibida el lunes 6 de abril.
        ("documentos", combinar_local(date(2026, 4, 1), time(17, 0)), date(2026, 4, 20)),
        # Fin de año: Navidad y Año Nuevo (y Reyes trasladado al 11 de enero de 2027) no cuentan.
        ("peticion", lunes_10am(date(2026, 12, 21)), date(2027, 1, 14)),
        ("documentos", combinar_local(date(2026, 12, 24), time(9, 0)), date(2027, 1, 12)),
        # Jornada de brigada un sábado: se entiende recibida el lunes.
        ("peticion", combinar_local(date(2026, 11, 28), time(9, 0)), date(2026, 12, 22)),
    ],
)
def test_vence_el(tipo: str, recibido: datetime, vence: date) -> None:
    assert t.vence_el(tipo, recibido, CAL) == vence


def test_felicitacion_no_tiene_termino() -> None:
    assert t.vence_el("felicitacion", lunes_10am(date(2026, 11, 23)), CAL) is None


def test_tipo_desconocido() -> None:
    with pytest.raises(t.TipoDesconocido, match="«tutela» no existe"):
        t.vence_el("tutela", lunes_10am(date(2026, 11, 23)), CAL)


def test_todos_los_tipos_del_contrato_existen() -> None:
    assert set(t.TIPOS) == {
        "peticion", "documentos", "consulta", "queja", "reclamo", "sugerencia", "denuncia",
        "entre_autoridades", "felicitacion", "datos_consulta", "datos_reclamo",
    }


def test_traslado_por_competencia_cinco_dias() -> None:
    assert t.limite_traslado(lunes_10am(date(2026, 11, 23)), CAL) == date(2026, 11, 30)


def test_ampliacion_hasta_el_doble() -> None:
    recibido = lunes_10am(date(2026, 11, 23))
    vence = t.vence_el("peticion", recibido, CAL)
    assert vence is not None
    maximo = t.vencimiento_maximo_ampliado("peticion", recibido, CAL)
    assert maximo == CAL.sumar_habiles(date(2026, 11, 23), 30)
    assert t.ampliar("peticion", recibido, vence, maximo, vence, CAL) == maximo
    with pytest.raises(t.AmpliacionExcesiva):
        t.ampliar("peticion", recibido, vence, maximo + timedelta(days=1), vence, CAL)


def test_ampliacion_despues_del_vencimiento_se_rechaza() -> None:
    recibido = lunes_10am(date(2026, 11, 23))
    vence = t.vence_el("peticion", recibido, CAL)
    assert vence is not None
    with pytest.raises(t.AmpliacionTardia, match="vencida"):
        t.ampliar("peticion", recibido, vence, vence + timedelta(days=7), vence + timedelta(days=1), CAL)


def test_una_sola_ampliacion() -> None:
    recibido = lunes_10am(date(2026, 11, 23))
    vence = date(2026, 12, 15)
    with pytest.raises(t.AmpliacionRepetida):
        t.ampliar("peticion", recibido, vence, date(2026, 12, 22), date(2026, 12, 1), CAL, ya_ampliada=True)


def test_habeas_data_amplia_cinco_y_ocho_dias() -> None:
    recibido = lunes_10am(date(2026, 11, 23))
    assert t.vencimiento_maximo_ampliado("datos_consulta", recibido, CAL) == CAL.sumar_habiles(date(2026, 11, 23), 15)
    assert t.vencimiento_maximo_ampliado("datos_reclamo", recibido, CAL) == CAL.sumar_habiles(date(2026, 11, 23), 23)


@settings(max_examples=200, deadline=None)
@given(
    tipo=st.sampled_from([x for x in t.TIPOS if t.TERMINOS[x].dias is not None]),
    dia=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    hora=st.times(),
    extra_dias=st.integers(min_value=0, max_value=120),
    acto=st.integers(min_value=0, max_value=40),
)
def test_una_ampliacion_nunca_excede_el_doble(tipo: str, dia: date, hora: time, extra_dias: int, acto: int) -> None:
    recibido = combinar_local(dia, hora)
    vence = t.vence_el(tipo, recibido, CAL)
    assert vence is not None
    inicial = t.TERMINOS[tipo].dias
    assert inicial is not None
    base = CAL.fecha_de_recibo(recibido)
    try:
        nueva = t.ampliar(tipo, recibido, vence, vence + timedelta(days=extra_dias), base + timedelta(days=acto), CAL)
    except t.ErrorDeTermino:
        return
    assert CAL.habiles_entre(base, nueva) <= 2 * inicial
    assert nueva > vence


def test_incompleta_reanuda_con_los_dias_que_quedaban() -> None:
    # Radicada el 23 nov (vence 15 dic). Requerimiento el 26 nov (3 días hábiles consumidos).
    vence = date(2026, 12, 15)
    nueva = t.reanudar_tras_completar(vence, date(2026, 11, 26), date(2026, 12, 10), CAL)
    assert CAL.habiles_entre(date(2026, 11, 26), vence) == 12
    assert nueva == CAL.sumar_habiles(date(2026, 12, 10), 12)
    reiniciada = t.reanudar_tras_completar(vence, date(2026, 11, 26), date(2026, 12, 10), CAL, tipo="peticion", reiniciar=True)
    assert reiniciada == CAL.sumar_habiles(date(2026, 12, 10), 15)
    assert nueva < reiniciada


def test_desistimiento_solo_tras_un_mes_calendario() -> None:
    requerimiento = date(2026, 1, 31)
    assert t.limite_para_completar(requerimiento) == date(2026, 2, 28)
    assert not t.candidata_a_desistimiento(requerimiento, date(2026, 2, 28))
    assert t.candidata_a_desistimiento(requerimiento, date(2026, 3, 1))
    assert not t.candidata_a_desistimiento(requerimiento, date(2026, 3, 1), prorrogado=True)


@pytest.mark.parametrize(
    ("estado", "vence", "respondida", "hoy", "esperado"),
    [
        ("radicada", date(2026, 12, 15), None, date(2026, 11, 30), t.EstadoTermino.VIGENTE),
        ("radicada", date(2026, 12, 15), None, date(2026, 12, 10), t.EstadoTermino.POR_VENCER),
        ("asignada", date(2026, 12, 15), None, date(2026, 12, 15), t.EstadoTermino.POR_VENCER),
        ("radicada", date(2026, 12, 15), None, date(2026, 12, 16), t.EstadoTermino.VENCIDA),
        ("respondida", date(2026, 12, 15), date(2026, 12, 15), date(2027, 1, 1), t.EstadoTermino.RESPONDIDA_A_TIEMPO),
        ("respondida", date(2026, 12, 15), date(2026, 12, 16), date(2027, 1, 1), t.EstadoTermino.RESPONDIDA_FUERA_DE_TERMINO),
        ("trasladada", date(2026, 12, 15), None, date(2027, 1, 1), t.EstadoTermino.TRASLADADA),
        ("incompleta", date(2026, 12, 15), None, date(2027, 1, 1), t.EstadoTermino.EN_ESPERA_DEL_CIUDADANO),
        ("desistida", date(2026, 12, 15), None, date(2027, 1, 1), t.EstadoTermino.DESISTIDA),
        ("anulada", date(2026, 12, 15), None, date(2027, 1, 1), t.EstadoTermino.ANULADA),
        ("cerrada", None, None, date(2027, 1, 1), t.EstadoTermino.SIN_TERMINO),
    ],
)
def test_estado_termino(estado: str, vence: date | None, respondida: date | None, hoy: date, esperado: t.EstadoTermino) -> None:
    assert t.estado_termino(estado=estado, vence_el=vence, respondida_el=respondida, hoy=hoy, calendario=CAL) is esperado


def test_silencio_positivo_solo_para_documentos_vencidos() -> None:
    assert t.silencio_positivo("documentos", t.EstadoTermino.VENCIDA)
    assert not t.silencio_positivo("peticion", t.EstadoTermino.VENCIDA)
    assert not t.silencio_positivo("documentos", t.EstadoTermino.VIGENTE)


def test_cada_estado_tiene_etiqueta_en_espanol() -> None:
    assert all(e.etiqueta for e in t.EstadoTermino)
    assert t.EstadoTermino.RESPONDIDA_FUERA_DE_TERMINO.etiqueta == "Respondida fuera de término"


def test_recibido_en_utc_da_lo_mismo_que_en_bogota() -> None:
    from datetime import UTC

    local = lunes_10am(date(2026, 11, 23))
    assert t.vence_el("peticion", local.astimezone(UTC), CAL) == t.vence_el("peticion", local.astimezone(BOGOTA), CAL)
