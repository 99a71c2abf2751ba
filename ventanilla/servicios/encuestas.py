"""Encuestas de satisfacción: el cuestionario vigente y las respuestas, anónimas.

El cuestionario es del servidor central: un supervisor publica una versión (evento
`cuestionario.publicado`) y llega a los equipos con la sincronización; un equipo que nunca
recibió una usa la de la semilla (`recursos/semillas/encuesta.json`). Cada respuesta guarda la
versión con que se respondió y la atención (turno, radicado o la jornada entera), nunca a la
persona: ni su nombre ni su documento ni su id de ciudadano.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila, SolicitudFila
from ventanilla.datos.modelos_jornadas import CuestionarioFila, EncuestaFila
from ventanilla.datos.registro import anotar
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.jornadas import (
    ATENCIONES,
    MEDIOS_ENCUESTA,
    Cuestionario,
    EncuestaInvalida,
    EstadoJornada,
    leer_cuestionario,
    validar_atencion,
    validar_respuestas,
)
from ventanilla.rutas import recurso
from ventanilla.servicios.errores import AccionNoPermitida
from ventanilla.servicios.jornadas import ROLES_PROGRAMAR, jornada_en
from ventanilla.servicios.usuarios import exigir_rol, usuario_activo

__all__ = [
    "atencion_por_codigo",
    "cuestionario",
    "cuestionario_vigente",
    "cuestionarios_semilla",
    "encuestas_de",
    "publicar_cuestionario",
    "responder_encuesta",
]


@cache
def _semilla() -> dict[str, Any]:
    datos: dict[str, Any] = json.loads(recurso("semillas", "encuesta.json").read_text(encoding="utf-8"))
    return datos


def cuestionarios_semilla() -> dict[str, Cuestionario]:
    """Las versiones que trae la aplicación, {versión: cuestionario}."""
    return {c["version"]: leer_cuestionario(c) for c in _semilla()["cuestionarios"]}


def _publicados(sesion: Session) -> list[CuestionarioFila]:
    return list(sesion.scalars(select(CuestionarioFila).order_by(CuestionarioFila.publicado_en)))


def cuestionario_vigente(almacen: Almacen) -> Cuestionario:
    """La última versión publicada por el servidor o, si no hay, la vigente de la semilla."""
    with almacen.leer() as sesion:
        publicados = _publicados(sesion)
    if publicados:
        return leer_cuestionario(publicados[-1].contenido)
    return cuestionarios_semilla()[_semilla()["vigente"]]


def cuestionario(almacen: Almacen, version: str) -> Cuestionario:
    """Una versión concreta (para leer encuestas viejas o digitar papel de otra versión)."""
    with almacen.leer() as sesion:
        fila = sesion.get(CuestionarioFila, version)
    if fila is not None:
        return leer_cuestionario(fila.contenido)
    semilla = cuestionarios_semilla()
    if version in semilla:
        return semilla[version]
    raise EncuestaInvalida(f"No existe la versión «{version}» del cuestionario en este equipo.")


def publicar_cuestionario(
    almacen: Almacen, datos: Mapping[str, Any], *, usuario: str, ahora: datetime | None = None
) -> Cuestionario:
    """Publica una versión nueva (supervisor). Una versión publicada no se cambia: se publica otra."""
    nuevo = leer_cuestionario(datos)
    with almacen.escribir() as sesion:
        exigir_rol(usuario_activo(sesion, usuario), ROLES_PROGRAMAR, "publicar un cuestionario")
        if sesion.get(CuestionarioFila, nuevo.version) is not None or nuevo.version in cuestionarios_semilla():
            raise AccionNoPermitida(
                f"La versión {nuevo.version} ya existe y no se cambia: publique el cuestionario con otra versión."
            )
        anotar(
            sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo="cuestionario.publicado",
            ahora=(ahora or datetime.now(UTC)), datos={"version": nuevo.version, "cuestionario": nuevo.como_dict()},
        )
    return nuevo


def _atencion_existe(sesion: Session, atencion: str, atencion_id: str | None) -> bool:
    if atencion == "radicado":
        return sesion.scalar(select(SolicitudFila.id).where(SolicitudFila.id == atencion_id)) is not None
    if atencion == "turno":
        return sesion.scalar(
            select(EventoFila.id).where(
                EventoFila.tipo == "turno.emitido", EventoFila.datos["turno_id"].as_string() == atencion_id
            )
        ) is not None
    return True


def responder_encuesta(
    almacen: Almacen,
    respuestas: Mapping[str, Any],
    *,
    atencion: str,
    atencion_id: str | None = None,
    jornada_id: str | None = None,
    medio: str = "pantalla",
    version: str | None = None,
    usuario: str,
    ahora: datetime | None = None,
) -> str:
    """Guarda una encuesta y devuelve su id. Una atención (turno o radicado) se encuesta una sola vez."""
    validar_atencion(atencion, atencion_id)
    if medio not in MEDIOS_ENCUESTA:
        raise EncuestaInvalida(f"El medio «{medio}» no existe: use {', '.join(MEDIOS_ENCUESTA)}.")
    formulario = cuestionario(almacen, version) if version else cuestionario_vigente(almacen)
    limpias = validar_respuestas(formulario, respuestas)
    if atencion == "jornada" and not jornada_id:
        raise EncuestaInvalida("Diga a qué jornada corresponde la encuesta.")
    encuesta_id = nuevo_id()
    with almacen.escribir() as sesion:
        usuario_activo(sesion, usuario)
        if jornada_id:
            jornada_en(sesion, jornada_id, EstadoJornada.ABIERTA, EstadoJornada.CERRADA, que="registrar encuestas")
        if not _atencion_existe(sesion, atencion, atencion_id):
            raise EncuestaInvalida(f"No existe en este equipo el {ATENCIONES[atencion].lower()} {atencion_id}.")
        if atencion != "jornada" and sesion.scalar(
            select(EncuestaFila.id).where(EncuestaFila.atencion == atencion, EncuestaFila.atencion_id == atencion_id)
        ):
            raise AccionNoPermitida(f"Ese {ATENCIONES[atencion].lower()} ya tiene su encuesta: no se repite.")
        anotar(
            sesion,
            dispositivo=almacen.ajustes.dispositivo,
            usuario=usuario,
            tipo="encuesta.respondida",
            ahora=(ahora or datetime.now(UTC)),
            datos={
                "encuesta_id": encuesta_id,
                "version": formulario.version,
                "jornada_id": jornada_id,
                "atencion": atencion,
                "atencion_id": atencion_id,
                "respuestas": limpias,
                "medio": medio,
            },
        )
    return encuesta_id


def encuestas_de(almacen: Almacen, jornada_id: str) -> list[EncuestaFila]:
    """Las encuestas de una jornada, en el orden en que se respondieron."""
    with almacen.leer() as sesion:
        return list(
            sesion.scalars(
                select(EncuestaFila).where(EncuestaFila.jornada_id == jornada_id).order_by(EncuestaFila.respondida_en)
            )
        )


def atencion_por_codigo(almacen: Almacen, jornada_id: str | None, codigo: str) -> tuple[str, str | None]:
    """(atención, id) de lo que el funcionario escribe: un radicado, un turno de la jornada (`A-023`) o
    nada (la encuesta es de la jornada)."""
    texto = codigo.strip().upper()
    if not texto:
        return "jornada", None
    with almacen.leer() as sesion:
        solicitud = sesion.scalar(select(SolicitudFila.id).where(SolicitudFila.radicado == texto))
        if solicitud is not None:
            return "radicado", solicitud
        if jornada_id:
            turno = sesion.scalar(
                select(EventoFila.datos["turno_id"].as_string()).where(
                    EventoFila.tipo == "turno.emitido",
                    EventoFila.datos["jornada"].as_string() == jornada_id,
                    EventoFila.datos["codigo"].as_string() == texto,
                )
            )
            if turno is not None:
                return "turno", turno
    raise EncuestaInvalida(f"No hay un radicado ni un turno de esta jornada con el código «{codigo.strip()}».")
