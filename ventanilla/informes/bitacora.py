"""La bitácora: todo lo que pasó en un periodo, quién lo hizo, cuándo, dónde y sobre qué.

Es una lectura directa del registro de eventos (que es el rastro de auditoría): cada evento es
una línea, en el orden en que ocurrió, con la acción dicha en palabras. Se filtra por
funcionario, punto (equipo o brigada), clase de acción y radicado.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.solicitudes import CANALES
from ventanilla.dominio.terminos import TERMINOS
from ventanilla.informes.fotos import conexion_cruda
from ventanilla.informes.periodo import Periodo, iso_utc

__all__ = ["CLASES", "Entrada", "Filtro", "bitacora", "funcionarios", "puntos"]

CLASES: dict[str, str] = {
    "solicitud": "Solicitudes",
    "anulacion": "Anulaciones",
    "documento": "Impresiones",
    "turno": "Turnos",
    "ventanilla": "Ventanillas",
    "jornada": "Brigadas",
    "asistencia": "Asistencia a jornadas",
    "compromiso": "Compromisos de jornadas",
    "encuesta": "Encuestas",
}
"""Clases de acción por las que se filtra (el prefijo del tipo de evento)."""

_ACCIONES: dict[str, str] = {
    "solicitud.radicada": "Radicó",
    "solicitud.asignada": "Asignó",
    "solicitud.trasladada": "Trasladó por competencia",
    "solicitud.ampliada": "Amplió el término",
    "solicitud.incompleta": "Pidió completar la petición",
    "solicitud.completada": "Registró que el ciudadano completó",
    "solicitud.respondida": "Respondió",
    "solicitud.cerrada": "Cerró",
    "solicitud.desistida": "Declaró el desistimiento",
    "anulacion.solicitada": "Pidió anular",
    "anulacion.aprobada": "Aprobó la anulación",
    "anulacion.rechazada": "Rechazó la anulación",
    "documento.impreso": "Imprimió",
    "turno.emitido": "Emitió el turno",
    "turno.llamado": "Llamó el turno",
    "turno.rellamado": "Volvió a llamar el turno",
    "turno.atencion_iniciada": "Empezó a atender el turno",
    "turno.no_se_presento": "Marcó que no se presentó",
    "turno.finalizado": "Terminó de atender el turno",
    "turno.transferido": "Transfirió el turno",
    "turno.devuelto": "Devolvió a la cola el turno",
    "turno.radicado_vinculado": "Vinculó un radicado al turno",
    "ventanilla.pausada": "Pausó la ventanilla",
    "ventanilla.reanudada": "Reanudó la ventanilla",
    "jornada.programada": "Programó la jornada",
    "jornada.preparada": "Preparó la jornada",
    "jornada.abierta": "Abrió la jornada",
    "jornada.cerrada": "Cerró la jornada",
    "jornada.solicitud_vinculada": "Vinculó una solicitud a la jornada",
    "asistencia.registrada": "Registró la asistencia",
    "encuesta.respondida": "Registró una encuesta de satisfacción",
    "compromiso.adquirido": "Anotó un compromiso",
    "compromiso.actualizado": "Actualizó un compromiso",
}


@dataclass(frozen=True)
class Filtro:
    usuario: str | None = None
    dispositivo: str | None = None
    clase: str | None = None
    radicado: str | None = None


@dataclass(frozen=True)
class Entrada:
    instante: datetime
    """Hora de Bogotá."""
    usuario: str
    funcionario: str
    dispositivo: str
    punto: str
    tipo: str
    accion: str
    radicado: str
    detalle: str


def _detalle(tipo: str, d: Mapping[str, Any], dependencias: Mapping[str, str], turnos: Mapping[str, str]) -> str:
    turno = turnos.get(d.get("turno_id", ""), "")
    if tipo == "solicitud.radicada":
        nombre = TERMINOS[d["tipo"]].nombre if d.get("tipo") in TERMINOS else d.get("tipo", "")
        canal = CANALES.get(d.get("canal", ""), d.get("canal", ""))
        return f"{nombre} · {canal} · {dependencias.get(d['dependencia'], d['dependencia'])}"
    textos = {
        "solicitud.asignada": lambda: dependencias.get(d["dependencia"], d["dependencia"]),
        "solicitud.trasladada": lambda: f"A {d['entidad_destino']}",
        "solicitud.ampliada": lambda: f"Nuevo vencimiento {d['vence_el']}: {d['motivo']}",
        "solicitud.incompleta": lambda: f"Falta: {d['faltante']}",
        "solicitud.completada": lambda: f"Nuevo vencimiento {d['vence_el']}",
        "solicitud.respondida": lambda: f"Por {d['medio']}" + (f": {d['resumen']}" if d.get("resumen") else ""),
        "solicitud.desistida": lambda: f"Acto {d['acto']}",
        "anulacion.solicitada": lambda: d["justificacion"],
        "anulacion.aprobada": lambda: d["motivo"],
        "anulacion.rechazada": lambda: d["motivo"],
        "documento.impreso": lambda: f"{d['documento']}" + (" (copia)" if d.get("copia") else ""),
        "turno.emitido": lambda: f"{d['codigo']} · {d['servicio']}" + (" · preferencial" if d.get("preferencial") else ""),
        "turno.transferido": lambda: f"{turno} a {d['servicio']}",
        "ventanilla.pausada": lambda: f"Ventanilla {d['ventanilla']}: {d['motivo']}",
        "ventanilla.reanudada": lambda: f"Ventanilla {d['ventanilla']}",
        "encuesta.respondida": lambda: f"Cuestionario {d['version']} · {d['atencion']} · {d['medio']}",
        "jornada.programada": lambda: f"{d['nombre']} · {d['fecha']} · {d['lugar']}",
        "compromiso.adquirido": lambda: f"{d['descripcion']} · vence {d['vence_el']}",
        "compromiso.actualizado": lambda: f"{d['estado'].replace('_', ' ')}: {d['nota']}",
    }
    if tipo in textos:
        return str(textos[tipo]())
    if tipo.startswith("turno."):
        return f"{turno} · ventanilla {d['ventanilla']}" if "ventanilla" in d else turno
    return ", ".join(f"{k}: {v}" for k, v in d.items() if not k.endswith("_id") and isinstance(v, (str, int)))


def puntos(sesion: Session, propio: tuple[str, str]) -> dict[str, str]:
    """{dispositivo: nombre del punto}: la serie con que radica cada equipo; el propio por su nombre."""
    cx = conexion_cruda(sesion)
    # Recorrido «a saltos» del índice (dispositivo, seq): un paso por equipo, no por evento.
    equipos = [d for (d,) in cx.execute(
        "WITH RECURSIVE d(x) AS (SELECT min(dispositivo) FROM eventos UNION ALL "
        "SELECT (SELECT min(dispositivo) FROM eventos WHERE dispositivo > d.x) FROM d WHERE d.x IS NOT NULL) "
        "SELECT x FROM d WHERE x IS NOT NULL"
    )]
    nombres: dict[str, str] = {}
    for d in equipos:
        serie = cx.execute(
            "SELECT json_extract(datos, '$.serie') FROM eventos "
            "WHERE dispositivo = ? AND +tipo = 'solicitud.radicada' ORDER BY seq LIMIT 1", (d,)
        ).fetchone()
        nombres[d] = f"Serie {serie[0]}" if serie else f"Equipo {d[-6:]}"
    nombres[propio[0]] = propio[1]
    return nombres


def funcionarios(sesion: Session) -> dict[str, str]:
    return dict(conexion_cruda(sesion).execute("SELECT login, nombre FROM usuarios"))


def bitacora(
    sesion: Session, periodo: Periodo, filtro: Filtro = Filtro(), *, propio: tuple[str, str] = ("", "")
) -> list[Entrada]:
    """Los eventos del periodo que pasan el filtro, en orden. `propio`: (dispositivo, punto) de
    este equipo, para nombrarlo por su nombre."""
    cx = conexion_cruda(sesion)
    condiciones = ["e.ocurrido_en >= ?", "e.ocurrido_en < ?"]
    parametros: list[Any] = [iso_utc(periodo.inicio), iso_utc(periodo.fin)]
    if filtro.usuario:
        condiciones.append("e.usuario = ?")
        parametros.append(filtro.usuario)
    if filtro.dispositivo:
        condiciones.append("e.dispositivo = ?")
        parametros.append(filtro.dispositivo)
    if filtro.clase:
        condiciones.append("e.tipo LIKE ?")
        parametros.append(f"{filtro.clase}.%")
    if filtro.radicado:
        condiciones.append("s.radicado LIKE ?")
        parametros.append(f"%{filtro.radicado.strip().upper()}%")
    filas = cx.execute(
        "SELECT e.ocurrido_en, e.usuario, e.dispositivo, e.tipo, e.datos, s.radicado FROM eventos e "
        "LEFT JOIN solicitudes s ON s.id = e.solicitud_id "
        f"WHERE {' AND '.join(condiciones)} ORDER BY e.ocurrido_en, e.id",
        parametros,
    ).fetchall()
    dependencias = dict(cx.execute("SELECT codigo, nombre FROM dependencias"))
    turnos = {
        t: c for t, c in cx.execute(
            "SELECT json_extract(datos, '$.turno_id'), json_extract(datos, '$.codigo') FROM eventos "
            "WHERE tipo = 'turno.emitido' AND ocurrido_en < ?", (iso_utc(periodo.fin),)
        )
    }
    nombres = funcionarios(sesion)
    lugares = puntos(sesion, propio)
    entradas = []
    for ocurrido, usuario, dispositivo, tipo, datos, radicado in filas:
        d = json.loads(datos)
        entradas.append(
            Entrada(
                instante=datetime.fromisoformat(ocurrido).astimezone(BOGOTA),
                usuario=usuario,
                funcionario=nombres.get(usuario, usuario),
                dispositivo=dispositivo,
                punto=lugares.get(dispositivo, dispositivo),
                tipo=tipo,
                accion=_ACCIONES.get(tipo, tipo),
                radicado=radicado or d.get("radicado", ""),
                detalle=_detalle(tipo, d, dependencias, turnos),
            )
        )
    return entradas
