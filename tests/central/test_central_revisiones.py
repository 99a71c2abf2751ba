"""Las revisiones del servidor: un administrador las ve y resuelve cada una una sola vez, con su motivo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from apoyo_central import cadena, inscribir, lote, sesion
from sqlalchemy import select

from ventanilla.central.bd import Central
from ventanilla.central.tablas import ciudadanos
from ventanilla.dominio.eventos import nuevo_id

VIGENTE = {"tipo_documento": "CC", "numero_documento": "24331208", "nombres": "Ana María", "telefono": "3001112233"}
PROPUESTA = {**VIGENTE, "nombres": "Anita", "telefono": "3104445566"}


@dataclass
class Conflicto:
    ciudadano: str
    equipo_a: dict[str, str]
    equipo_b: dict[str, str]
    dispositivo_b: str
    admin: dict[str, str]


def _enviar(cliente: httpx.Client, equipo: dict[str, str], ciudadano: str, base: int, datos: dict[str, Any]) -> dict[str, Any]:
    respuesta = cliente.post("/api/v1/sync/ciudadanos", headers=equipo,
                             json={"ciudadanos": [{"id": ciudadano, "version_base": base, "datos": datos}]})
    assert respuesta.status_code == 200, respuesta.text
    resultado: dict[str, Any] = respuesta.json()["resultados"][0]
    return resultado


def _conflicto(cliente: httpx.Client, central: Central) -> Conflicto:
    """Dos equipos editan a la misma persona desde la versión 1: entra el de A, el de B queda en revisión."""
    _, equipo_a = inscribir(cliente, central, "VU01")
    dispositivo_b, equipo_b = inscribir(cliente, central, "BRIG1")
    ciudadano = nuevo_id()
    assert _enviar(cliente, equipo_a, ciudadano, 0, {**VIGENTE, "nombres": "Ana"})["version"] == 1
    assert _enviar(cliente, equipo_a, ciudadano, 1, VIGENTE) == {"id": ciudadano, "estado": "aceptado", "version": 2}
    assert _enviar(cliente, equipo_b, ciudadano, 1, PROPUESTA) == {"id": ciudadano, "estado": "conflicto", "version": 2}
    return Conflicto(ciudadano, equipo_a, equipo_b, dispositivo_b, sesion(cliente, central))


def _cursor_ciudadanos(cliente: httpx.Client, equipo: dict[str, str], desde: int = 0) -> tuple[int, list[dict[str, Any]]]:
    respuesta = cliente.get("/api/v1/sync/cambios", headers=equipo, params={"ciudadanos": desde})
    assert respuesta.status_code == 200, respuesta.text
    return int(respuesta.json()["cursores"]["ciudadanos"]), respuesta.json()["ciudadanos"]


def _version(central: Central, ciudadano: str) -> tuple[int, str]:
    with central.leer() as conexion:
        fila = conexion.execute(select(ciudadanos.c.version, ciudadanos.c.datos).where(ciudadanos.c.id == ciudadano)).one()
    return int(fila.version), str(fila.datos)


def _resolver(cliente: httpx.Client, admin: dict[str, str], revision: int, **cuerpo: Any) -> httpx.Response:
    return cliente.post(f"/api/v1/revisiones/{revision}/resolver", headers=admin, json=cuerpo)


def test_aplicar_la_propuesta_la_vuelve_la_version_siguiente_para_todos(cliente: httpx.Client, central: Central) -> None:
    c = _conflicto(cliente, central)
    [revision] = cliente.get("/api/v1/revisiones", headers=c.admin).json()
    assert revision["tipo"] == "ciudadano_concurrente" and revision["titulo"] == "Dos equipos cambiaron a la misma persona"
    assert revision["decisiones"] == ["aplicar", "conservar"] and revision["resuelta"] is False
    assert revision["actual"] == {"version": 2, "datos": VIGENTE} and revision["detalle"]["propuesta"] == PROPUESTA
    cursor_a, _ = _cursor_ciudadanos(cliente, c.equipo_a)
    cursor_b, _ = _cursor_ciudadanos(cliente, c.equipo_b)

    nota = "La ciudadana confirmó en la ventanilla su teléfono nuevo y que la llaman Anita."
    resuelta = _resolver(cliente, c.admin, revision["id"], decision="aplicar", nota=nota, version_vista=2)

    assert resuelta.status_code == 200, resuelta.text
    assert resuelta.json()["actual"] == {"version": 3, "datos": PROPUESTA}
    assert _version(central, c.ciudadano)[0] == 3
    for equipo, cursor in ((c.equipo_a, cursor_a), (c.equipo_b, cursor_b)):
        nuevo_cursor, recibidos = _cursor_ciudadanos(cliente, equipo, cursor)
        assert recibidos == [{"id": c.ciudadano, "version": 3, "datos": PROPUESTA}] and nuevo_cursor > cursor
    assert cliente.get("/api/v1/revisiones", headers=c.admin).json() == []
    [historia] = cliente.get("/api/v1/revisiones", headers=c.admin, params={"todas": "true"}).json()
    assert historia["resuelta"] is True and historia["decisiones"] == []
    assert (historia["decision"], historia["nota"], historia["resuelta_por"]) == ("aplicar", nota, "jefe")
    assert historia["resuelta_en"] >= historia["creado_en"]

    otra_vez = _resolver(cliente, c.admin, revision["id"], decision="conservar", nota="Mejor dejar la anterior.")
    assert otra_vez.status_code == 409
    assert "ya la resolvió «jefe» el" in otra_vez.json()["detail"] and "aplicar la propuesta" in otra_vez.json()["detail"]
    assert _version(central, c.ciudadano)[0] == 3


def test_conservar_la_actual_deja_los_datos_y_se_los_vuelve_a_enviar_al_que_propuso(
    cliente: httpx.Client, central: Central
) -> None:
    c = _conflicto(cliente, central)
    [revision] = cliente.get("/api/v1/revisiones", headers=c.admin).json()
    _, datos_antes = _version(central, c.ciudadano)
    cursor_b, _ = _cursor_ciudadanos(cliente, c.equipo_b)

    resuelta = _resolver(cliente, c.admin, revision["id"], decision="conservar", nota="  El registro de la ventanilla es el correcto. ")

    assert resuelta.status_code == 200, resuelta.text
    assert resuelta.json()["nota"] == "El registro de la ventanilla es el correcto."
    version, datos = _version(central, c.ciudadano)
    assert datos == datos_antes and resuelta.json()["actual"]["datos"] == VIGENTE
    # El equipo que propuso aún muestra su propuesta: recibe lo vigente con la versión siguiente.
    _, recibidos = _cursor_ciudadanos(cliente, c.equipo_b, cursor_b)
    assert recibidos == [{"id": c.ciudadano, "version": version, "datos": VIGENTE}] and version == 3
    assert _resolver(cliente, c.admin, revision["id"], decision="conservar", nota="Otra vez").status_code == 409


def test_una_decision_que_no_cabe_un_motivo_vacio_o_un_numero_desconocido_no_cambian_nada(
    cliente: httpx.Client, central: Central
) -> None:
    c = _conflicto(cliente, central)
    hueco = cliente.post("/api/v1/sync/eventos", headers=c.equipo_b, json=lote(cadena(c.dispositivo_b, 2, "BRIG1")[1:]))
    assert hueco.status_code == 409
    del_ciudadano, del_hueco = cliente.get("/api/v1/revisiones", headers=c.admin).json()
    assert del_hueco["tipo"] == "hueco" and del_hueco["decisiones"] == ["revisada"] and del_hueco["actual"] is None
    assert "Falta el evento número 1" in del_hueco["detalle"]

    aplicar_un_hueco = _resolver(cliente, c.admin, del_hueco["id"], decision="aplicar", nota="Aplicar")
    assert aplicar_un_hueco.status_code == 422
    assert "no cabe" in aplicar_un_hueco.json()["detail"] and "«revisada»" in aplicar_un_hueco.json()["detail"]
    revisar_un_ciudadano = _resolver(cliente, c.admin, del_ciudadano["id"], decision="revisada", nota="Visto")
    assert revisar_un_ciudadano.status_code == 422 and "«aplicar»" in revisar_un_ciudadano.json()["detail"]
    sin_motivo = _resolver(cliente, c.admin, del_ciudadano["id"], decision="aplicar", nota="   ")
    assert sin_motivo.status_code == 422 and "motivo" in sin_motivo.json()["detail"]
    muy_largo = _resolver(cliente, c.admin, del_ciudadano["id"], decision="aplicar", nota="x" * 501)
    assert muy_largo.status_code == 422 and "500 caracteres" in muy_largo.json()["detail"]
    otra_decision = _resolver(cliente, c.admin, del_ciudadano["id"], decision="borrar", nota="Borrar")
    assert otra_decision.status_code == 422 and "«aplicar», «conservar» o «revisada»" in otra_decision.json()["detail"]
    desconocida = _resolver(cliente, c.admin, 999_999, decision="revisada", nota="No existe")
    assert desconocida.status_code == 404 and "999999" in desconocida.json()["detail"]
    vista_vieja = _resolver(cliente, c.admin, del_ciudadano["id"], decision="aplicar", nota="Aplicar", version_vista=1)
    assert vista_vieja.status_code == 409 and "cambiaron mientras usted los revisaba" in vista_vieja.json()["detail"]
    assert _version(central, c.ciudadano)[0] == 2
    assert len(cliente.get("/api/v1/revisiones", headers=c.admin).json()) == 2

    revisada = _resolver(cliente, c.admin, del_hueco["id"], decision="revisada", nota="El equipo se restauró de una copia.")
    assert revisada.status_code == 200 and revisada.json()["decision"] == "revisada"
    assert [r["id"] for r in cliente.get("/api/v1/revisiones", headers=c.admin).json()] == [del_ciudadano["id"]]


@pytest.mark.parametrize("quien", ["nadie", "equipo", "funcionario"])
def test_solo_un_administrador_ve_y_resuelve_revisiones(cliente: httpx.Client, central: Central, quien: str) -> None:
    c = _conflicto(cliente, central)
    [revision] = cliente.get("/api/v1/revisiones", headers=c.admin).json()
    cabeceras = {
        "nadie": {}, "equipo": c.equipo_b, "funcionario": sesion(cliente, central, "mgomez", ("funcionario",)),
    }[quien]
    esperado = 403 if quien == "funcionario" else 401
    assert cliente.get("/api/v1/revisiones", headers=cabeceras).status_code == esperado
    negada = _resolver(cliente, cabeceras, revision["id"], decision="aplicar", nota="Aplicar")
    assert negada.status_code == esperado and negada.json()["detail"]
    assert _version(central, c.ciudadano)[0] == 2
    assert cliente.get("/api/v1/revisiones", headers=c.admin).json()[0]["resuelta"] is False
