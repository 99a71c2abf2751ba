"""Las cifras del informe de cierre de una jornada, calculadas en el equipo, sin conexión.

Todo sale del almacén local: la lista de asistencia, las solicitudes atadas a la jornada, los
turnos de su cola (los eventos `turno.*` con la jornada como día de numeración), las encuestas y
los compromisos. El resultado es `DatosCierre`, que el informe en PDF dibuja tal cual y que la
ventana de la jornada muestra.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila, SolicitudFila, Usuario
from ventanilla.datos.modelos_jornadas import (
    AsistenciaFila,
    CompromisoFila,
    EncuestaFila,
    JornadaSolicitud,
)
from ventanilla.dominio.jornadas import MEDIOS_ENCUESTA, ORIGENES_ASISTENCIA, resumir_encuestas
from ventanilla.dominio.terminos import TERMINOS
from ventanilla.impresion.cierre_jornada import (
    CompromisoCierre,
    Conteo,
    DatosCierre,
    ResultadoVersion,
)
from ventanilla.impresion.datos import Entidad
from ventanilla.servicios.encuestas import cuestionario
from ventanilla.servicios.jornadas import catalogo_comunas, catalogo_servicios, exigir_jornada

__all__ = ["datos_cierre", "entidad_de", "turnos_de_jornada"]


def entidad_de(almacen: Almacen) -> Entidad:
    """La entidad como aparece en el encabezado de los documentos de la jornada."""
    ajustes = almacen.ajustes
    return Entidad(
        nombre=ajustes.entidad_nombre,
        nit=ajustes.entidad_nit,
        dependencia="Gobierno en la Calle · Atención al Ciudadano",
        url_consulta=ajustes.url_consulta,
    )


def _conteo(valores: Iterable[str], nombres: dict[str, str] | None = None) -> Conteo:
    cuenta = Counter(valores)
    nombrados = Counter[str]()
    for clave, n in cuenta.items():
        nombrados[(nombres or {}).get(clave, clave)] += n
    return tuple(sorted(nombrados.items(), key=lambda par: (-par[1], par[0])))


def turnos_de_jornada(sesion: Session, jornada_id: str) -> tuple[list[dict[str, object]], set[str], set[str]]:
    """Los datos de los turnos emitidos en la jornada y los ids de los atendidos y los que no llegaron."""
    emitidos = [
        dict(e)
        for e in sesion.scalars(
            select(EventoFila.datos).where(
                EventoFila.tipo == "turno.emitido", EventoFila.datos["jornada"].as_string() == jornada_id
            )
        )
    ]
    ids = {str(e["turno_id"]) for e in emitidos}

    def con(tipo: str) -> set[str]:
        filas = sesion.scalars(select(EventoFila.datos["turno_id"].as_string()).where(EventoFila.tipo == tipo))
        return {t for t in filas if t in ids}

    return emitidos, con("turno.finalizado"), con("turno.no_se_presento")


def datos_cierre(almacen: Almacen, jornada_id: str, *, usuario: str, ahora: datetime | None = None) -> DatosCierre:
    """Todas las cifras del informe de cierre de la jornada."""
    dependencias = almacen.dependencias()
    servicios = catalogo_servicios()
    comunas = catalogo_comunas(almacen)
    with almacen.leer() as sesion:
        jornada = exigir_jornada(sesion, jornada_id)
        asistencia = list(sesion.scalars(select(AsistenciaFila).where(AsistenciaFila.jornada_id == jornada_id)))
        solicitudes = list(
            sesion.scalars(
                select(SolicitudFila)
                .join(JornadaSolicitud, JornadaSolicitud.solicitud_id == SolicitudFila.id)
                .where(JornadaSolicitud.jornada_id == jornada_id)
            )
        )
        emitidos, atendidos, ausentes = turnos_de_jornada(sesion, jornada_id)
        encuestas = list(
            sesion.scalars(
                select(EncuestaFila).where(EncuestaFila.jornada_id == jornada_id).order_by(EncuestaFila.respondida_en)
            )
        )
        compromisos = list(
            sesion.scalars(
                select(CompromisoFila).where(CompromisoFila.jornada_id == jornada_id).order_by(CompromisoFila.vence_el)
            )
        )
        quien = sesion.get(Usuario, usuario)
    resultados: list[ResultadoVersion] = []
    comentarios: list[str] = []
    for version in sorted({e.version for e in encuestas}):
        formulario = cuestionario(almacen, version)
        respuestas = [e.respuestas for e in encuestas if e.version == version]
        resultados.append(
            ResultadoVersion(version, formulario.titulo, len(respuestas), tuple(resumir_encuestas(formulario, respuestas)))
        )
        for pregunta in formulario.preguntas:
            if pregunta.tipo == "comentario":
                comentarios += [r[pregunta.clave] for r in respuestas if r.get(pregunta.clave)]
    return DatosCierre(
        entidad=entidad_de(almacen),
        jornada=jornada.nombre,
        fecha=jornada.fecha,
        lugar=jornada.lugar,
        comuna=comunas.get(jornada.comuna, jornada.comuna),
        dependencias=tuple(dependencias.get(d, d) for d in jornada.dependencias),
        servicios=tuple(servicios.get(s, s) for s in jornada.servicios),
        equipo=tuple(jornada.equipo),
        portatiles=jornada.portatiles,
        estado=jornada.estado,
        abierta_en=jornada.abierta_en,
        cerrada_en=jornada.cerrada_en,
        asistentes=len(asistencia),
        asistencia_por_servicio=_conteo((a.servicio for a in asistencia), servicios),
        asistencia_por_dependencia=_conteo((a.dependencia for a in asistencia), dependencias),
        asistencia_por_origen=_conteo((a.origen for a in asistencia), ORIGENES_ASISTENCIA),
        solicitudes=len(solicitudes),
        solicitudes_anonimas=sum(1 for s in solicitudes if s.ciudadano_id is None),
        solicitudes_por_tipo=_conteo((s.tipo for s in solicitudes), {t: v.nombre for t, v in TERMINOS.items()}),
        solicitudes_por_dependencia=_conteo((s.dependencia for s in solicitudes), dependencias),
        turnos_emitidos=len(emitidos),
        turnos_atendidos=len(atendidos),
        turnos_no_se_presento=len(ausentes),
        turnos_por_servicio=_conteo((str(e["servicio"]) for e in emitidos), servicios),
        encuestas=len(encuestas),
        encuestas_por_medio=_conteo((e.medio for e in encuestas), MEDIOS_ENCUESTA),
        resultados=tuple(resultados),
        comentarios=tuple(comentarios),
        compromisos=tuple(
            CompromisoCierre(c.descripcion, dependencias.get(c.dependencia, c.dependencia), c.vence_el, c.estado)
            for c in compromisos
        ),
        generado_en=(ahora or datetime.now(UTC)),
        generado_por=quien.nombre if quien else usuario,
    )
