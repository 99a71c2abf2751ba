"""Inscripción, series, catálogos, ciudadanos, anexos y consulta pública del servidor central."""

from __future__ import annotations

import hashlib

import httpx
from apoyo_central import PROTOCOLO, cadena, codigo, contar, inscribir, lote, sesion

from ventanilla.central.bd import Central
from ventanilla.dominio.eventos import nuevo_id


def test_una_serie_ajena_impide_inscribirse_y_nada_cambia(cliente: httpx.Client, central: Central) -> None:
    inscribir(cliente, central, "BRIG1")
    codigo_nuevo = codigo(central, "BRIG2")
    peticion = {"codigo": codigo_nuevo, "dispositivo": nuevo_id(), "series_usadas": ["BRIG1"]}
    respuesta = cliente.post("/api/v1/inscripciones", json=peticion, headers=PROTOCOLO)
    assert respuesta.status_code == 409
    assert "«BRIG1» ya es del equipo" in respuesta.json()["detail"]
    assert contar(central, "series") == 1
    with central.leer() as conexion:
        from sqlalchemy import text

        assert conexion.scalar(text("SELECT count(*) FROM dispositivos WHERE id = :id"), {"id": peticion["dispositivo"]}) == 0
    # El código no se gastó: sirve para un equipo sin conflicto, que conserva la serie que ya usó.
    otra = cliente.post(
        "/api/v1/inscripciones", headers=PROTOCOLO,
        json={"codigo": codigo_nuevo, "dispositivo": nuevo_id(), "series_usadas": ["SOLO1"]},
    )
    assert otra.status_code == 200 and otra.json()["series"] == ["BRIG2", "SOLO1"]
    usado = cliente.post("/api/v1/inscripciones", json={**peticion, "series_usadas": []}, headers=PROTOCOLO)
    assert usado.status_code == 403 and "ya se usó" in usado.json()["detail"]


def test_una_plantilla_sin_consecutivo_se_rechaza(cliente: httpx.Client, central: Central) -> None:
    admin = sesion(cliente, central)
    assert cliente.post("/api/v1/sesiones", json={"login": "jefe", "clave": "mala-clave"}).status_code == 401
    mala = cliente.put("/api/v1/catalogos/plantillas/vigente", json={"datos": {"texto": "{entidad}-{serie}-{año}"}}, headers=admin)
    assert mala.status_code == 422 and "consecutivo" in mala.json()["detail"]
    buena = cliente.put(
        "/api/v1/catalogos/plantillas/vigente", json={"datos": {"texto": "{entidad}-{serie}-{consecutivo:07d}-{año}"}},
        headers=admin,
    )
    assert buena.status_code == 200
    cierre = cliente.put("/api/v1/catalogos/cierres/2026-12-24", json={"datos": {"motivo": "Nochebuena"}}, headers=admin)
    assert cierre.status_code == 200
    assert cliente.put("/api/v1/catalogos/cierres/mañana", json={"datos": {}}, headers=admin).status_code == 422
    assert cliente.get("/api/v1/catalogos/cierres").status_code == 401


def test_ediciones_concurrentes_de_un_ciudadano_quedan_en_revision(cliente: httpx.Client, central: Central) -> None:
    _, equipo_a = inscribir(cliente, central, "VU01")
    _, equipo_b = inscribir(cliente, central, "VU02")
    ciudadano = nuevo_id()
    datos = {"tipo_documento": "CC", "numero_documento": "123", "nombres": "Ana"}
    alta = cliente.post("/api/v1/sync/ciudadanos", headers=equipo_a,
                        json={"ciudadanos": [{"id": ciudadano, "version_base": 0, "datos": datos}]})
    assert alta.json()["resultados"][0] == {"id": ciudadano, "estado": "aceptado", "version": 1}
    cambio_a = cliente.post("/api/v1/sync/ciudadanos", headers=equipo_a,
                            json={"ciudadanos": [{"id": ciudadano, "version_base": 1, "datos": {**datos, "nombres": "Ana María"}}]})
    cambio_b = cliente.post("/api/v1/sync/ciudadanos", headers=equipo_b,
                            json={"ciudadanos": [{"id": ciudadano, "version_base": 1, "datos": {**datos, "nombres": "Anita"}}]})
    assert cambio_a.json()["resultados"][0]["estado"] == "aceptado"
    assert cambio_b.json()["resultados"][0] == {"id": ciudadano, "estado": "conflicto", "version": 2}
    cambios = cliente.get("/api/v1/sync/cambios", headers=equipo_b).json()
    assert [c["datos"]["nombres"] for c in cambios["ciudadanos"]] == ["Ana María"]
    assert contar(central, "revisiones") == 1


def test_un_anexo_se_sube_por_trozos_y_se_verifica(cliente: httpx.Client, central: Central) -> None:
    _, cabeceras = inscribir(cliente, central, "VU01")
    contenido = b"anexo escaneado " * 1000
    sha = hashlib.sha256(contenido).hexdigest()
    mitad = cliente.put(f"/api/v1/anexos/{sha}", params={"tamano": len(contenido), "desde": 0}, content=contenido[:5000], headers=cabeceras)
    assert mitad.json()["recibido"] == 5000 and not mitad.json()["completo"]
    fuera = cliente.put(f"/api/v1/anexos/{sha}", params={"tamano": len(contenido), "desde": 0}, content=contenido, headers=cabeceras)
    assert fuera.status_code == 409 and "5000 bytes" in fuera.json()["detail"]
    resto = cliente.put(f"/api/v1/anexos/{sha}", params={"tamano": len(contenido), "desde": 5000}, content=contenido[5000:], headers=cabeceras)
    assert resto.json()["completo"]
    falso = hashlib.sha256(b"otro").hexdigest()
    malo = cliente.put(f"/api/v1/anexos/{falso}", params={"tamano": 3}, content=b"abc", headers=cabeceras)
    assert malo.status_code == 422
    assert cliente.get(f"/api/v1/anexos/{falso}", headers=cabeceras).json()["recibido"] == 0


def test_la_consulta_publica_no_muestra_datos_personales_y_limita(cliente: httpx.Client, central: Central) -> None:
    equipo, cabeceras = inscribir(cliente, central, "VU01")
    cliente.post("/api/v1/sync/eventos", json=lote(cadena(equipo, 1, "VU01")), headers=cabeceras)
    respuesta = cliente.get("/consulta/MZL-VU01-2026-000001")
    assert respuesta.json() == {"radicado": "MZL-VU01-2026-000001", "estado": "radicada", "vence_el": "2026-12-11"}
    assert cliente.get("/consulta/MZL-VU01-2026-999999").status_code == 404
    estados = [cliente.get("/consulta/MZL-VU01-2026-000001").status_code for _ in range(5)]
    assert estados[-1] == 429
