"""Proyección de los eventos de turno en la tabla `turnos` y en `turno_solicitudes`.

Tolera repeticiones y desorden: un turno ya proyectado no se vuelve a crear, y un evento de un
turno que aún no llegó se ignora (la tabla es un resumen; la verdad está en los eventos).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ventanilla.datos.modelos_turnos import TurnoFila, TurnoSolicitud
from ventanilla.datos.proyeccion import proyector, tabla_proyectada
from ventanilla.dominio.eventos import Evento

__all__: list[str] = []

tabla_proyectada("turno_solicitudes", "turnos")


@proyector("turno.emitido")
def _emitido(sesion: Session, evento: Evento) -> None:
    d = evento.datos
    if sesion.get(TurnoFila, d["turno_id"]) is not None:
        return
    sesion.add(
        TurnoFila(
            id=d["turno_id"],
            codigo=d["codigo"],
            servicio=d["servicio"],
            numero=int(d["numero"]),
            jornada=d["jornada"],
            preferencial=d.get("preferencial"),
            ciudadano_id=d.get("ciudadano_id"),
            dispositivo=evento.dispositivo,
            estado="en_espera",
            llamadas=0,
            emitido_en=evento.ocurrido_en,
        )
    )


@proyector(
    "turno.llamado",
    "turno.rellamado",
    "turno.atencion_iniciada",
    "turno.no_se_presento",
    "turno.finalizado",
    "turno.transferido",
    "turno.devuelto",
)
def _movido(sesion: Session, evento: Evento) -> None:
    d = evento.datos
    fila = sesion.get(TurnoFila, d["turno_id"])
    if fila is None:
        return
    instante = evento.ocurrido_en
    if evento.tipo in ("turno.llamado", "turno.rellamado"):
        fila.estado, fila.ventanilla = "llamado", int(d["ventanilla"])
        fila.llamado_en, fila.llamadas = instante, fila.llamadas + 1
    elif evento.tipo == "turno.atencion_iniciada":
        fila.estado, fila.iniciado_en = "en_atencion", instante
    elif evento.tipo == "turno.finalizado":
        fila.estado, fila.terminado_en = "finalizado", instante
        fila.servicio_prestado = d["servicio_prestado"]
    elif evento.tipo == "turno.no_se_presento":
        fila.estado, fila.terminado_en = "no_se_presento", instante
    else:
        fila.estado, fila.ventanilla, fila.iniciado_en = "en_espera", None, None
        fila.servicio = d.get("servicio") or fila.servicio


@proyector("turno.radicado_vinculado")
def _vinculado(sesion: Session, evento: Evento) -> None:
    d = evento.datos
    if sesion.get(TurnoSolicitud, (d["turno_id"], d["solicitud_id"])) is None:
        sesion.add(TurnoSolicitud(turno_id=d["turno_id"], solicitud_id=d["solicitud_id"]))
