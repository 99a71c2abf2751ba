"""Consultas de lectura: buscar, la ficha completa de una solicitud y su historia.

La búsqueda usa FTS5 y devuelve lo más reciente primero (`ORDER BY rowid DESC`): es lo que una
ventanilla quiere y cuesta menos de un milisegundo sobre un millón de filas, mientras que ordenar
por relevancia (bm25) cuesta cientos. Un radicado escrito completo (o leído por un lector de
código de barras) se encuentra directamente, sin FTS.

Cada palabra se busca como prefijo («alumbrado» encuentra «alumbrados»). FTS5 resuelve un
prefijo sin índice propio juntando en memoria las listas enteras de todos los términos que
empiezan así (55.000 filas para «poda» en un millón: 5 ms, y 17 ms «alumbrado público»), aunque
solo se pidan 50. Por eso:
- los prefijos de 1 a 3 letras tienen índice propio en la tabla (`prefix='1 2 3'`);
- una palabra más larga se cambia por sus términos completos, que se leen del vocabulario
  (`busqueda_terminos`) de uno en uno: «maria» → `("maria" OR "mariana")`. Así FTS5 recorre
  las listas desde el final y se detiene en la fila 50 (menos de un milisegundo). Si tiene
  muchos términos, se cambia por ella misma y sus ramas de una letra más (ver `_parte`); si no
  se sabe de antemano cómo la pliega el tokenizador, va como prefijo, igual que antes.
Las filas y su orden son los mismos en todos los casos (lo comprueban las pruebas).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import calendario_de
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, Dependencia, SolicitudFila, Usuario
from ventanilla.datos.registro import eventos_de_solicitud
from ventanilla.dominio.calendario import BOGOTA, Calendario
from ventanilla.dominio.eventos import Evento
from ventanilla.dominio.terminos import TERMINOS, EstadoTermino, estado_termino
from ventanilla.servicios.errores import NoEncontrado

__all__ = ["Ficha", "Resultado", "buscar", "consulta_fts", "ficha", "por_radicado"]


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


_PLEGAR = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüñçýÿ", "aaaaaaeeeeiiiiooooouuuuncyy")
"""Lo que `unicode61 remove_diacritics 2` hace con las letras con tilde del español (y algunas
más); las pruebas lo comparan con el tokenizador de SQLite letra por letra."""

_INDICE_DE_PREFIJOS = 3
"""Los prefijos de hasta tantas letras tienen índice propio en `busqueda` (`prefix='1 2 3'`)."""

_MAX_TERMINOS = 16
"""Con más términos que estos, una palabra se parte por su letra siguiente (leer cada término
cuesta ~0,1 ms)."""

_MAX_RAMAS = 40
"""Con más letras siguientes distintas que estas, la palabra va como prefijo, igual que antes."""

_TERMINOS = text(
    """
    WITH RECURSIVE siguiente(n, termino) AS (
        SELECT 1, (SELECT term FROM busqueda_terminos WHERE term >= :prefijo LIMIT 1)
        UNION ALL
        SELECT n + 1, (SELECT term FROM busqueda_terminos WHERE term >= termino || char(1) LIMIT 1)
        FROM siguiente
        WHERE substr(termino, 1, length(:prefijo)) = :prefijo AND n <= :maximo
    )
    SELECT termino FROM siguiente WHERE substr(termino, 1, length(:prefijo)) = :prefijo
    """
)
"""Los términos del índice que empiezan por `prefijo`, en orden, hasta uno más que `maximo`.

fts5vocab recorre el índice en orden de término y, con `LIMIT 1`, lee solo la primera aparición
de cada uno, no su lista entera. Ningún término tiene caracteres de control: el siguiente a
`termino` es el primero desde `termino || char(1)`."""

_RAMAS = text(
    """
    WITH RECURSIVE siguiente(n, termino) AS (
        SELECT 1, (SELECT term FROM busqueda_terminos WHERE term >= :prefijo || char(1) LIMIT 1)
        UNION ALL
        SELECT n + 1, (
            SELECT term FROM busqueda_terminos
            WHERE term >= :prefijo || char(unicode(substr(termino, length(:prefijo) + 1, 1)) + 1) LIMIT 1
        )
        FROM siguiente
        WHERE substr(termino, 1, length(:prefijo)) = :prefijo AND n <= :maximo
    )
    SELECT substr(termino, 1, length(:prefijo) + 1) FROM siguiente
    WHERE substr(termino, 1, length(:prefijo)) = :prefijo
    """
)
"""Los prefijos de una letra más que tienen los términos más largos que `prefijo` («2025» →
«20250», «20251», …), saltando de una letra siguiente a la próxima, hasta uno más que `maximo`."""


def _plegada(palabra: str) -> str | None:
    """La palabra como la guarda el tokenizador, si es de letras y cifras que sabemos plegar."""
    plegada = palabra.lower().translate(_PLEGAR)
    return plegada if plegada.isascii() and plegada.isalnum() else None


def _parte(sesion: Session, palabra: str) -> str | None:
    """Lo que pide una palabra en la consulta FTS5, con las mismas filas que `"palabra"*`.

    Sus términos completos, si son pocos: «maria» → `("maria" OR "mariana")`. Si son muchos, la
    palabra misma y sus ramas de una letra más: «2025» (el año de medio millón de radicados, más
    muchos consecutivos y documentos que empiezan así) → `("2025" OR "20250"* OR … OR "20259"*)`,
    donde la lista enorme de «2025» se recorre desde el final y las ramas son cortas. None si
    ningún término empieza por la palabra.
    """
    prefijo = f'"{palabra}"*'
    plegada = _plegada(palabra)
    if plegada is None or len(plegada) <= _INDICE_DE_PREFIJOS:
        return prefijo
    terminos = list(sesion.scalars(_TERMINOS, {"prefijo": plegada, "maximo": _MAX_TERMINOS}))
    if not terminos:
        return None
    if len(terminos) <= _MAX_TERMINOS:
        exactos, ramas = terminos, []
    else:
        exactos = [plegada] if terminos[0] == plegada else []
        ramas = list(sesion.scalars(_RAMAS, {"prefijo": plegada, "maximo": _MAX_RAMAS}))
        if len(ramas) > _MAX_RAMAS:
            return prefijo
    # Un término con letras que no sabemos plegar podría no leerse igual dentro de la consulta.
    if any(_plegada(t) != t for t in exactos + ramas):
        return prefijo
    return "(" + " OR ".join([f'"{t}"' for t in exactos] + [f'"{r}"*' for r in ramas]) + ")"


def _consulta_por_terminos(sesion: Session, texto: str) -> str | None:
    """La consulta de `consulta_fts` (cada palabra, un prefijo) escrita para que FTS5 no tenga que
    juntar listas enteras; las mismas filas. None si una palabra no empieza ningún término."""
    partes = []
    for palabra in re.findall(r"\w+", texto, flags=re.UNICODE):
        parte = _parte(sesion, palabra)
        if parte is None:
            return None
        partes.append(parte)
    return " AND ".join(partes)


def _hoy() -> date:
    return datetime.now(UTC).astimezone(BOGOTA).date()


def buscar(almacen: Almacen, texto: str, *, limite: int = 50, hoy: date | None = None) -> list[Resultado]:
    """Por radicado, documento, nombre o palabras del asunto; lo más reciente primero."""
    if not consulta_fts(texto):
        return []
    dia = hoy or _hoy()
    with almacen.leer() as sesion:
        exacta = sesion.scalar(select(SolicitudFila.fila).where(SolicitudFila.radicado == texto.strip().upper()))
        if exacta:
            filas_ids = [exacta]
        else:
            consulta = _consulta_por_terminos(sesion, texto)
            filas_ids = [] if consulta is None else list(
                sesion.scalars(
                    text("SELECT rowid FROM busqueda WHERE busqueda MATCH :q ORDER BY rowid DESC LIMIT :n"),
                    {"q": consulta, "n": limite},
                )
            )
        if not filas_ids:
            return []
        calendario = calendario_de(sesion, almacen.ajustes)
        # Solo las columnas que la lista muestra: materializar filas completas del ORM costaba
        # más que la búsqueda misma. El nombre de la dependencia viene en la misma consulta.
        s, c, d = SolicitudFila, CiudadanoFila, Dependencia
        filas = sesion.execute(
            select(
                s.radicado, s.recibido_en, s.tipo, s.asunto, func.coalesce(d.nombre, s.dependencia).label("dependencia"),
                s.vence_el, s.estado, s.respondida_el, c.nombres, c.apellidos, c.tipo_documento, c.numero_documento,
            )
            .outerjoin(c, c.id == s.ciudadano_id)
            .outerjoin(d, d.codigo == s.dependencia)
            .where(s.fila.in_(filas_ids))
            .order_by(s.fila.desc())
        )
        umbral = almacen.ajustes.dias_por_vencer
        # Muchas filas comparten estado y vencimiento; clasificar cuenta días hábiles uno a uno.
        clasificadas: dict[tuple[str, date | None, date | None], EstadoTermino] = {}

        def clasificar(f: Any) -> EstadoTermino:
            clave = (f.estado, f.vence_el, f.respondida_el)
            if clave not in clasificadas:
                clasificadas[clave] = _clasificar(f, dia, calendario, umbral)
            return clasificadas[clave]

        return [
            Resultado(
                radicado=f.radicado,
                recibido_en=f.recibido_en,
                tipo=f.tipo,
                asunto=f.asunto,
                peticionario=" ".join(p for p in (f.nombres, f.apellidos) if p) if f.tipo_documento else "Anónimo",
                documento=f"{f.tipo_documento} {f.numero_documento or ''}".strip() if f.tipo_documento else "",
                dependencia=f.dependencia,
                vence_el=f.vence_el,
                estado=f.estado,
                estado_termino=clasificar(f),
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
