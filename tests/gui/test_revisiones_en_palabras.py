"""Las revisiones del servidor dichas en palabras: solo lo que difiere, con nombres en español."""

from __future__ import annotations

from ventanilla.gui.revisiones_texto import diferencias, explicacion, renglon

EQUIPOS = {"e-brigada": {"punto": "Brigada San José", "serie": "BRIG1"}}
ACTUAL = {
    "tipo_documento": "CC", "numero_documento": "24331208", "nombres": "Ana María", "telefono": "3001112233",
    "comuna": "C03", "actualizado_en": "2026-11-20T14:00:00+00:00", "caracterizacion": {"rango_edad": "29_a_59"},
    "autorizaciones": {"caracterizacion": {"otorgada": True, "version": "3", "en": "2026-11-20T14:00:00+00:00"}},
}


def test_solo_se_comparan_los_datos_que_se_leen_distinto() -> None:
    propuesta = {
        **ACTUAL, "telefono": "3104445566", "comuna": "C02", "actualizado_en": "2026-11-21T15:00:00+00:00",
        "caracterizacion": {"rango_edad": "29_a_59", "migrante": True},
        "autorizaciones": {"caracterizacion": {"otorgada": False, "version": "3", "en": "2026-11-21T15:00:00+00:00"}},
    }
    filas = [(d.dato, d.actual, d.propuesta) for d in diferencias(ACTUAL, propuesta, {"C02": "San José", "C03": "Cumanday"})]
    assert filas == [
        ("Teléfono", "3001112233", "3104445566"),
        ("Comuna o corregimiento", "Cumanday", "San José"),
        ("Caracterización: migrante", "—", "Sí"),
        ("Autoriza la caracterización", "Sí · 20 nov 2026, 09:00 · texto 3", "No · 21 nov 2026, 10:00 · texto 3"),
    ]
    assert diferencias(ACTUAL, {**ACTUAL, "actualizado_en": "2027-01-01T00:00:00+00:00"}) == []


def test_un_problema_de_la_cadena_se_lee_con_su_equipo_y_su_resolucion() -> None:
    revision = {
        "id": 7, "tipo": "hueco", "titulo": "Falta un evento de un equipo", "referencia": "0190a1b2-0000-7000-8000-000000000000",
        "dispositivo": "e-brigada", "detalle": "Falta el evento número 4 de este equipo antes del 5.", "actual": None,
        "creado_en": "2026-11-20T14:05:00+00:00", "resuelta": True, "resuelta_por": "lmarin",
        "resuelta_en": "2026-11-21T13:30:00+00:00", "decision": "revisada", "nota": "Se restauró de una copia.",
    }
    assert renglon(revision, EQUIPOS) == (
        "Falta un evento de un equipo · evento 0190a1b2 · Brigada San José (serie BRIG1) · 20 nov 2026, 09:05 · "
        "resuelta: se marcó como revisada"
    )
    assert explicacion(revision, {}) == (
        "Falta el evento número 4 de este equipo antes del 5. (Lo envió el equipo e-brigad.)\n"
        "Resuelta por lmarin el 21 nov 2026, 08:30: se marcó como revisada. Motivo: Se restauró de una copia."
    )
