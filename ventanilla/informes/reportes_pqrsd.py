"""Los informes de PQRSD que piden las semillas: semanal de ventanilla, oportunidad de
respuesta, traslados por competencia, estadísticas trimestrales, informe anual unificado y el
de acceso a la información pública (Decreto 103 de 2015, art. 52).

Todos salen del mismo `Resumen` (las solicitudes recibidas en el periodo, clasificadas al
corte), así que sus cifras coinciden entre sí.
"""

from __future__ import annotations

import json
from collections import Counter

from ventanilla.dominio.solicitudes import SENTIDOS_RESPUESTA
from ventanilla.dominio.terminos import EstadoTermino
from ventanilla.informes.caracterizacion import caracterizar
from ventanilla.informes.contexto import Contexto, nombre_tipo
from ventanilla.informes.fotos import Foto, conexion_cruda
from ventanilla.informes.indicadores import Resumen, Traslado, promedio
from ventanilla.informes.modelo import Cifra, Columna, Informe, Parrafo, Tabla, Tipo
from ventanilla.informes.periodo import iso_utc
from ventanilla.informes.tablas import (
    fecha,
    porcentaje,
    tabla_canales,
    tabla_caracterizacion,
    tabla_estados,
    tabla_pendientes,
    tabla_tiempos,
    tabla_traslados,
    tabla_vencidas,
)

__all__ = ["SENTIDOS", "acceso_informacion", "anual", "oportunidad", "semanal", "traslados", "trimestral"]

E = EstadoTermino
T = Tipo
_MESES = ("Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre",
          "Octubre", "Noviembre", "Diciembre")

SENTIDOS = SENTIDOS_RESPUESTA


def _cifras_generales(r: Resumen) -> list[Cifra]:
    return [
        Cifra("Solicitudes recibidas", r.total.total),
        Cifra("Respondidas a tiempo", r.total.de(E.RESPONDIDA_A_TIEMPO)),
        Cifra("Respondidas fuera de término", r.total.de(E.RESPONDIDA_FUERA_DE_TERMINO)),
        Cifra("Vencidas sin respuesta", r.total.de(E.VENCIDA)),
        Cifra("Oportunidad de respuesta", r.total.oportunidad, T.PORCENTAJE),
        Cifra("Promedio de respuesta (días hábiles)", r.total.promedio_dias, T.DECIMAL),
    ]


def _por_tipo(ctx: Contexto, r: Resumen) -> Tabla:
    return tabla_estados("Solicitudes por tipo", r.por_tipo, nombre_tipo, "Tipo", r.total, por_tipo=True)


def _por_dependencia(ctx: Contexto, r: Resumen, titulo: str = "Solicitudes por dependencia") -> Tabla:
    return tabla_estados(titulo, r.por_dependencia, ctx.dependencia, "Dependencia", r.total)


def _silencio(ctx: Contexto, r: Resumen) -> Tabla:
    return tabla_vencidas(
        ctx, r.silencio_positivo, "Silencio positivo: peticiones de documentos vencidas sin respuesta",
        "Ley 1755 de 2015, art. 14 num. 1: la petición de documentos no respondida en 10 días se entiende "
        "aceptada y las copias se entregan dentro de los 3 días siguientes.",
    )


def _anuladas(r: Resumen) -> Parrafo:
    return Parrafo(
        f"En el periodo se anularon {r.anuladas} radicados. Un radicado anulado conserva su número (nunca se "
        "vuelve a usar) pero no cuenta como solicitud en ninguna cifra de este informe."
    )


def _respondidas_en_periodo(ctx: Contexto) -> Tabla:
    cx = conexion_cruda(ctx.sesion)
    cuentas = Counter(dict(cx.execute(
        "SELECT s.dependencia, count(*) FROM eventos e INDEXED BY ix_eventos_ocurrido_en "
        "JOIN solicitudes s ON s.id = e.solicitud_id "
        "WHERE e.tipo = 'solicitud.respondida' AND e.ocurrido_en >= ? AND e.ocurrido_en < ? GROUP BY s.dependencia",
        (iso_utc(ctx.periodo.inicio), iso_utc(ctx.corte)),
    )))
    filas: list[list[object]] = [[ctx.dependencia(d), n] for d, n in sorted(cuentas.items(), key=lambda p: ctx.dependencia(p[0]))]
    return Tabla(
        "Respuestas dadas en el periodo, por dependencia",
        [Columna("Dependencia", ancho=3), Columna("Respuestas", T.ENTERO)],
        filas, totales=["Total", sum(cuentas.values())],
        nota="Cuenta toda respuesta registrada en el periodo, sin importar cuándo se recibió la solicitud.",
        grafico="barras",
    )


def semanal(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("semanal", "Informe semanal de seguimiento a la ventanilla",
                        "Seguimiento semanal a las ventanillas (plan de acción de atención al ciudadano)")
    r = ctx.resumen()
    pendientes = ctx.pendientes()
    informe.bloques += [
        [
            Cifra("Solicitudes recibidas", r.total.total),
            Cifra("Respondidas a tiempo", r.total.de(E.RESPONDIDA_A_TIEMPO)),
            Cifra("Abiertas por vencer al corte", pendientes.total.de(E.POR_VENCER)),
            Cifra("Abiertas vencidas al corte", pendientes.total.de(E.VENCIDA)),
        ],
        _por_tipo(ctx, r),
        tabla_canales(r.por_canal),
        _por_dependencia(ctx, r),
        _respondidas_en_periodo(ctx),
        tabla_pendientes(ctx, pendientes.por_dependencia, pendientes.proximo_vencimiento),
        tabla_vencidas(ctx, pendientes.vencidas, "Solicitudes vencidas sin respuesta al corte"),
    ]
    if r.anuladas:
        informe.bloques.append(_anuladas(r))
    return informe


def oportunidad(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("oportunidad", "Informe de oportunidad de respuesta a PQRSD",
                        "Ley 1755 de 2015, arts. 14 y 21")
    r = ctx.resumen()
    informe.bloques += [
        _cifras_generales(r),
        _por_dependencia(ctx, r, "Oportunidad de respuesta por dependencia"),
        _por_tipo(ctx, r),
        _silencio(ctx, r),
        tabla_vencidas(ctx, r.vencidas, "Solicitudes vencidas sin respuesta"),
    ]
    return informe


def traslados(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("traslados", "Informe de traslados por competencia",
                        "Ley 1755 de 2015, art. 21: traslado dentro de los 5 días hábiles siguientes al recibo")
    r = ctx.resumen()
    a_tiempo = sum(t.a_tiempo for t in r.traslados)
    por_dependencia: dict[str, list[Traslado]] = {}
    for t in r.traslados:
        por_dependencia.setdefault(t.foto.dependencia, []).append(t)
    filas: list[list[object]] = []
    for codigo, lista in sorted(por_dependencia.items(), key=lambda p: ctx.dependencia(p[0])):
        bien = sum(t.a_tiempo for t in lista)
        filas.append([ctx.dependencia(codigo), len(lista), bien, len(lista) - bien, porcentaje(bien, len(lista)),
                      promedio([t.dias for t in lista])])
    informe.bloques += [
        [
            Cifra("Solicitudes recibidas", r.total.total),
            Cifra("Trasladadas por competencia", len(r.traslados)),
            Cifra("Trasladadas a tiempo", a_tiempo),
            Cifra("Trasladadas fuera de término", len(r.traslados) - a_tiempo),
            Cifra("Traslados a tiempo", porcentaje(a_tiempo, len(r.traslados)), T.PORCENTAJE),
        ],
        Tabla(
            "Traslados por dependencia",
            [Columna("Dependencia", ancho=3), Columna("Trasladadas", T.ENTERO), Columna("A tiempo", T.ENTERO),
             Columna("Fuera de término", T.ENTERO), Columna("A tiempo (%)", T.PORCENTAJE),
             Columna("Promedio días hábiles", T.DECIMAL)],
            filas,
            totales=["Total", len(r.traslados), a_tiempo, len(r.traslados) - a_tiempo,
                     porcentaje(a_tiempo, len(r.traslados)), promedio([t.dias for t in r.traslados])],
        ),
        tabla_traslados(ctx, r.traslados),
    ]
    return informe


def _estadisticas(ctx: Contexto, informe: Informe) -> Resumen:
    r = ctx.resumen()
    anuladas = _anuladas_al_corte(ctx)
    datos = caracterizar(ctx.sesion, ctx.periodo.inicio, ctx.periodo.fin, r.total.total, anuladas)
    informe.bloques += [
        _cifras_generales(r),
        _por_tipo(ctx, r),
        tabla_tiempos(r.por_tipo, r.total),
        tabla_canales(r.por_canal),
        _por_dependencia(ctx, r),
        tabla_caracterizacion(datos),
        _silencio(ctx, r),
        _anuladas(r),
    ]
    return r


def _anuladas_al_corte(ctx: Contexto) -> list[str]:
    cx = conexion_cruda(ctx.sesion)
    return [i for (i,) in cx.execute(
        "SELECT s.id FROM eventos e JOIN solicitudes s ON s.id = e.solicitud_id "
        "WHERE e.tipo = 'anulacion.aprobada' AND e.ocurrido_en < ? AND s.recibido_en >= ? AND s.recibido_en < ?",
        (iso_utc(ctx.corte), iso_utc(ctx.periodo.inicio), iso_utc(ctx.periodo.fin)),
    )]


def trimestral(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("pqrsd-trimestral", "Estadísticas de PQRSD atendidas",
                        "Plan de acción de servicio al ciudadano: estadísticas trimestrales de PQRSD")
    _estadisticas(ctx, informe)
    return informe


def anual(ctx: Contexto) -> Informe:
    from ventanilla.informes.reportes_sala import bloques_satisfaccion

    informe = ctx.nuevo("anual", "Informe unificado de resultados de PQRSD y percepción de los grupos de valor",
                        "Plan de acción: informe unificado anual de PQRSD y percepción, publicado en el portal web")
    r = _estadisticas(ctx, informe)
    filas: list[list[object]] = [
        [f"{_MESES[int(mes[5:7]) - 1]} de {mes[:4]}", n] for mes, n in sorted(r.por_mes.items())
    ]
    informe.bloques.insert(2, Tabla("Solicitudes recibidas por mes", [Columna("Mes", ancho=3),
                                    Columna("Solicitudes", T.ENTERO)], filas,
                                    totales=["Total", sum(r.por_mes.values())], grafico="barras"))
    informe.bloques.append(Parrafo("Resultados de las encuestas de satisfacción del periodo.", "Percepción de los grupos de valor"))
    informe.bloques += bloques_satisfaccion(ctx)
    return informe


def _sentidos(ctx: Contexto, documentos: list[tuple[Foto, EstadoTermino]]) -> dict[str, str]:
    cx = conexion_cruda(ctx.sesion)
    ids = [f.id for f, _ in documentos if f.respondida_el]
    sentidos: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        lote = ids[i : i + 500]
        for sid, datos in cx.execute(
            f"SELECT solicitud_id, datos FROM eventos INDEXED BY ix_eventos_solicitud_id "
            f"WHERE tipo = 'solicitud.respondida' AND ocurrido_en < ? "
            f"AND solicitud_id IN ({','.join('?' * len(lote))})", [iso_utc(ctx.corte), *lote]
        ):
            sentidos[sid] = str(json.loads(datos).get("sentido", ""))
    return sentidos


def acceso_informacion(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("acceso-informacion", "Informe de solicitudes de acceso a la información pública",
                        "Ley 1712 de 2014 y Decreto 103 de 2015, art. 52")
    documentos = ctx.resumen().documentos
    sentidos = _sentidos(ctx, documentos)
    negadas = sum(1 for s in sentidos.values() if s == "negada")
    sin_sentido = sum(1 for f, _ in documentos if f.respondida_el and sentidos.get(f.id, "") not in SENTIDOS)
    trasladadas = sum(1 for _, e in documentos if e is E.TRASLADADA)
    dias = [ctx.clasificador.dias_respuesta(f) for f, _ in documentos]
    respondidos = [d for d in dias if d is not None]
    filas: list[list[object]] = [
        [f.radicado, fecha(f.fecha_recibo), fecha(f.vence_el), e.etiqueta, fecha(f.respondida_el), d,
         SENTIDOS.get(sentidos.get(f.id, ""), "No registrado" if f.respondida_el else "")]
        for (f, e), d in sorted(zip(documentos, dias), key=lambda p: p[0][0].radicado)
    ]
    informe.bloques += [
        [
            Cifra("Solicitudes de información recibidas", len(documentos)),
            Cifra("Trasladadas a otra institución", trasladadas),
            Cifra("Tiempo promedio de respuesta (días hábiles)", promedio(respondidos), T.DECIMAL),
            Cifra("Solicitudes en que se negó el acceso", negadas),
        ],
        Parrafo(
            "Decreto 103 de 2015, art. 52: número de solicitudes recibidas, trasladadas a otra institución, "
            "tiempo de respuesta a cada solicitud y número de solicitudes en que se negó el acceso. Cuenta las "
            "peticiones de documentos o de información (Ley 1755 de 2015, art. 14 num. 1)."
            + (f" {sin_sentido} respuestas no registran si concedieron o negaron el acceso." if sin_sentido else "")
        ),
        Tabla(
            "Tiempo de respuesta de cada solicitud",
            [Columna("Radicado", ancho=2.4), Columna("Recibida", T.FECHA, 1.2), Columna("Vence", T.FECHA, 1.2),
             Columna("Estado al corte", ancho=2.2), Columna("Respondida", T.FECHA, 1.2),
             Columna("Días hábiles", T.ENTERO), Columna("Sentido", ancho=1.6)],
            filas, max_filas_pdf=400,
        ),
    ]
    return informe

