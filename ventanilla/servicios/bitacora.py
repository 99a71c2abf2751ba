"""La bitácora del día: lo que hizo este punto de radicación, leído del registro de eventos.

El supervisor la revisa al cierre y el funcionario la consulta durante el día. Se filtra por
clase de acción y por texto, y se exporta a CSV (con el separador y la codificación que abre
Excel en español). Solo nombra solicitudes por su radicado: los datos personales no están en
los eventos y tampoco salen en la bitácora.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Dependencia, EventoFila, SolicitudFila, Usuario
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.terminos import TERMINOS

__all__ = ["CLASES", "Entrada", "bitacora_del_dia", "describir", "exportar_csv", "filtrar"]

CLASES: dict[str, str] = {
    "todas": "Todas las acciones",
    "radicacion": "Radicaciones",
    "tramite": "Trámite",
    "anulacion": "Anulaciones",
    "turno": "Turnos",
    "sesion": "Sesiones y equipo",
}

_NOMBRES: dict[str, str] = {
    "solicitud.radicada": "Radicó",
    "solicitud.asignada": "Asignó",
    "solicitud.trasladada": "Trasladó por competencia",
    "solicitud.ampliada": "Amplió el término",
    "solicitud.incompleta": "Pidió completar",
    "solicitud.completada": "Registró que se completó",
    "solicitud.respondida": "Registró la respuesta",
    "solicitud.cerrada": "Cerró",
    "solicitud.desistida": "Declaró el desistimiento",
    "anulacion.solicitada": "Pidió anular",
    "anulacion.aprobada": "Aprobó la anulación",
    "anulacion.rechazada": "Rechazó la anulación",
    "documento.impreso": "Imprimió",
    "equipo.configurado": "Configuró el equipo",
    "sesion.iniciada": "Entró al equipo",
    "sesion.cerrada": "Salió del equipo",
    "sesion.clave_fijada": "Eligió su clave",
}


@dataclass(frozen=True)
class Entrada:
    """Una línea de la bitácora."""

    instante: datetime
    usuario: str
    usuario_nombre: str
    tipo: str
    accion: str
    radicado: str
    detalle: str

    @property
    def clase(self) -> str:
        if self.tipo == "solicitud.radicada":
            return "radicacion"
        prefijo = self.tipo.split(".", 1)[0]
        return {"solicitud": "tramite", "documento": "tramite", "anulacion": "anulacion",
                "turno": "turno", "ventanilla": "turno"}.get(prefijo, "sesion")

    @property
    def hora(self) -> str:
        return self.instante.astimezone(BOGOTA).strftime("%H:%M:%S")


def describir(tipo: str, datos: Mapping[str, Any], dependencias: Mapping[str, str]) -> tuple[str, str]:
    """La acción en palabras y su detalle, sin datos personales."""
    accion = _NOMBRES.get(tipo, tipo.replace(".", " ").replace("_", " ").capitalize())
    if tipo == "solicitud.radicada":
        termino = TERMINOS.get(str(datos.get("tipo")))
        nombre_dep = dependencias.get(str(datos.get("dependencia")), str(datos.get("dependencia", "")))
        detalle = f"{termino.nombre if termino else datos.get('tipo')} para {nombre_dep}"
    elif tipo == "solicitud.asignada":
        detalle = f"a {dependencias.get(str(datos.get('dependencia')), datos.get('dependencia'))}"
    elif tipo == "solicitud.trasladada":
        detalle = f"a {datos.get('entidad_destino')}" + ("" if datos.get("a_tiempo", True) else " (fuera del plazo de 5 días)")
    elif tipo in ("solicitud.ampliada", "solicitud.completada"):
        detalle = f"vence el {datos.get('vence_el')}" + (f": {datos['motivo']}" if datos.get("motivo") else "")
    elif tipo == "solicitud.incompleta":
        detalle = str(datos.get("faltante", ""))
    elif tipo == "solicitud.respondida":
        detalle = f"por {datos.get('medio')}" + (f": {datos['resumen']}" if datos.get("resumen") else "")
    elif tipo == "anulacion.solicitada":
        detalle = str(datos.get("justificacion", ""))
    elif tipo in ("anulacion.aprobada", "anulacion.rechazada"):
        detalle = str(datos.get("motivo", ""))
    elif tipo == "equipo.configurado":
        detalle = f"{datos.get('punto')}, serie {datos.get('serie')}"
    elif tipo.startswith("turno."):
        detalle = " ".join(str(datos[c]) for c in ("codigo", "ventanilla") if c in datos)
    else:
        detalle = ""
    return accion, detalle


def _limites(dia: date) -> tuple[datetime, datetime]:
    inicio = datetime.combine(dia, time.min, tzinfo=BOGOTA)
    return inicio, inicio + timedelta(days=1)


def bitacora_del_dia(almacen: Almacen, dia: date | None = None) -> list[Entrada]:
    """Los eventos de este equipo en el día (hora de Colombia), del más reciente al más antiguo."""
    inicio, fin = _limites(dia or datetime.now(BOGOTA).date())
    with almacen.leer() as sesion:
        dependencias = {c: n for c, n in sesion.execute(select(Dependencia.codigo, Dependencia.nombre))}
        nombres = {u: n for u, n in sesion.execute(select(Usuario.login, Usuario.nombre))}
        filas = sesion.execute(
            select(EventoFila, SolicitudFila.radicado)
            .outerjoin(SolicitudFila, SolicitudFila.id == EventoFila.solicitud_id)
            .where(
                EventoFila.dispositivo == almacen.ajustes.dispositivo,
                EventoFila.ocurrido_en >= inicio,
                EventoFila.ocurrido_en < fin,
            )
            .order_by(EventoFila.seq.desc())
        )
        entradas = []
        for evento, radicado in filas:
            accion, detalle = describir(evento.tipo, evento.datos, dependencias)
            entradas.append(
                Entrada(
                    instante=evento.ocurrido_en,
                    usuario=evento.usuario,
                    usuario_nombre=nombres.get(evento.usuario, evento.usuario),
                    tipo=evento.tipo,
                    accion=accion,
                    radicado=radicado or str(evento.datos.get("radicado", "")),
                    detalle=detalle,
                )
            )
        return entradas


def filtrar(entradas: Iterable[Entrada], *, clase: str = "todas", texto: str = "") -> list[Entrada]:
    """Las entradas de una clase (ver CLASES) que contienen `texto` (sin distinguir mayúsculas)."""
    buscado = texto.strip().lower()
    return [
        e
        for e in entradas
        if (clase == "todas" or e.clase == clase)
        and (not buscado or buscado in f"{e.radicado} {e.accion} {e.detalle} {e.usuario} {e.usuario_nombre}".lower())
    ]


def exportar_csv(entradas: Iterable[Entrada], destino: Path) -> int:
    """Escribe la bitácora en CSV (UTF-8 con BOM y punto y coma, como lo abre Excel en español)."""
    cuenta = 0
    with open(destino, "w", encoding="utf-8-sig", newline="") as archivo:
        escritor = csv.writer(archivo, delimiter=";")
        escritor.writerow(["Fecha", "Hora", "Usuario", "Acción", "Radicado", "Detalle"])
        for e in entradas:
            local = e.instante.astimezone(BOGOTA)
            escritor.writerow([local.date().isoformat(), local.strftime("%H:%M:%S"), e.usuario_nombre, e.accion, e.radicado, e.detalle])
            cuenta += 1
    return cuenta
