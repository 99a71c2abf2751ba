"""Proyección de los eventos de jornadas, asistencia, encuestas y compromisos en sus tablas.

Cada proyector tolera eventos repetidos o que llegan en otro orden desde otro portátil de la
misma jornada: abrir dos veces deja la jornada abierta, la misma persona registrada en los dos
portátiles queda una vez en la lista (la primera), y un cambio de estado de un compromiso más
viejo que el ya aplicado no lo pisa.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.modelos_jornadas import (
    AsistenciaFila,
    CompromisoFila,
    CuestionarioFila,
    EncuestaFila,
    JornadaFila,
    JornadaSolicitud,
)
from ventanilla.datos.proyeccion import proyector, tabla_proyectada
from ventanilla.dominio.eventos import Evento
from ventanilla.dominio.jornadas import EstadoCompromiso, EstadoJornada

__all__: list[str] = []

tabla_proyectada("asistencias", "jornada_solicitudes", "encuestas", "compromisos", "cuestionarios", "jornadas")

_ORDEN_ESTADO = {e: i for i, e in enumerate(EstadoJornada)}


@proyector("jornada.programada")
def _programada(sesion: Session, evento: Evento) -> None:
    d = evento.datos
    if sesion.get(JornadaFila, d["jornada_id"]) is not None:
        return
    sesion.add(
        JornadaFila(
            id=d["jornada_id"],
            nombre=d["nombre"],
            fecha=date.fromisoformat(d["fecha"]),
            lugar=d["lugar"],
            comuna=d["comuna"],
            dependencias=list(d["dependencias"]),
            servicios=list(d["servicios"]),
            equipo=list(d["equipo"]),
            portatiles=d["portatiles"],
            estado=EstadoJornada.PROGRAMADA,
            chequeo=None,
            programada_en=evento.ocurrido_en,
            programada_por=evento.usuario,
        )
    )
    sesion.flush()


def _avanzar(sesion: Session, evento: Evento, estado: EstadoJornada) -> JornadaFila | None:
    fila = sesion.get(JornadaFila, evento.datos["jornada_id"])
    if fila is not None and _ORDEN_ESTADO[EstadoJornada(fila.estado)] <= _ORDEN_ESTADO[estado]:
        fila.estado = estado
    return fila


@proyector("jornada.preparada")
def _preparada(sesion: Session, evento: Evento) -> None:
    fila = _avanzar(sesion, evento, EstadoJornada.LISTA)
    if fila is not None:
        fila.chequeo = dict(evento.datos["chequeo"])
        fila.preparada_en = evento.ocurrido_en


@proyector("jornada.abierta")
def _abierta(sesion: Session, evento: Evento) -> None:
    fila = _avanzar(sesion, evento, EstadoJornada.ABIERTA)
    if fila is not None and (fila.abierta_en is None or evento.ocurrido_en < fila.abierta_en):
        fila.abierta_en = evento.ocurrido_en


@proyector("jornada.cerrada")
def _cerrada(sesion: Session, evento: Evento) -> None:
    fila = _avanzar(sesion, evento, EstadoJornada.CERRADA)
    if fila is not None and (fila.cerrada_en is None or evento.ocurrido_en > fila.cerrada_en):
        fila.cerrada_en = evento.ocurrido_en


@proyector("jornada.solicitud_vinculada")
def _solicitud_vinculada(sesion: Session, evento: Evento) -> None:
    clave = (evento.datos["jornada_id"], evento.datos["solicitud_id"])
    if sesion.get(JornadaSolicitud, clave) is None:
        sesion.add(JornadaSolicitud(jornada_id=clave[0], solicitud_id=clave[1]))
        sesion.flush()


@proyector("asistencia.registrada")
def _asistencia(sesion: Session, evento: Evento) -> None:
    d = evento.datos
    ya = sesion.scalar(
        select(AsistenciaFila.id).where(
            AsistenciaFila.jornada_id == d["jornada_id"], AsistenciaFila.ciudadano_id == d["ciudadano_id"]
        )
    )
    if ya is not None:
        return
    sesion.add(
        AsistenciaFila(
            id=d["asistencia_id"],
            jornada_id=d["jornada_id"],
            ciudadano_id=d["ciudadano_id"],
            servicio=d["servicio"],
            dependencia=d["dependencia"],
            origen=d["origen"],
            referencia=d.get("referencia"),
            aviso_privacidad=bool(d["aviso_privacidad"]),
            registrada_en=evento.ocurrido_en,
            usuario=evento.usuario,
            dispositivo=evento.dispositivo,
        )
    )
    sesion.flush()


@proyector("cuestionario.publicado")
def _cuestionario(sesion: Session, evento: Evento) -> None:
    if sesion.get(CuestionarioFila, evento.datos["version"]) is None:
        sesion.add(
            CuestionarioFila(
                version=evento.datos["version"],
                contenido=dict(evento.datos["cuestionario"]),
                publicado_en=evento.ocurrido_en,
            )
        )
        sesion.flush()


@proyector("encuesta.respondida")
def _encuesta(sesion: Session, evento: Evento) -> None:
    d = evento.datos
    if sesion.get(EncuestaFila, d["encuesta_id"]) is not None:
        return
    sesion.add(
        EncuestaFila(
            id=d["encuesta_id"],
            jornada_id=d["jornada_id"],
            version=d["version"],
            atencion=d["atencion"],
            atencion_id=d["atencion_id"],
            respuestas=dict(d["respuestas"]),
            medio=d["medio"],
            respondida_en=evento.ocurrido_en,
        )
    )
    sesion.flush()


@proyector("compromiso.adquirido")
def _compromiso(sesion: Session, evento: Evento) -> None:
    d = evento.datos
    if sesion.get(CompromisoFila, d["compromiso_id"]) is not None:
        return
    sesion.add(
        CompromisoFila(
            id=d["compromiso_id"],
            jornada_id=d["jornada_id"],
            descripcion=d["descripcion"],
            dependencia=d["dependencia"],
            vence_el=date.fromisoformat(d["vence_el"]),
            estado=EstadoCompromiso.SIN_INICIAR,
            nota="",
            adquirido_en=evento.ocurrido_en,
            actualizado_en=evento.ocurrido_en,
            actualizado_el=None,
        )
    )
    sesion.flush()


@proyector("compromiso.actualizado")
def _compromiso_actualizado(sesion: Session, evento: Evento) -> None:
    fila = sesion.get(CompromisoFila, evento.datos["compromiso_id"])
    if fila is None or evento.ocurrido_en < fila.actualizado_en:
        return
    fila.estado = evento.datos["estado"]
    fila.nota = evento.datos["nota"]
    fila.actualizado_el = date.fromisoformat(evento.datos["fecha"])
    fila.actualizado_en = evento.ocurrido_en
