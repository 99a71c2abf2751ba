"""El motor de turnos: nunca un turno en dos ventanillas, códigos diarios en hora de Bogotá."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.turnos import (
    Catalogo,
    EstadoTurno,
    Politica,
    Servicio,
    TipoPolitica,
    TransicionInvalida,
    TurnoInvalido,
    Ventanilla,
    vencido,
)
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.cola import EstadoCola
from ventanilla.turnos.motor import MotorTurnos

CATALOGO = Catalogo(
    (Servicio("a", "A", "Radicación"), Servicio("b", "B", "Orientación")),
    (Ventanilla(1, ("a", "b")), Ventanilla(2, ("b", "a")), Ventanilla(3, ("b",))),
)


class Reloj:
    def __init__(self, inicio: datetime) -> None:
        self.ahora = inicio

    def __call__(self) -> datetime:
        return self.ahora


def _motor(inicio: datetime, politica: Politica | None = None) -> tuple[MotorTurnos, Reloj, list[Any]]:
    eventos: list[Any] = []
    reloj = Reloj(inicio)
    motor = MotorTurnos(
        CATALOGO,
        politica,
        reloj=reloj,
        registrar=lambda tipo, datos, usuario, instante: eventos.append((tipo, dict(datos), instante)),
    )
    return motor, reloj, eventos


operaciones = st.lists(
    st.one_of(
        st.tuples(st.just("emitir"), st.sampled_from(["a", "b"]), st.booleans()),
        st.tuples(st.just("llamar"), st.integers(1, 3)),
        st.tuples(st.sampled_from(["finalizar", "no_se_presento", "volver_a_llamar", "iniciar", "devolver"]), st.integers(1, 3)),
        st.tuples(st.just("transferir"), st.integers(1, 3), st.sampled_from(["a", "b"])),
        st.tuples(st.just("esperar"), st.integers(1, 40)),
    ),
    max_size=80,
)


@settings(max_examples=150, deadline=None)
@given(operaciones, st.sampled_from(list(TipoPolitica)))
def test_ningun_turno_en_dos_ventanillas_y_los_eventos_reconstruyen_la_cola(
    ops: list[tuple[Any, ...]], tipo: TipoPolitica
) -> None:
    politica = Politica(tipo, espera_maxima_min=30)
    motor, reloj, eventos = _motor(datetime(2026, 11, 23, 13, 0, tzinfo=UTC), politica)
    for op in ops:
        nombre = op[0]
        try:
            if nombre == "emitir":
                motor.emitir(op[1], "adulto_mayor" if op[2] else None)
            elif nombre == "esperar":
                reloj.ahora += timedelta(minutes=op[1])
            elif nombre == "llamar":
                v = CATALOGO.ventanilla(op[1])
                antes = {t.turno_id: t for t in motor.estado.cola()}
                turno = motor.llamar_siguiente(op[1], usuario="f")
                if turno is not None:
                    assert turno.id in antes, "se llamó un turno que no estaba en espera"
                    elegibles = [t for t in antes.values() if t.servicio in v.servicios and t.ventanilla in (None, v.numero)]
                    if any(not t.preferencial and vencido(t, politica, reloj.ahora) for t in elegibles):
                        assert vencido(antes[turno.id], politica, reloj.ahora)
            elif nombre == "transferir":
                motor.transferir(op[1], usuario="f", servicio=op[2])
            else:
                getattr(motor, nombre)(op[1], usuario="f")
        except (TurnoInvalido, TransicionInvalida):
            pass
        ocupadas = list(motor.estado.ocupadas.values())
        assert len(ocupadas) == len(set(ocupadas))
        for numero, turno_id in motor.estado.ocupadas.items():
            turno = motor.estado.turnos[turno_id]
            assert turno.ventanilla == numero
            assert turno.estado in (EstadoTurno.LLAMADO, EstadoTurno.EN_ATENCION)
    reconstruido = EstadoCola.desde_eventos(eventos)
    assert reconstruido.turnos == motor.estado.turnos
    assert reconstruido.ocupadas == motor.estado.ocupadas
    assert reconstruido.llamados == motor.estado.llamados


def test_dos_ventanillas_que_llaman_a_la_vez_reciben_turnos_distintos() -> None:
    motor = MotorTurnos(catalogo_por_defecto(4))
    for i in range(400):
        motor.emitir("radicacion" if i % 3 else "orientacion", "gestante" if i % 7 == 0 else None)
    llamados: list[str] = []
    barrera = threading.Barrier(4)

    def ventanilla(numero: int) -> None:
        barrera.wait()
        while (turno := motor.llamar_siguiente(numero, usuario=f"v{numero}")) is not None:
            llamados.append(turno.id)
            motor.finalizar(numero, usuario=f"v{numero}")

    hilos = [threading.Thread(target=ventanilla, args=(n,)) for n in range(1, 5)]
    for h in hilos:
        h.start()
    for h in hilos:
        h.join(timeout=30)
    assert len(llamados) == 400
    assert len(set(llamados)) == 400


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 3 * 24 * 60), min_size=1, max_size=40))
def test_los_codigos_se_reinician_cada_dia_en_hora_de_bogota(minutos: list[int]) -> None:
    # Desde las 17:00 de Bogotá, de modo que muchos turnos caen cerca de la medianoche UTC.
    inicio = datetime(2026, 11, 23, 17, 0, tzinfo=BOGOTA)
    motor, reloj, _ = _motor(inicio.astimezone(UTC))
    por_dia: dict[str, int] = {}
    for m in sorted(minutos):
        reloj.ahora = (inicio + timedelta(minutes=m)).astimezone(UTC)
        turno = motor.emitir("a")
        dia = reloj.ahora.astimezone(BOGOTA).date().isoformat()
        por_dia[dia] = por_dia.get(dia, 0) + 1
        assert turno.jornada == dia
        assert turno.codigo == f"A-{por_dia[dia]:03d}"


def test_la_tarde_no_se_parte_en_la_medianoche_utc() -> None:
    motor, reloj, _ = _motor(datetime(2026, 11, 23, 18, 59, tzinfo=BOGOTA))
    assert motor.emitir("a").codigo == "A-001"
    reloj.ahora = datetime(2026, 11, 23, 19, 1, tzinfo=BOGOTA)  # 00:01 UTC del 24
    assert motor.emitir("a").codigo == "A-002"
    reloj.ahora = datetime(2026, 11, 24, 0, 1, tzinfo=BOGOTA)
    assert motor.emitir("a").codigo == "A-001"


def test_una_jornada_de_brigada_numera_aparte() -> None:
    motor = MotorTurnos(CATALOGO, jornada="brigada-comuna-5")
    assert motor.emitir("b").jornada == "brigada-comuna-5"


def test_llamar_fuera_de_orden_exige_motivo_y_lo_anota() -> None:
    motor, _, eventos = _motor(datetime(2026, 11, 23, 13, 0, tzinfo=UTC))
    motor.emitir("a")
    tercero = [motor.emitir("a") for _ in range(2)][-1]
    with pytest.raises(TurnoInvalido, match="motivo"):
        motor.llamar_especifico(tercero.id, 1, usuario="maria", motivo="")
    motor.llamar_especifico(tercero.id, 1, usuario="maria", motivo="Persona con muletas")
    tipo, datos, _ = eventos[-1]
    assert (tipo, datos["fuera_de_orden"], datos["motivo"]) == ("turno.llamado", True, "Persona con muletas")


def test_una_ventanilla_ocupada_o_en_pausa_no_llama() -> None:
    motor, _, _ = _motor(datetime(2026, 11, 23, 13, 0, tzinfo=UTC))
    motor.emitir("a")
    motor.emitir("a")
    primero = motor.llamar_siguiente(1, usuario="f")
    assert primero is not None
    with pytest.raises(TurnoInvalido, match="termínelo"):
        motor.llamar_siguiente(1, usuario="f")
    motor.pausar(2, usuario="f", motivo="Almuerzo")
    with pytest.raises(TurnoInvalido, match="pausa"):
        motor.llamar_siguiente(2, usuario="f")
    motor.reanudar(2, usuario="f")
    assert motor.llamar_siguiente(2, usuario="f") is not None


def test_transferir_a_otra_ventanilla_solo_la_deja_llamarlo() -> None:
    motor, _, _ = _motor(datetime(2026, 11, 23, 13, 0, tzinfo=UTC))
    turno = motor.emitir("b")
    motor.llamar_siguiente(3, usuario="f")
    motor.iniciar(3, usuario="f")
    motor.transferir(3, usuario="f", servicio="a", a_ventanilla=2)
    assert motor.llamar_siguiente(1, usuario="f") is None
    llamado = motor.llamar_siguiente(2, usuario="f")
    assert llamado is not None and llamado.id == turno.id and llamado.servicio == "a"


def test_un_turno_finalizado_no_se_puede_volver_a_llamar() -> None:
    motor, _, _ = _motor(datetime(2026, 11, 23, 13, 0, tzinfo=UTC))
    turno = motor.emitir("a")
    motor.llamar_siguiente(1, usuario="f")
    motor.finalizar(1, usuario="f")
    with pytest.raises(TransicionInvalida, match="finalizado"):
        motor.llamar_especifico(turno.id, 2, usuario="f", motivo="Volvió a la sala")


def test_un_evento_que_no_cabe_deja_el_estado_intacto() -> None:
    motor, _, eventos = _motor(datetime(2026, 11, 23, 13, 0, tzinfo=UTC))
    motor.emitir("a")
    motor.llamar_siguiente(1, usuario="f")
    estado = EstadoCola.desde_eventos(eventos)
    turno_id = next(iter(estado.turnos))
    with pytest.raises(TransicionInvalida):
        estado.aplicar("turno.llamado", {"turno_id": turno_id, "ventanilla": 2, "fuera_de_orden": False},
                       datetime(2026, 11, 23, 13, 1, tzinfo=UTC))
    assert estado.ocupadas == {1: turno_id}
