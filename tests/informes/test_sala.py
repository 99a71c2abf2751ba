"""Bitácora, turnos, satisfacción, atraso al corte y la orden `ventanilla informe`."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.terminos import EstadoTermino
from ventanilla.informes import Periodo, armar
from ventanilla.informes.bitacora import Filtro, bitacora

AHORA = datetime(2026, 11, 20, 12, 0, tzinfo=BOGOTA)
TRIMESTRE = Periodo(date(2026, 7, 1), date(2026, 9, 30))
OBJETIVO = {"radicacion": 15, "orientacion": 10}


def _p90(valores: list[float]) -> float:
    return sorted(valores)[math.ceil(0.9 * len(valores)) - 1]


def test_la_bitacora_del_dia_trae_cada_evento(datos: Any) -> None:
    dia = max((d for d in datos.eventos_por_dia if TRIMESTRE.desde <= d <= TRIMESTRE.hasta),
              key=lambda d: datos.eventos_por_dia[d])
    informe = armar(datos.almacen, "diario", Periodo(dia, dia), ahora=AHORA)
    assert informe.cifra("Eventos registrados") == datos.eventos_por_dia[dia]
    registro = informe.tabla("Registro de eventos").filas
    assert len(registro) == datos.eventos_por_dia[dia]
    assert [f[0] for f in registro] == sorted(f[0] for f in registro)
    assert all(f[0].date() == dia for f in registro)


def test_la_bitacora_se_filtra_por_clase_y_radicado(datos: Any) -> None:
    v = next(v for v in datos.solicitudes if len(v.acciones) >= 2 and v.acciones[-1][0] < AHORA)
    periodo = Periodo(v.recibido.date(), v.acciones[-1][0].date())
    with datos.almacen.leer() as sesion:
        propias = bitacora(sesion, periodo, Filtro(radicado=v.radicado))
        turnos = bitacora(sesion, Periodo(date(2026, 8, 4), date(2026, 8, 4)), Filtro(clase="turno"))
    assert {e.radicado for e in propias} == {v.radicado}
    anulaciones = sum(a[1] == "anulada" for a in v.acciones)
    assert len(propias) == 1 + len(v.acciones) + anulaciones
    assert propias[0].accion == "Radicó"
    assert turnos and all(e.tipo.startswith("turno.") for e in turnos)


def test_indicadores_de_turnos(datos: Any) -> None:
    informe = armar(datos.almacen, "turnos", TRIMESTRE, ahora=AHORA)
    turnos = datos.turnos
    esperas = [(t["llamado"] - t["emitido"]).total_seconds() / 60 for t in turnos if "llamado" in t]
    atenciones = [(t["fin"] - t["inicio"]).total_seconds() / 60 for t in turnos if "fin" in t]
    dentro = sum((t["llamado"] - t["emitido"]).total_seconds() / 60 <= OBJETIVO[t["servicio"]]
                 for t in turnos if "llamado" in t)
    assert informe.cifra("Turnos emitidos") == len(turnos)
    assert informe.cifra("Turnos atendidos") == len(atenciones)
    assert informe.cifra("Espera promedio (minutos)") == pytest.approx(statistics.mean(esperas))
    assert informe.cifra("Nivel de servicio") == pytest.approx(100 * dentro / len(esperas))
    total = informe.tabla("Turnos por servicio").totales
    assert total is not None
    no_show = sum(bool(t.get("no_show")) for t in turnos)
    assert total[3] == no_show and total[4] == pytest.approx(100 * no_show / len(turnos))
    assert total[6] == pytest.approx(_p90(esperas)) and total[8] == pytest.approx(_p90(atenciones))
    por_ventanilla = {f[0]: f[2] for f in informe.tabla("Turnos por ventanilla").filas}
    assert por_ventanilla == {f"Ventanilla {v}": n for v, n in Counter(t["ventanilla"] for t in turnos if "fin" in t).items()}


def test_satisfaccion_por_pregunta(datos: Any) -> None:
    informe = armar(datos.almacen, "satisfaccion", TRIMESTRE, ahora=AHORA)
    assert informe.cifra("Encuestas respondidas") == len(datos.encuestas)
    filas = {f[0]: f for f in informe.tabla("Resultados del cuestionario 2026-1").filas}
    atencion = filas["¿Cómo califica la atención que recibió?"]
    valores = [e["atencion"] for e in datos.encuestas]
    assert atencion[1] == len(valores)
    assert atencion[2] == pytest.approx(statistics.mean(valores), abs=0.005)
    assert atencion[3] == pytest.approx(100 * sum(v >= 4 for v in valores) / len(valores))
    assert atencion[4:9] == [valores.count(n) for n in range(1, 6)]
    resuelto = filas["¿Le resolvieron lo que vino a hacer?"]
    assert resuelto[3] == pytest.approx(100 * sum(e["resuelto"] for e in datos.encuestas) / len(datos.encuestas), abs=0.05)


def test_sin_encuestas_lo_dice(datos: Any) -> None:
    informe = armar(datos.almacen, "satisfaccion", Periodo(date(2025, 1, 1), date(2025, 1, 31)), ahora=AHORA)
    assert not informe.tablas
    assert "No hay encuestas" in informe.bloques[0].texto  # type: ignore[union-attr]


def test_semanal_cuenta_el_atraso_de_todo_lo_abierto_al_corte(datos: Any) -> None:
    semana = Periodo(date(2026, 9, 21), date(2026, 9, 27))
    corte = semana.fin
    informe = armar(datos.almacen, "semanal", semana, ahora=AHORA)
    todas = datos.al_corte(None, semana.hasta, corte)
    estados = Counter(e.estado for e in todas)
    assert informe.cifra("Abiertas vencidas al corte") == estados[EstadoTermino.VENCIDA]
    assert informe.cifra("Abiertas por vencer al corte") == estados[EstadoTermino.POR_VENCER]
    assert informe.cifra("Solicitudes recibidas") == sum(
        e.estado is not EstadoTermino.ANULADA for e in datos.al_corte(semana.desde, semana.hasta, corte)
    )


def test_la_orden_informe_escribe_el_archivo(datos: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from ventanilla.cli import main

    monkeypatch.setenv("VENTANILLA_DATOS", str(datos.almacen.directorio))
    salida = tmp_path / "oportunidad.xlsx"
    assert main(["informe", "oportunidad", "--desde", "2026-07-01", "--hasta", "2026-09-30", "--salida", str(salida)]) == 0
    assert load_workbook(salida).sheetnames[0] == "Resumen"
    with pytest.raises(SystemExit) as salida_error:
        main(["informe", "anual", "--desde", "2026-12-31", "--hasta", "2026-01-01", "--salida", str(tmp_path / "a.pdf")])
    assert salida_error.value.code == 2
    assert "termina" in capsys.readouterr().err
