"""Consultas de lectura: buscar, la ficha completa de una solicitud y su historia.

La búsqueda usa FTS5 y devuelve lo más reciente primero (`ORDER BY rowid DESC`): es lo que una
ventanilla quiere y cuesta menos de un milisegundo sobre un millón de filas, mientras que ordenar
por relevancia (bm25) cuesta cientos. Un radicado escrito completo (o leído por un lector de
código de barras) se encuentra directamente, sin FTS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import calendario_de
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, Dependencia, SolicitudFila, Usuario
from ventanilla.datos.registro import eventos_de_solicitud
from ventanilla.dominio.calendario import BOGOTA, Calendario
from ventanilla.dominio.eventos import Evento
from ventanilla.dominio.terminos import TERMINOS, EstadoTermino, estado_termino
from ventanilla.servicios.errores import NoEncontrado

__all__ = ["Resultado", "Ficha", "buscar", "ficha", "por_radicado", "consulta_fts"]


@dataclass(frozen=True)
class Resultado:
    radicado: str
    recibido_en: datetime
    tipo: str
    asunto: str
    peticionario: str
    documento: str
    dependencia: str
    vence_el: date | None
    estado: str
    estado_termino: EstadoTermino

    def como_json(self) -> dict[str, object]:
        return {
            "radicado": self.radicado,
            "recibido_en": self.recibido_en.astimezone(BOGOTA).isoformat(),
            "tipo": self.tipo,
            "asunto": self.asunto,
            "peticionario": self.peticionario,
            "documento": self.documento,
            "dependencia": self.dependencia,
            "vence_el": self.vence_el.isoformat() if self.vence_el else None,
            "estado": self.estado,
            "estado_termino": self.estado_termino.value,
        }


@dataclass(frozen=True)
class Ficha:
    """Todo lo que se sabe de una solicitud: para verla, imprimirla o actuar sobre ella."""

    solicitud: SolicitudFila
    ciudadano: CiudadanoFila | None
    dependencia_nombre: str
    funcionario_nombre: str
    estado_termino: EstadoTermino
    eventos: list[Evento]

    @property
    def tipo_nombre(self) -> str:
        return TERMINOS[self.solicitud.tipo].nombre


def consulta_fts(texto: str) -> str:
    """Convierte lo que escribe el usuario en una consulta FTS5 segura: cada palabra como prefijo."""
    palabras = re.findall(r"\w+", texto, flags=re.UNICODE)
    return " ".join(f'"{p}"*' for p in palabras)


def _hoy() -> date:
    return datetime.now(UTC).astimezone(BOGOTA).date()


def buscar(almacen: Almacen, texto: str, *, limite: int = 50, hoy: date | None = None) -> list[Resultado]:
    """Por radicado, documento, nombre o palabras del asunto; lo más reciente primero."""
    consulta = consulta_fts(texto)
    if not consulta:
        return []
    dia = hoy or _hoy()
    with almacen.leer() as sesion:
        exacta = sesion.scalar(select(SolicitudFila.fila).where(SolicitudFila.radicado == texto.strip().upper()))
        filas_ids = [exacta] if exacta else list(
            sesion.scalars(
                text("SELECT rowid FROM busqueda WHERE busqueda MATCH :q ORDER BY rowid DESC LIMIT :n"),
                {"q": consulta, "n": limite},
            )
        )
        if not filas_ids:
            return []
        calendario = calendario_de(sesion, almacen.ajustes)
        dependencias = {c: n for c, n in sesion.execute(select(Dependencia.codigo, Dependencia.nombre))}
        # Solo las columnas que la lista muestra: materializar filas completas del ORM costaba
        # más que la búsqueda misma.
        s, c = SolicitudFila, CiudadanoFila
        filas = sesion.execute(
            select(
                s.radicado, s.recibido_en, s.tipo, s.asunto, s.dependencia, s.vence_el, s.estado,
                s.respondida_el, c.nombres, c.apellidos, c.tipo_documento, c.numero_documento,
            )
            .outerjoin(c, c.id == s.ciudadano_id)
            .where(s.fila.in_(filas_ids))
            .order_by(s.fila.desc())
        )
        umbral = almacen.ajustes.dias_por_vencer
        return [
            Resultado(
                radicado=f.radicado,
                recibido_en=f.recibido_en,
                tipo=f.tipo,
                asunto=f.asunto,
                peticionario=" ".join(p for p in (f.nombres, f.apellidos) if p) if f.tipo_documento else "Anónimo",
                documento=f"{f.tipo_documento} {f.numero_documento or ''}".strip() if f.tipo_documento else "",
                dependencia=dependencias.get(f.dependencia, f.dependencia),
                vence_el=f.vence_el,
                estado=f.estado,
                estado_termino=_clasificar(f, dia, calendario, umbral),
            )
            for f in filas
        ]


def _clasificar(s: Any, hoy: date, calendario: Calendario, umbral: int) -> EstadoTermino:
    """`s` es una solicitud o una fila con `estado`, `vence_el` y `respondida_el`."""
    return estado_termino(
        estado=s.estado,
        vence_el=s.vence_el,
        respondida_el=s.respondida_el,
        hoy=hoy,
        calendario=calendario,
        umbral_por_vencer=umbral,
    )


def por_radicado(sesion: Session, radicado: str) -> SolicitudFila:
    fila = sesion.scalar(select(SolicitudFila).where(SolicitudFila.radicado == radicado.strip().upper()))
    if fila is None:
        raise NoEncontrado(f"No hay ninguna solicitud con el radicado «{radicado}» en este equipo.")
    return fila


def ficha(almacen: Almacen, radicado: str, *, hoy: date | None = None) -> Ficha:
    with almacen.leer() as sesion:
        s = por_radicado(sesion, radicado)
        ciudadano = sesion.get(CiudadanoFila, s.ciudadano_id) if s.ciudadano_id else None
        dependencia = sesion.get(Dependencia, s.dependencia)
        funcionario = sesion.get(Usuario, s.usuario)
        calendario = calendario_de(sesion, almacen.ajustes)
        return Ficha(
            solicitud=s,
            ciudadano=ciudadano,
            dependencia_nombre=dependencia.nombre if dependencia else s.dependencia,
            funcionario_nombre=funcionario.nombre if funcionario else s.usuario,
            estado_termino=_clasificar(s, hoy or _hoy(), calendario, almacen.ajustes.dias_por_vencer),
            eventos=eventos_de_solicitud(sesion, s.id),
        )
