"""Recibir eventos: idempotencia por id, cadena y huecos, series ajenas, tokens: 4xx claros y nada guardado."""

from __future__ import annotations

from dataclasses import replace

import httpx
from apoyo_central import PROTOCOLO, cadena, contar, inscribir, lote

from ventanilla.central.bd import Central
from ventanilla.sincronizacion.protocolo import evento_a_json


def test_el_mismo_lote_dos_veces_se_guarda_una(cliente: httpx.Client, central: Central) -> None:
    equipo, cabeceras = inscribir(cliente, central, "VU01")
    eventos = cadena(equipo, 5, "VU01")
    primera = cliente.post("/api/v1/sync/eventos", json=lote(eventos), headers=cabeceras)
    segunda = cliente.post("/api/v1/sync/eventos", json=lote(eventos), headers=cabeceras)
    assert (primera.json()["aceptados"], segunda.json()["aceptados"], segunda.json()["duplicados"]) == (5, 0, 5)
    assert contar(central, "eventos") == 5


def test_mismo_id_con_otro_contenido_es_409_y_queda_revision(cliente: httpx.Client, central: Central) -> None:
    equipo, cabeceras = inscribir(cliente, central, "VU01")
    eventos = cadena(equipo, 2, "VU01")
    cliente.post("/api/v1/sync/eventos", json=lote(eventos), headers=cabeceras)
    alterado = replace(eventos[1], usuario="otra")
    respuesta = cliente.post("/api/v1/sync/eventos", json=lote([alterado]), headers=cabeceras)
    assert respuesta.status_code == 409
    assert "otro contenido" in respuesta.json()["detail"]
    assert contar(central, "eventos") == 2 and contar(central, "revisiones") == 1


def test_un_hueco_o_una_cadena_rota_se_rechazan_sin_guardar_nada(cliente: httpx.Client, central: Central) -> None:
    equipo, cabeceras = inscribir(cliente, central, "VU01")
    eventos = cadena(equipo, 4, "VU01")
    hueco = cliente.post("/api/v1/sync/eventos", json=lote([eventos[0], eventos[2]]), headers=cabeceras)
    assert hueco.status_code == 409 and "Falta el evento número 2" in hueco.json()["detail"]
    roto = replace(eventos[1], datos={**eventos[1].datos, "asunto": "cambiado"})
    cadena_rota = cliente.post("/api/v1/sync/eventos", json=lote([eventos[0], roto]), headers=cabeceras)
    assert cadena_rota.status_code == 409 and "cadena" in cadena_rota.json()["detail"]
    assert contar(central, "eventos") == 0
    assert contar(central, "revisiones") == 2


def test_la_serie_de_otro_equipo_se_rechaza(cliente: httpx.Client, central: Central) -> None:
    inscribir(cliente, central, "VU02")
    equipo, cabeceras = inscribir(cliente, central, "VU01")
    respuesta = cliente.post("/api/v1/sync/eventos", json=lote(cadena(equipo, 1, "VU02")), headers=cabeceras)
    assert respuesta.status_code == 403
    assert "no es de este equipo" in respuesta.json()["detail"]
    otro, _ = inscribir(cliente, central, "VU03")
    ajeno = cliente.post("/api/v1/sync/eventos", json=lote(cadena(otro, 1, "VU03")), headers=cabeceras)
    assert ajeno.status_code == 403 and "otro equipo" in ajeno.json()["detail"]
    assert contar(central, "eventos") == 0


def test_eventos_mal_formados_son_422_en_espanol(cliente: httpx.Client, central: Central) -> None:
    equipo, cabeceras = inscribir(cliente, central, "VU01")
    bueno = evento_a_json(cadena(equipo, 1, "VU01")[0])
    for malo in (
        {**bueno, "hash": "xyz"},
        {**bueno, "tipo": "solicitud.inventada"},
        {**bueno, "ocurrido_en": "2026-11-20T10:00:00"},
        {**bueno, "datos": {"solicitud_id": "x"}},
        {k: v for k, v in bueno.items() if k != "seq"},
    ):
        respuesta = cliente.post("/api/v1/sync/eventos", json={"eventos": [malo]}, headers=cabeceras)
        assert respuesta.status_code == 422, respuesta.text
        assert respuesta.json()["detail"]
    assert cliente.post("/api/v1/sync/eventos", json={"eventos": []}, headers=cabeceras).status_code == 422
    assert contar(central, "eventos") == 0


def test_sin_token_token_ajeno_o_revocado(cliente: httpx.Client, central: Central) -> None:
    equipo, cabeceras = inscribir(cliente, central, "VU01")
    eventos = lote(cadena(equipo, 1, "VU01"))
    sin_token = cliente.post("/api/v1/sync/eventos", json=eventos, headers=PROTOCOLO)
    assert sin_token.status_code == 401 and "Falta el token" in sin_token.json()["detail"]
    falso = cliente.post("/api/v1/sync/eventos", json=eventos, headers={**PROTOCOLO, "Authorization": "Bearer eq_falso"})
    assert falso.status_code == 401
    with central.escribir() as conexion:
        from ventanilla.central.equipos import revocar

        assert revocar(conexion, equipo)
    revocado = cliente.post("/api/v1/sync/eventos", json=eventos, headers=cabeceras)
    assert revocado.status_code == 403 and "revocó" in revocado.json()["detail"]
    assert contar(central, "eventos") == 0


def test_version_de_protocolo_distinta_se_explica(cliente: httpx.Client, central: Central) -> None:
    _, cabeceras = inscribir(cliente, central, "VU01")
    vieja = cliente.get("/api/v1/sync/estado", headers={**cabeceras, "X-Ventanilla-Protocolo": "0"})
    nueva = cliente.get("/api/v1/sync/estado", headers={**cabeceras, "X-Ventanilla-Protocolo": "99"})
    sin = cliente.get("/api/v1/sync/estado", headers={"Authorization": cabeceras["Authorization"]})
    assert vieja.status_code == nueva.status_code == sin.status_code == 426
    assert "actualice Ventanilla en este equipo" in vieja.json()["detail"]
    assert "actualizar el servidor" in nueva.json()["detail"]
