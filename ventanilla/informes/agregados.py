"""El `Resumen` de un periodo contado por SQLite: el camino rápido de los informes grandes.

Un trimestre de un almacén de un millón son más de cien mil solicitudes; contarlas en Python
una por una tarda segundos. Aquí la base de datos hace el trabajo en dos recorridos:
- un `GROUP BY` por tipo, dependencia, canal, estado de término, mes y días hábiles de
  respuesta (los días salen de una tabla temporal con la posición de cada día hábil, así que
  son una resta, como en `IndiceHabil`), que vuelve como unos miles de grupos;
- las filas que los informes listan una por una: vencidas, trasladadas y peticiones de
  documentos.
El estado de término se decide con las mismas reglas que `Clasificador.estado`, escritas
como un `CASE`: «por vencer» es vencer antes del (umbral + 1)-ésimo día hábil después de hoy.
Las solicitudes con eventos después del corte no entran en el SQL: se repliegan desde sus
eventos y se cuentan con `resumir` (ver `fotos.py`). Una prueba compara ambos caminos.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ventanilla.dominio.terminos import EstadoTermino
from ventanilla.informes.clasificacion import Clasificador
from ventanilla.informes.fotos import ABIERTOS, COLUMNAS, Foto, aplicar, conexion_cruda
from ventanilla.informes.indicadores import Resumen, Traslado, resumir
from ventanilla.informes.periodo import iso_utc

__all__ = ["resumen_del_periodo"]

E = EstadoTermino
_ESTADOS = {e.value: e for e in EstadoTermino}

_CLASE = """
    CASE
        WHEN s.estado = 'anulada' THEN 'anulada'
        WHEN s.estado = 'desistida' THEN 'desistida'
        WHEN s.trasladada_el IS NOT NULL OR s.estado = 'trasladada' THEN 'trasladada'
        WHEN s.estado = 'incompleta' THEN 'en_espera_del_ciudadano'
        WHEN s.vence_el IS NULL THEN 'sin_termino'
        WHEN s.respondida_el IS NOT NULL THEN
            CASE WHEN s.respondida_el <= s.vence_el THEN 'respondida_a_tiempo' ELSE 'respondida_fuera_de_termino' END
        WHEN :hoy > s.vence_el THEN 'vencida'
        WHEN s.vence_el < :limite THEN 'por_vencer'
        ELSE 'vigente'
    END"""


def _preparar(cx: Any, clasificador: Clasificador, desde: date, hasta: date, parametros: dict[str, Any]) -> None:
    """Las tablas temporales: días hábiles con su posición y las solicitudes a replegar."""
    # `fecha` con el mismo tipo (DATE) que las columnas con que se cruza: con tipos distintos,
    # SQLite no usa la llave primaria y recorre la tabla entera por cada solicitud.
    cx.execute("CREATE TEMP TABLE IF NOT EXISTS informe_habiles (fecha DATE PRIMARY KEY, pos INTEGER) WITHOUT ROWID")
    cx.execute("CREATE TEMP TABLE IF NOT EXISTS informe_tocadas (id TEXT PRIMARY KEY) WITHOUT ROWID")
    cx.execute("DELETE FROM informe_habiles")
    cx.execute("DELETE FROM informe_tocadas")
    indice = clasificador.indice
    dias = [(desde + timedelta(days=i)).isoformat() for i in range((hasta - desde).days + 1)]
    cx.executemany("INSERT INTO informe_habiles VALUES (?, ?)", [(d, indice.posicion(d)) for d in dias])
    # Todo en SQLite, por el índice (ocurrido_en, solicitud_id); el «+» evita que prefiera el
    # índice de solicitud_id, que recorrería el registro entero. Si lo posterior al corte es
    # mucho más que el periodo (un corte viejo), se filtra por las solicitudes del periodo;
    # si no, sale más barato guardarlo todo que buscar el id de cada solicitud del periodo.
    despues = cx.execute("SELECT count(*) FROM eventos WHERE ocurrido_en >= :corte", parametros).fetchone()[0]
    del_periodo = ""
    if parametros["desde"]:
        en_periodo = cx.execute(
            "SELECT count(*) FROM solicitudes WHERE recibido_en >= :desde AND recibido_en < :hasta", parametros
        ).fetchone()[0]
        if despues > 3 * en_periodo:
            del_periodo = (
                " AND solicitud_id IN (SELECT id FROM solicitudes INDEXED BY ix_solicitudes_recibido_en "
                "WHERE recibido_en >= :desde AND recibido_en < :hasta)"
            )
    cx.execute("INSERT OR IGNORE INTO informe_tocadas SELECT solicitud_id FROM eventos "
               f"WHERE ocurrido_en >= :corte AND +solicitud_id IS NOT NULL{del_periodo}", parametros)


def _indice(solo_abiertas: bool) -> str:
    """El índice por el que SQLite debe recorrer `solicitudes`: sin estadísticas, a veces elige
    el de `tipo` (todas las filas) en lugar del de recibo del periodo o el de estado."""
    return "ix_informes_solicitudes_estado_recibido" if solo_abiertas else "ix_solicitudes_recibido_en"


def _filtro(solo_abiertas: bool, con_desde: bool) -> str:
    condiciones = ["s.recibido_en < :hasta", "s.id NOT IN (SELECT id FROM informe_tocadas)"]
    if con_desde:
        condiciones.append("s.recibido_en >= :desde")
    if solo_abiertas:
        condiciones.append(f"s.estado IN ({', '.join(repr(e) for e in ABIERTOS)})")
    return " AND ".join(condiciones)


def _contar(cx: Any, r: Resumen, filtro: str, indice: str, parametros: dict[str, Any]) -> None:
    filas = cx.execute(
        f"""SELECT s.tipo, s.dependencia, s.canal, {_CLASE} AS clase,
                   CASE WHEN substr(s.recibido_en, 9, 2) = '01' AND substr(s.recibido_en, 12, 2) < '05'
                        THEN strftime('%Y-%m', s.recibido_en, '-5 hours') ELSE substr(s.recibido_en, 1, 7) END AS mes,
                   CASE WHEN s.respondida_el IS NOT NULL THEN hr.pos - hf.pos END AS dias,
                   count(*), min(s.vence_el)
            FROM solicitudes s INDEXED BY {indice}
            LEFT JOIN informe_habiles hf ON hf.fecha = s.fecha_recibo
            LEFT JOIN informe_habiles hr ON hr.fecha = s.respondida_el
            WHERE {filtro}
            GROUP BY 1, 2, 3, 4, 5, 6""",
        parametros,
    )
    for tipo, dependencia, canal, clase, mes, dias, n, vence in filas:
        estado = _ESTADOS[clase]
        if estado is E.ANULADA:
            r.anuladas += n
            continue
        r.por_canal[canal] += n
        r.por_mes[mes] += n
        for conteo in (r.total, r.por_tipo[tipo], r.por_dependencia[dependencia]):
            conteo.total += n
            conteo.estados[estado] += n
            if dias is not None:
                conteo.dias.extend([dias] * n)
        if (estado is E.VIGENTE or estado is E.POR_VENCER) and vence is not None:
            actual = r.proximo_vencimiento.get(dependencia)
            if actual is None or vence < actual:
                r.proximo_vencimiento[dependencia] = vence


_LISTAS = (
    # (índice, condición): las abiertas (vencidas y por vencer), las trasladadas, las de documentos.
    ("ix_informes_solicitudes_estado_recibido", "s.estado IN ('radicada', 'asignada') AND s.vence_el < :limite"),
    ("ix_informes_solicitudes_estado_recibido", "s.estado IN ('trasladada', 'cerrada') AND s.trasladada_el IS NOT NULL"),
    ("ix_informes_solicitudes_tipo_recibido", "s.tipo = 'documentos' AND s.estado != 'anulada'"),
)


def _listar(cx: Any, r: Resumen, clasificador: Clasificador, filtro: str, parametros: dict[str, Any]) -> None:
    """Las filas que se listan una por una, cada grupo leído por su propio índice."""
    columnas = ", ".join(f"s.{c.strip()}" for c in COLUMNAS.split(","))
    vistas: set[str] = set()
    for indice, condicion in _LISTAS:
        filas = cx.execute(
            f"SELECT {columnas}, {_CLASE} AS clase FROM solicitudes s INDEXED BY {indice} WHERE {filtro} AND {condicion}",
            parametros,
        )
        for *datos, clase in filas:
            f = Foto(*datos)
            if f.id in vistas:
                continue
            vistas.add(f.id)
            estado = _ESTADOS[clase]
            if estado is E.VENCIDA:
                r.vencidas.append((f, clasificador.dias_atraso(f)))
            elif estado is E.POR_VENCER:
                r.por_vencer.append(f)
            elif estado is E.TRASLADADA and f.trasladada_el is not None:
                limite = clasificador.limite_traslado(f)
                r.traslados.append(Traslado(f, limite, clasificador.indice.entre(f.fecha_recibo, f.trasladada_el),
                                            f.trasladada_el <= limite))
            if f.tipo == "documentos":
                r.documentos.append((f, estado))


def resumen_del_periodo(
    sesion: Session,
    clasificador: Clasificador,
    *,
    recibidas_desde: datetime | None,
    recibidas_hasta: datetime,
    corte: datetime,
    solo_abiertas: bool = False,
) -> Resumen:
    """Lo mismo que `resumir(fotos(...))`, contado por SQLite (más el repliegue de las cambiadas)."""
    cx = conexion_cruda(sesion)
    corte_iso = iso_utc(corte)
    hoy = date.fromisoformat(clasificador.hoy)
    inicio = (recibidas_desde.date() if recibidas_desde else hoy) - timedelta(days=10)
    parametros: dict[str, Any] = {
        "hasta": iso_utc(recibidas_hasta),
        "desde": iso_utc(recibidas_desde) if recibidas_desde else "",
        "corte": corte_iso,
        "hoy": clasificador.hoy,
        "limite": clasificador.indice.sumar(clasificador.hoy, clasificador.umbral + 1),
    }
    _preparar(cx, clasificador, inicio, max(hoy, corte.date()) + timedelta(days=1), parametros)
    filtro = _filtro(solo_abiertas, recibidas_desde is not None)
    r = Resumen()
    indice = _indice(solo_abiertas)
    _contar(cx, r, filtro, indice, parametros)
    _listar(cx, r, clasificador, filtro, parametros)
    fotos = _replegar_desde_filas(cx, _cambiadas_del_rango(cx, parametros), parametros, corte_iso)
    abiertas = (f for f in fotos if not solo_abiertas or f.estado in ABIERTOS)
    return resumir(abiertas, clasificador, destino=r)


def _cambiadas_del_rango(cx: Any, parametros: dict[str, Any]) -> list[str]:
    """De las solicitudes cambiadas después del corte, las recibidas en el rango."""
    if parametros["desde"]:
        consulta = (
            "SELECT s.id FROM solicitudes s INDEXED BY ix_solicitudes_recibido_en WHERE s.recibido_en < :hasta "
            "AND s.recibido_en >= :desde AND s.id IN (SELECT id FROM informe_tocadas) ORDER BY s.id"
        )
    else:
        consulta = (
            "SELECT t.id FROM informe_tocadas t JOIN solicitudes s ON s.id = t.id "
            "WHERE s.recibido_en < :hasta ORDER BY t.id"
        )
    return [i for (i,) in cx.execute(consulta, parametros)]


def _replegar_desde_filas(cx: Any, ids: list[str], parametros: dict[str, Any], corte: str) -> Iterator[Foto]:
    """Las solicitudes cambiadas después del corte, como estaban en él.

    Lo que la radicación fijó y nunca cambia sale de la fila (sin leer el JSON del evento); la
    dependencia inicial, del evento de radicación; y se aplican los eventos anteriores al
    corte, que casi siempre son pocos o ninguno.
    """
    columnas = ", ".join(f"s.{c.strip()}" for c in COLUMNAS.split(","))
    rango = "s.recibido_en < :hasta" + (" AND s.recibido_en >= :desde" if parametros["desde"] else "")
    for i in range(0, len(ids), 500):
        lote = {f"i{j}": v for j, v in enumerate(ids[i : i + 500])}
        marcas = ", ".join(f":{k}" for k in lote)
        filas = cx.execute(
            f"""SELECT {columnas}, s.vence_inicial, json_extract(e.datos, '$.dependencia') FROM solicitudes s
                JOIN eventos e INDEXED BY ix_eventos_solicitud_id ON e.solicitud_id = s.id AND e.tipo = 'solicitud.radicada'
                WHERE s.id IN ({marcas}) AND {rango}""",
            {**lote, **parametros},
        ).fetchall()
        despues: dict[str, list[tuple[str, str]]] = {}
        for sid, tipo, datos in cx.execute(
            f"""SELECT solicitud_id, tipo, datos FROM eventos INDEXED BY ix_eventos_solicitud_id WHERE solicitud_id IN ({marcas})
                AND ocurrido_en < :corte AND tipo != 'solicitud.radicada' ORDER BY solicitud_id, ocurrido_en, id""",
            {**lote, "corte": corte},
        ):
            despues.setdefault(sid, []).append((tipo, datos))
        for *valores, vence_inicial, dependencia in filas:
            foto = dict(zip(Foto._fields, valores))
            felicitacion = vence_inicial is None and foto["tipo"] == "felicitacion"
            foto.update(dependencia=dependencia, vence_el=vence_inicial, estado="cerrada" if felicitacion else "radicada",
                        respondida_el=None, trasladada_el=None, trasladada_a=None)
            previo: str | None = None
            for tipo, datos in despues.get(foto["id"], ()):
                previo = aplicar(foto, previo, tipo, json.loads(datos))
            yield Foto(**foto)
