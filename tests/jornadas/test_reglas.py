"""Reglas puras de las jornadas: estados, lista de chequeo, compromisos y cuestionarios."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ventanilla.dominio.jornadas import (
    AccionJornada,
    EncuestaInvalida,
    EstadoJornada,
    JornadaInvalida,
    leer_cuestionario,
    pendientes_chequeo,
    resumir_encuestas,
    transicion_jornada,
    validar_atencion,
    validar_chequeo,
    validar_compromiso,
    validar_estado_compromiso,
    validar_jornada,
    validar_respuestas,
)
from ventanilla.rutas import recurso

CATALOGOS = {
    "comunas": {"C02": "San José", "R07": "Río Blanco"},
    "dependencias": {"HAC": "Hacienda", "SAL": "Salud"},
    "servicios": {"radicacion": "Radicación", "orientacion": "Orientación"},
}


def _semilla() -> dict[str, object]:
    datos = json.loads(recurso("semillas", "encuesta.json").read_text(encoding="utf-8"))
    return next(c for c in datos["cuestionarios"] if c["version"] == datos["vigente"])


def test_la_jornada_va_de_programada_a_cerrada_y_no_salta_pasos() -> None:
    estado = EstadoJornada.PROGRAMADA
    for accion, esperado in (
        (AccionJornada.PREPARAR, EstadoJornada.LISTA),
        (AccionJornada.PREPARAR, EstadoJornada.LISTA),
        (AccionJornada.ABRIR, EstadoJornada.ABIERTA),
        (AccionJornada.CERRAR, EstadoJornada.CERRADA),
    ):
        estado = transicion_jornada(estado, accion)
        assert estado == esperado
    with pytest.raises(JornadaInvalida, match="primero prepárela"):
        transicion_jornada(EstadoJornada.PROGRAMADA, AccionJornada.ABRIR)
    with pytest.raises(JornadaInvalida, match="cerrada"):
        transicion_jornada(EstadoJornada.CERRADA, AccionJornada.ABRIR)


def test_la_lista_de_chequeo_completa_lo_que_falta_y_rechaza_lo_desconocido() -> None:
    lista = validar_chequeo({"bateria": True, "papel": 1})
    assert lista == {"bateria": True, "impresora": False, "papel": True, "respaldo": False, "sincronizado": False}
    assert pendientes_chequeo(lista) == [
        "Impresora portátil probada", "Unidad de respaldo (USB) en el maletín", "Almacén sincronizado con el servidor",
    ]
    with pytest.raises(JornadaInvalida, match="cafetera"):
        validar_chequeo({"cafetera": True})


def test_una_jornada_sin_datos_dice_todo_lo_que_falta() -> None:
    with pytest.raises(JornadaInvalida) as error:
        validar_jornada({"comuna": "C99", "fecha": "28/11/2026", "servicios": ["peluqueria"]}, **CATALOGOS)
    mensaje = str(error.value)
    for parte in ("nombre de la jornada", "lugar", "«C99»", "2026-11-28", "«peluqueria»", "al menos una dependencia"):
        assert parte in mensaje


def test_una_jornada_valida_quita_repetidos() -> None:
    nueva = validar_jornada(
        {"nombre": " Río Blanco ", "fecha": "2026-12-05", "lugar": "Escuela", "comuna": "R07",
         "dependencias": "HAC,SAL,HAC", "servicios": ["radicacion"], "portatiles": 1}, **CATALOGOS,
    )
    assert nueva.nombre == "Río Blanco"
    assert nueva.dependencias == ("HAC", "SAL")


def test_compromisos_validan_descripcion_dependencia_fecha_y_estado() -> None:
    compromiso = validar_compromiso(
        {"descripcion": "Poda de árboles del parque", "dependencia": "HAC", "vence_el": "2027-01-30"},
        dependencias=CATALOGOS["dependencias"],
    )
    assert compromiso.vence_el.isoformat() == "2027-01-30"
    with pytest.raises(JornadaInvalida, match="qué se comprometió"):
        validar_compromiso({"dependencia": "HAC", "vence_el": "2027-01-30"}, dependencias=CATALOGOS["dependencias"])
    with pytest.raises(JornadaInvalida, match="en_curso"):
        validar_estado_compromiso("terminado")


def test_el_cuestionario_de_la_semilla_es_valido_y_corto() -> None:
    cuestionario = leer_cuestionario(_semilla())
    assert [p.tipo for p in cuestionario.preguntas].count("escala") >= 3
    assert cuestionario.pregunta("comentario").obligatoria is False
    with pytest.raises(EncuestaInvalida, match="repite"):
        leer_cuestionario({"version": "x", "preguntas": [{"clave": "a", "tipo": "si_no", "texto": "¿A?"}] * 2})


def test_las_respuestas_se_validan_contra_su_version() -> None:
    cuestionario = leer_cuestionario(_semilla())
    completas = {"atencion": 5, "claridad": 4, "espera": 2, "resuelto": True, "volveria": False}
    assert validar_respuestas(cuestionario, {**completas, "comentario": "  "}) == completas
    with pytest.raises(EncuestaInvalida, match="del 1 al 5"):
        validar_respuestas(cuestionario, {**completas, "atencion": 6})
    with pytest.raises(EncuestaInvalida, match="sí o no"):
        validar_respuestas(cuestionario, {**completas, "resuelto": 1})
    with pytest.raises(EncuestaInvalida, match="Falta la respuesta"):
        validar_respuestas(cuestionario, {"atencion": 5})
    with pytest.raises(EncuestaInvalida, match="nombre"):
        validar_respuestas(cuestionario, {**completas, "nombre": "María"})


def test_una_encuesta_se_ata_a_una_atencion_conocida() -> None:
    validar_atencion("jornada", None)
    with pytest.raises(EncuestaInvalida, match="turno"):
        validar_atencion("turno", None)
    with pytest.raises(EncuestaInvalida, match="no existe"):
        validar_atencion("ciudadano", "123")


@given(st.lists(st.fixed_dictionaries({
    "atencion": st.integers(1, 5), "claridad": st.integers(1, 5), "espera": st.integers(1, 5),
    "resuelto": st.booleans(), "volveria": st.booleans(),
}), max_size=40))
def test_el_resumen_cuenta_cada_respuesta_una_vez(respuestas: list[dict[str, object]]) -> None:
    cuestionario = leer_cuestionario(_semilla())
    resultados = {r.pregunta.clave: r for r in resumir_encuestas(cuestionario, respuestas)}
    escala = resultados["atencion"]
    assert sum(escala.distribucion.values()) == len(respuestas)
    if respuestas:
        promedio = sum(int(r["atencion"]) for r in respuestas) / len(respuestas)  # type: ignore[call-overload]
        assert escala.promedio == round(promedio, 2)
        si = sum(1 for r in respuestas if r["resuelto"] is True)
        assert resultados["resuelto"].porcentaje_si == round(100 * si / len(respuestas), 1)
    else:
        assert escala.promedio is None
