"""Las tablas que varios informes repiten: estados de término por tipo o dependencia, tiempos
de respuesta, canales, caracterización, vencidas, silencio positivo y traslados.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from ventanilla.dominio.terminos import TERMINOS, EstadoTermino
from ventanilla.informes.caracterizacion import CON, SIN, Caracterizacion, etiqueta_campo
from ventanilla.informes.contexto import Contexto, nombre_canal, nombre_tipo
from ventanilla.informes.fotos import Foto
from ventanilla.informes.indicadores import Conteo, Traslado
from ventanilla.informes.modelo import Columna, Tabla, Tipo

__all__ = [
    "fecha",
    "porcentaje",
    "tabla_canales",
    "tabla_caracterizacion",
    "tabla_estados",
    "tabla_pendientes",
    "tabla_tiempos",
    "tabla_traslados",
    "tabla_vencidas",
]

E = EstadoTermino
T = Tipo


def fecha(texto: str | None) -> date | None:
    return date.fromisoformat(texto) if texto else None


def porcentaje(parte: int, total: int) -> float | None:
    return 100 * parte / total if total else None


def _orden_tipos(claves: Iterable[str]) -> list[str]:
    orden = list(TERMINOS)
    return sorted(claves, key=lambda t: (orden.index(t) if t in orden else len(orden), t))


def tabla_estados(titulo: str, conteos: Mapping[str, Conteo], nombre: Callable[[str], str], encabezado: str,
                  total: Conteo, *, por_tipo: bool = False) -> Tabla:
    """Recibidas y su estado de término al corte, con la oportunidad (% a tiempo)."""
    claves = _orden_tipos(conteos) if por_tipo else sorted(conteos, key=nombre)

    def fila(etiqueta: str, c: Conteo) -> list[object]:
        return [
            etiqueta, c.total, c.de(E.RESPONDIDA_A_TIEMPO), c.de(E.RESPONDIDA_FUERA_DE_TERMINO),
            c.de(E.VENCIDA), c.de(E.VIGENTE), c.de(E.POR_VENCER), c.de(E.TRASLADADA),
            c.de(E.EN_ESPERA_DEL_CIUDADANO), c.de(E.DESISTIDA) + c.de(E.SIN_TERMINO), c.oportunidad,
        ]

    return Tabla(
        titulo,
        [
            Columna(encabezado, ancho=2.4), Columna("Recibidas", T.ENTERO), Columna("A tiempo", T.ENTERO),
            Columna("Fuera de término", T.ENTERO), Columna("Vencidas", T.ENTERO), Columna("Vigentes", T.ENTERO),
            Columna("Por vencer", T.ENTERO), Columna("Trasladadas", T.ENTERO, 1.25),
            Columna("En espera", T.ENTERO), Columna("Otras", T.ENTERO), Columna("Oportunidad", T.PORCENTAJE, 1.3),
        ],
        [fila(nombre(k), conteos[k]) for k in claves],
        totales=fila("Total", total),
        nota=(
            "Estado al corte. A tiempo y fuera de término: respondidas. Vencidas: sin respuesta y con el "
            "término cumplido. En espera: incompletas, esperando al ciudadano (art. 17). Otras: desistidas y "
            "felicitaciones (sin término). Oportunidad: a tiempo / (respondidas + vencidas)."
        ),
    )


def tabla_tiempos(conteos: Mapping[str, Conteo], total: Conteo) -> Tabla:
    """Días hábiles de respuesta por tipo: promedio y percentil 90 (indicador de Cartagena)."""
    filas = []
    for tipo in _orden_tipos(conteos):
        c = conteos[tipo]
        termino = TERMINOS[tipo].dias if tipo in TERMINOS else None
        filas.append([nombre_tipo(tipo), termino, len(c.dias), c.promedio_dias, c.p90_dias])
    return Tabla(
        "Tiempo de respuesta por tipo (días hábiles)",
        [
            Columna("Tipo", ancho=3), Columna("Término legal", T.ENTERO), Columna("Respondidas", T.ENTERO),
            Columna("Promedio", T.DECIMAL), Columna("Percentil 90", T.ENTERO),
        ],
        filas,
        totales=["Total", None, len(total.dias), total.promedio_dias, total.p90_dias],
        nota="Días hábiles entre la fecha de recibo y la respuesta. Percentil 90 por rango más cercano.",
    )


def tabla_canales(canales: Counter[str]) -> Tabla:
    total = sum(canales.values())
    filas: list[list[object]] = [
        [nombre_canal(c), n, porcentaje(n, total)] for c, n in canales.most_common()
    ]
    return Tabla(
        "Solicitudes por canal",
        [Columna("Canal", ancho=3), Columna("Solicitudes", T.ENTERO), Columna("Participación", T.PORCENTAJE)],
        filas, totales=["Total", total, 100.0 if total else None], grafico="barras",
    )


def tabla_caracterizacion(datos: Caracterizacion) -> Tabla:
    filas: list[list[object]] = []
    general = datos.get("", Counter())
    base = general.get(CON, 0) + general.get(SIN, 0)
    for etiqueta in (CON, SIN):
        filas.append(["Solicitudes", etiqueta, general.get(etiqueta, 0), porcentaje(general.get(etiqueta, 0), base)])
    con = general.get(CON, 0)
    for campo in sorted((c for c in datos if c), key=etiqueta_campo):
        for valor, n in sorted(datos[campo].items(), key=lambda par: (-par[1], par[0])):
            filas.append([etiqueta_campo(campo), valor, n, porcentaje(n, con)])
    return Tabla(
        "Caracterización de los peticionarios (grupos de valor)",
        [Columna("Variable", ancho=2.2), Columna("Valor", ancho=2.6), Columna("Solicitudes", T.ENTERO),
         Columna("Porcentaje", T.PORCENTAJE)],
        filas,
        nota=(
            "Solo de quienes autorizaron caracterizarse (Ley 1581 de 2012). Los porcentajes de cada variable "
            "son sobre las solicitudes con caracterización."
        ),
    )


def tabla_vencidas(ctx: Contexto, vencidas: list[tuple[Foto, int]], titulo: str, nota: str = "") -> Tabla:
    filas: list[list[object]] = [
        [f.radicado, nombre_tipo(f.tipo), ctx.dependencia(f.dependencia), fecha(f.fecha_recibo), fecha(f.vence_el), atraso]
        for f, atraso in sorted(vencidas, key=lambda par: (par[0].vence_el or "", par[0].radicado))
    ]
    return Tabla(
        titulo,
        [Columna("Radicado", ancho=2.4), Columna("Tipo", ancho=2.6), Columna("Dependencia", ancho=2),
         Columna("Recibida", T.FECHA, 1.3), Columna("Venció", T.FECHA, 1.3), Columna("Días de atraso", T.ENTERO)],
        filas, nota=nota, max_filas_pdf=200,
    )


def tabla_traslados(ctx: Contexto, traslados: list[Traslado]) -> Tabla:
    filas: list[list[object]] = [
        [t.foto.radicado, ctx.dependencia(t.foto.dependencia), fecha(t.foto.fecha_recibo), fecha(t.limite),
         fecha(t.foto.trasladada_el), t.dias, t.foto.trasladada_a or "", "Sí" if t.a_tiempo else "No"]
        for t in sorted(traslados, key=lambda t: (t.foto.trasladada_el or "", t.foto.radicado))
    ]
    return Tabla(
        "Detalle de los traslados",
        [Columna("Radicado", ancho=2.4), Columna("Dependencia", ancho=1.8), Columna("Recibida", T.FECHA, 1.2),
         Columna("Límite", T.FECHA, 1.2), Columna("Trasladada", T.FECHA, 1.2), Columna("Días hábiles", T.ENTERO),
         Columna("Entidad destino", ancho=2.6), Columna("A tiempo", ancho=0.8)],
        filas, max_filas_pdf=300,
    )


def tabla_pendientes(ctx: Contexto, conteos: Mapping[str, Conteo], proximos: Mapping[str, str]) -> Tabla:
    """El atraso al corte por dependencia: vigentes, por vencer, vencidas y el próximo vencimiento."""
    filas: list[list[object]] = []
    for codigo in sorted(conteos, key=ctx.dependencia):
        c = conteos[codigo]
        filas.append([ctx.dependencia(codigo), c.de(E.VIGENTE), c.de(E.POR_VENCER), c.de(E.VENCIDA),
                      c.de(E.EN_ESPERA_DEL_CIUDADANO), fecha(proximos.get(codigo))])
    estados = (E.VIGENTE, E.POR_VENCER, E.VENCIDA, E.EN_ESPERA_DEL_CIUDADANO)
    totales: list[object] = ["Total", *(sum(c.de(e) for c in conteos.values()) for e in estados), None]
    return Tabla(
        "Solicitudes abiertas al corte, por dependencia",
        [Columna("Dependencia", ancho=2.6), Columna("Vigentes", T.ENTERO), Columna("Por vencer", T.ENTERO),
         Columna("Vencidas", T.ENTERO), Columna("En espera", T.ENTERO), Columna("Próximo vencimiento", T.FECHA, 1.4)],
        filas, totales=totales,
        nota=f"Por vencer: {ctx.ajustes.dias_por_vencer} días hábiles o menos. Incluye las recibidas antes del periodo.",
    )
