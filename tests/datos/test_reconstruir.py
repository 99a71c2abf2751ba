"""Reconstruir: 10.000 eventos al azar y los modelos de lectura salen idénticos desde los eventos."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila, SolicitudFila
from ventanilla.datos.registro import anotar
from ventanilla.dominio.eventos import TIPOS_EVENTO
from ventanilla.dominio.solicitudes import validar_solicitud
from ventanilla.servicios.radicacion import _radicar_en, radicar
from ventanilla.servicios.reconstruccion import instantanea, reconstruir

TIPOS = ["peticion", "documentos", "consulta", "queja", "reclamo", "felicitacion", "denuncia", "datos_reclamo"]


def _datos_al_azar(azar: random.Random, tipo: str, momento: datetime) -> dict[str, Any]:
    """Los datos de un evento de trámite (la proyección no juzga la ley: eso lo hacen los servicios)."""
    dia = momento.date().isoformat()
    return {
        "solicitud.asignada": {"dependencia": azar.choice(["HAC", "SAL", "PLA", "MOV"])},
        "solicitud.trasladada": {"entidad_destino": "Gobernación de Caldas", "fecha": dia, "a_tiempo": azar.random() < 0.5},
        "solicitud.ampliada": {"vence_el": (momento + timedelta(days=30)).date().isoformat(), "motivo": "Visita", "fecha": dia},
        "solicitud.incompleta": {"fecha": dia, "faltante": "Un anexo"},
        "solicitud.completada": {"fecha": dia, "vence_el": (momento + timedelta(days=20)).date().isoformat()},
        "solicitud.respondida": {"fecha": dia, "medio": "correo"},
        "solicitud.cerrada": {"fecha": dia},
        "solicitud.desistida": {"fecha": dia, "acto": "Resolución 12"},
        "anulacion.solicitada": {"justificacion": "Radicado dos veces"},
        "anulacion.aprobada": {"motivo": "Verificado"},
        "anulacion.rechazada": {"motivo": "No procede"},
        "documento.impreso": {"documento": "constancia", "copia": azar.random() < 0.3},
    }[tipo]


def _generar(almacen: Almacen, solicitud_valida: dict[str, Any], cuantos: int) -> None:
    """Radicaciones por el servicio real y miles de eventos de trámite en lotes."""
    azar = random.Random(20261123)
    momento = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)
    for numero in range(60):
        solicitud = dict(solicitud_valida, tipo=azar.choice(TIPOS), recibido=None)
        solicitud["ciudadano"] = dict(solicitud_valida["ciudadano"], numero_documento=str(10**6 + numero % 25))
        radicar(almacen, solicitud, usuario="admin", ahora=momento + timedelta(hours=numero))
    momento += timedelta(days=5)
    with almacen.leer() as sesion:
        ids = list(sesion.scalars(select(SolicitudFila.id)))
    tipos = [t for t in TIPOS_EVENTO if t.startswith(("solicitud.", "anulacion.", "documento.")) and t != "solicitud.radicada"]
    dispositivo = almacen.ajustes.dispositivo
    while True:
        with almacen.escribir() as sesion:
            for _ in range(500):
                momento += timedelta(minutes=azar.randint(1, 30))
                if azar.random() < 0.1:
                    otra = dict(solicitud_valida, tipo=azar.choice(TIPOS), recibido=None)
                    solicitud = validar_solicitud(otra, dependencias={"HAC": "Hacienda", "AMB": "Medio Ambiente"}, ahora=momento)
                    ids.append(_radicar_en(sesion, almacen.ajustes, solicitud, usuario="admin", ahora=momento).id)
                    continue
                tipo = azar.choice(tipos)
                datos = {"solicitud_id": azar.choice(ids), **_datos_al_azar(azar, tipo, momento)}
                anotar(sesion, dispositivo=dispositivo, usuario="admin", tipo=tipo, datos=datos, ahora=momento)
            if (sesion.scalar(select(func.count()).select_from(EventoFila)) or 0) >= cuantos:
                return


def _busqueda(almacen: Almacen) -> set[tuple[Any, ...]]:
    with almacen.leer() as sesion:
        return {tuple(f) for f in sesion.execute(text("SELECT rowid, radicado, documento, nombre, asunto FROM busqueda"))}


def test_diez_mil_eventos_se_reconstruyen_exactamente(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    _generar(almacen, solicitud_valida, 10_000)
    with almacen.leer() as sesion:
        antes = {t: instantanea(sesion, t) for t in ("solicitudes", "series")}
        estados = set(sesion.scalars(select(SolicitudFila.estado)))
    busqueda_antes = _busqueda(almacen)
    assert {"anulada", "respondida", "trasladada", "incompleta", "cerrada", "desistida"} <= estados
    resultado = reconstruir(almacen)
    assert resultado.eventos >= 10_000
    assert resultado.coincide, resultado.diferencias
    with almacen.leer() as sesion:
        assert {t: instantanea(sesion, t) for t in ("solicitudes", "series")} == antes
    assert len(_busqueda(almacen)) == len(busqueda_antes)


def test_reconstruir_detecta_un_modelo_alterado(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicado = radicar(almacen, solicitud_valida, usuario="admin").radicado
    with almacen.escribir() as sesion:
        sesion.execute(text("UPDATE solicitudes SET estado = 'cerrada' WHERE radicado = :r"), {"r": radicado})
    resultado = reconstruir(almacen)
    assert not resultado.coincide
    assert "solicitudes" in resultado.diferencias
    assert reconstruir(almacen).coincide
