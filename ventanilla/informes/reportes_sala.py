"""Los informes de la sala: la bitácora del día (cada ventanilla, funcionario y brigada), los
turnos (espera, atención, nivel de servicio) y la satisfacción de los ciudadanos.
"""

from __future__ import annotations

from collections import Counter

from ventanilla.informes.bitacora import bitacora
from ventanilla.informes.contexto import Contexto
from ventanilla.informes.modelo import Bloque, Cifra, Columna, Informe, Parrafo, Tabla, Tipo
from ventanilla.informes.satisfaccion import ATENCIONES, MEDIOS, medir_satisfaccion, satisfechos
from ventanilla.informes.turnos import Medidas, medir_turnos, servicios

__all__ = ["bloques_satisfaccion", "bloques_turnos", "diario", "satisfaccion", "turnos"]

T = Tipo


def diario(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("diario", "Bitácora de la ventanilla", "Registro de eventos de cada punto de atención", sala=True)
    entradas = bitacora(ctx.sesion, ctx.periodo, ctx.filtro, propio=(ctx.ajustes.dispositivo, ctx.ajustes.punto))
    por_persona: dict[tuple[str, str], Counter[str]] = {}
    for e in entradas:
        cuenta = por_persona.setdefault((e.funcionario, e.punto), Counter())
        cuenta["eventos"] += 1
        cuenta[e.tipo] += 1
    claves = ("eventos", "solicitud.radicada", "solicitud.respondida", "anulacion.solicitada", "turno.finalizado")
    filas: list[list[object]] = [
        [quien, punto, *(c[k] for k in claves)] for (quien, punto), c in sorted(por_persona.items())
    ]
    columnas_total = [sum(c[k] for c in por_persona.values()) for k in claves]
    informe.bloques += [
        [
            Cifra("Eventos registrados", len(entradas)),
            Cifra("Radicaciones", sum(e.tipo == "solicitud.radicada" for e in entradas)),
            Cifra("Respuestas", sum(e.tipo == "solicitud.respondida" for e in entradas)),
            Cifra("Funcionarios con actividad", len({e.usuario for e in entradas})),
        ],
        Tabla(
            "Actividad por funcionario y punto",
            [Columna("Funcionario", ancho=2.6), Columna("Punto", ancho=2.2), Columna("Eventos", T.ENTERO),
             Columna("Radicó", T.ENTERO), Columna("Respondió", T.ENTERO), Columna("Pidió anular", T.ENTERO),
             Columna("Turnos atendidos", T.ENTERO)],
            filas, totales=["Total", "", *columnas_total],
        ),
        Tabla(
            "Registro de eventos",
            [Columna("Fecha y hora", T.FECHA_HORA, 2.1), Columna("Funcionario", ancho=2.1),
             Columna("Punto", ancho=1.8), Columna("Acción", ancho=2), Columna("Radicado", ancho=2.3),
             Columna("Detalle", ancho=3.4)],
            [[e.instante, e.funcionario, e.punto, e.accion, e.radicado, e.detalle] for e in entradas],
            nota="Cada evento del registro (el rastro de auditoría), en el orden en que ocurrió, en hora de Bogotá.",
        ),
    ]
    return informe


def _fila_medidas(nombre: str, m: Medidas) -> list[object]:
    return [nombre, m.emitidos, m.atendidos, m.no_se_presentaron, m.tasa_no_presentacion, m.espera_promedio,
            m.espera_p90, m.atencion_promedio, m.atencion_p90, m.nivel_de_servicio]


def _tabla_medidas(titulo: str, encabezado: str, filas: list[list[object]], total: Medidas | None) -> Tabla:
    return Tabla(
        titulo,
        [Columna(encabezado, ancho=2.6), Columna("Emitidos", T.ENTERO), Columna("Atendidos", T.ENTERO),
         Columna("No se presentaron", T.ENTERO, 1.1), Columna("No presentación", T.PORCENTAJE, 1.3),
         Columna("Espera promedio", T.DECIMAL), Columna("Espera p90", T.DECIMAL),
         Columna("Atención promedio", T.DECIMAL), Columna("Atención p90", T.DECIMAL),
         Columna("Nivel de servicio", T.PORCENTAJE)],
        filas, totales=_fila_medidas("Total", total) if total else None,
    )


def bloques_turnos(ctx: Contexto) -> list[Bloque]:
    medidas = medir_turnos(ctx.sesion, ctx.periodo.inicio, ctx.periodo.fin, ctx.corte)
    if not medidas.total.emitidos:
        return [Parrafo("No se emitieron turnos en el periodo.")]
    nombres = servicios()
    t = medidas.total
    return [
        [
            Cifra("Turnos emitidos", t.emitidos),
            Cifra("Turnos atendidos", t.atendidos),
            Cifra("Espera promedio (minutos)", t.espera_promedio, T.DECIMAL),
            Cifra("Nivel de servicio", t.nivel_de_servicio, T.PORCENTAJE),
        ],
        _tabla_medidas("Turnos por servicio", "Servicio",
                       [_fila_medidas(nombres.get(s, (s, 0))[0], m) for s, m in sorted(medidas.por_servicio.items())], t),
        _tabla_medidas("Turnos por ventanilla", "Ventanilla",
                       [_fila_medidas(f"Ventanilla {v}", m) for v, m in sorted(medidas.por_ventanilla.items())], None),
        _tabla_medidas("Turnos por hora de llegada", "Hora",
                       [_fila_medidas(f"{h:02d}:00 a {h:02d}:59", m) for h, m in sorted(medidas.por_hora.items())], None),
        Parrafo(
            "Tiempos en minutos. Espera: del turno emitido a su último llamado; atención: del inicio al fin de "
            "la atención; p90: percentil 90. Nivel de servicio: turnos llamados dentro de la espera objetivo de "
            "su servicio. No presentación: no se presentaron / emitidos."
        ),
    ]


def turnos(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("turnos", "Informe de turnos de la sala de atención", "Indicadores de atención presencial", sala=True)
    informe.bloques += bloques_turnos(ctx)
    return informe


def bloques_satisfaccion(ctx: Contexto) -> list[Bloque]:
    medida = medir_satisfaccion(ctx.sesion, ctx.periodo.inicio, ctx.corte)
    if not medida.encuestas:
        return [Parrafo("No hay encuestas de satisfacción registradas en el periodo.")]
    bloques: list[Bloque] = [
        [Cifra("Encuestas respondidas", medida.encuestas)]
        + [Cifra(f"En {ATENCIONES.get(a, a).lower()}", n) for a, n in sorted(medida.por_atencion.items())]
        + [Cifra(MEDIOS.get(m, m), n) for m, n in sorted(medida.por_medio.items())],
    ]
    for version, datos in medida.versiones.items():
        filas: list[list[object]] = []
        for r in datos.resultados:
            if r.pregunta.tipo == "comentario":
                filas.append([r.pregunta.texto, r.respuestas, None, None, *([None] * 5)])
            elif r.pregunta.tipo == "si_no":
                filas.append([r.pregunta.texto, r.respuestas, None, r.porcentaje_si, *([None] * 5)])
            else:
                filas.append([r.pregunta.texto, r.respuestas, r.promedio, satisfechos(r),
                              *(r.distribucion.get(str(v), 0) for v in range(1, 6))])
        bloques.append(Tabla(
            f"Resultados del cuestionario {version}",
            [Columna("Pregunta", ancho=4), Columna("Respuestas", T.ENTERO), Columna("Promedio (1 a 5)", T.DECIMAL, 1.4),
             Columna("Satisfechos o sí", T.PORCENTAJE), *(Columna(f"{v}", T.ENTERO, 0.5) for v in range(1, 6))],
            filas,
            nota="Escala: 1 muy mala, 2 mala, 3 regular, 4 buena, 5 muy buena. Satisfechos: respuestas 4 o 5; "
                 "en las preguntas de sí o no, el porcentaje de «sí». En los comentarios, cuántos comentaron.",
        ))
    return bloques


def satisfaccion(ctx: Contexto) -> Informe:
    informe = ctx.nuevo("satisfaccion", "Informe de satisfacción de los ciudadanos",
                        "Encuestas de satisfacción (plan de acción de servicio al ciudadano)", sala=True)
    informe.bloques += bloques_satisfaccion(ctx)
    return informe
