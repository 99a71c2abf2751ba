"""El informe de cierre de una jornada: lo que se hizo en el sitio, producido sin conexión.

Una hoja carta con la jornada (lugar, dependencias, equipo, apertura y cierre), la asistencia por
servicio, dependencia y origen, las solicitudes por tipo y dependencia, los turnos, el resultado
de las encuestas (promedio y distribución de cada escala, porcentaje de «sí», comentarios) y los
compromisos con su estado. Cada cifra llega ya calculada en `DatosCierre`; aquí solo se dibuja,
con barras para que las proporciones se lean de un vistazo.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm

from ventanilla.dominio.jornadas import NOMBRES_COMPROMISO, NOMBRES_ESCALA, ResultadoPregunta
from ventanilla.impresion.datos import Entidad
from ventanilla.impresion.formato import fecha_hora, fecha_larga
from ventanilla.impresion.fuentes import NEGRITA, NORMAL
from ventanilla.impresion.lienzo import ACENTO, SECUNDARIO, SUPERFICIE, TEXTO, Hoja, partir_lineas
from ventanilla.impresion.pagina import MARGEN, NORMAL_CARTA, nuevo_lienzo, seccion

__all__ = ["CompromisoCierre", "Conteo", "DatosCierre", "ResultadoVersion", "informe_cierre_pdf"]

TITULO = "Informe de cierre de jornada"
Conteo = tuple[tuple[str, int], ...]
"""(nombre, cantidad), de mayor a menor."""

GRIS_BARRA = HexColor("#D5DAE0")


@dataclass(frozen=True)
class ResultadoVersion:
    version: str
    titulo: str
    respuestas: int
    preguntas: tuple[ResultadoPregunta, ...]


@dataclass(frozen=True)
class CompromisoCierre:
    descripcion: str
    dependencia: str
    vence_el: date
    estado: str


@dataclass(frozen=True)
class DatosCierre:
    entidad: Entidad
    jornada: str
    fecha: date
    lugar: str
    comuna: str
    dependencias: tuple[str, ...]
    servicios: tuple[str, ...]
    equipo: tuple[str, ...]
    portatiles: int
    estado: str
    abierta_en: datetime | None
    cerrada_en: datetime | None
    asistentes: int
    asistencia_por_servicio: Conteo
    asistencia_por_dependencia: Conteo
    asistencia_por_origen: Conteo
    solicitudes: int
    solicitudes_anonimas: int
    solicitudes_por_tipo: Conteo
    solicitudes_por_dependencia: Conteo
    turnos_emitidos: int
    turnos_atendidos: int
    turnos_no_se_presento: int
    turnos_por_servicio: Conteo
    encuestas: int
    encuestas_por_medio: Conteo
    resultados: tuple[ResultadoVersion, ...]
    comentarios: tuple[str, ...]
    compromisos: tuple[CompromisoCierre, ...]
    generado_en: datetime
    generado_por: str


ESTILO = NORMAL_CARTA


def _cifra(hoja: Hoja, x: float, ancho: float, tope: float, numero: str, etiqueta: str) -> None:
    if hoja.canvas is not None:
        hoja.canvas.saveState()
        hoja.canvas.setFillColor(SUPERFICIE)
        hoja.canvas.setStrokeColor(ACENTO)
        hoja.canvas.roundRect(x, tope - 18 * mm, ancho, 18 * mm, 2 * mm, stroke=1, fill=1)
        hoja.canvas.restoreState()
    hoja.escribir(x + ancho / 2, tope - 10 * mm, numero, NEGRITA, 18, TEXTO, "centro")
    hoja.escribir(x + ancho / 2, tope - 15 * mm, etiqueta, NORMAL, 8, SECUNDARIO, "centro")


def _cifras(hoja: Hoja, datos: DatosCierre) -> None:
    cifras = [
        (str(datos.asistentes), "personas en la lista"),
        (str(datos.solicitudes), "solicitudes radicadas"),
        (str(datos.turnos_emitidos), "turnos emitidos"),
        (str(datos.encuestas), "encuestas respondidas"),
        (str(len(datos.compromisos)), "compromisos"),
    ]
    hoja.asegurar(20 * mm)
    separacion = 3 * mm
    ancho = (hoja.util - separacion * (len(cifras) - 1)) / len(cifras)
    for i, (numero, etiqueta) in enumerate(cifras):
        _cifra(hoja, hoja.x0 + i * (ancho + separacion), ancho, hoja.y, numero, etiqueta)
    hoja.bajar(24 * mm)


def _barras(hoja: Hoja, titulo: str, conteo: Conteo, total: int) -> None:
    """Una tabla nombre · barra · cantidad (porcentaje)."""
    paso = 5.2 * mm
    # Un bloque corto (una escala, sí/no) no se parte entre dos páginas; uno largo, tras tres filas.
    hoja.asegurar(paso * ((len(conteo) if len(conteo) <= 6 else 3) + 2))
    hoja.parrafo(titulo, NEGRITA, ESTILO.cuerpo, color=TEXTO)
    hoja.bajar(1 * mm)
    if not conteo:
        hoja.parrafo("Ninguno.", NORMAL, ESTILO.cuerpo, color=SECUNDARIO)
        hoja.bajar(2 * mm)
        return
    ancho_nombre = hoja.util * 0.38
    ancho_barra = hoja.util * 0.42
    maximo = max(n for _, n in conteo) or 1
    for nombre, cantidad in conteo:
        hoja.asegurar(paso)
        base = hoja.y - paso
        texto = partir_lineas(nombre or "Sin dependencia", NORMAL, ESTILO.etiqueta, ancho_nombre - 2 * mm)[0]
        hoja.escribir(hoja.x0, base + 1.4 * mm, texto, NORMAL, ESTILO.etiqueta, TEXTO)
        if hoja.canvas is not None:
            x = hoja.x0 + ancho_nombre
            hoja.canvas.saveState()
            hoja.canvas.setFillColor(GRIS_BARRA)
            hoja.canvas.rect(x, base + 0.9 * mm, ancho_barra, paso - 1.8 * mm, stroke=0, fill=1)
            hoja.canvas.setFillColor(ACENTO)
            hoja.canvas.rect(x, base + 0.9 * mm, ancho_barra * cantidad / maximo, paso - 1.8 * mm, stroke=0, fill=1)
            hoja.canvas.restoreState()
        porcentaje = f" ({100 * cantidad / total:.0f} %)" if total else ""
        hoja.escribir(hoja.x1, base + 1.4 * mm, f"{cantidad}{porcentaje}", NEGRITA, ESTILO.etiqueta, TEXTO, "derecha")
        hoja.y = base
    hoja.bajar(3 * mm)


def _jornada(hoja: Hoja, datos: DatosCierre) -> None:
    seccion(hoja, "La jornada", ESTILO)
    filas = [
        ("Fecha", fecha_larga(datos.fecha)),
        ("Lugar", f"{datos.lugar} · {datos.comuna}"),
        ("Dependencias", ", ".join(datos.dependencias) or "—"),
        ("Servicios", ", ".join(datos.servicios) or "—"),
        ("Equipo", f"{', '.join(datos.equipo) or '—'} · {datos.portatiles} portátil(es)"),
        ("Abierta", fecha_hora(datos.abierta_en) if datos.abierta_en else "No se abrió"),
        ("Cerrada", fecha_hora(datos.cerrada_en) if datos.cerrada_en else "Sigue abierta: cifras parciales"),
    ]
    for i, (etiqueta, valor) in enumerate(filas):
        hoja.campo(etiqueta, valor, ESTILO, regla=i < len(filas) - 1)
    hoja.bajar(3 * mm)


def _decimal(valor: float, cifras: int) -> str:
    """Con coma decimal, como se escribe en Colombia: «4,25»."""
    return f"{valor:.{cifras}f}".replace(".", ",")


def _respuestas(n: int) -> str:
    return "1 respuesta" if n == 1 else f"{n} respuestas"


def _pregunta(hoja: Hoja, resultado: ResultadoPregunta) -> None:
    pregunta = resultado.pregunta
    if pregunta.tipo == "escala":
        resumen = f"promedio {_decimal(resultado.promedio, 2)} de 5" if resultado.promedio is not None else "sin respuestas"
        conteo = tuple((f"{valor} · {NOMBRES_ESCALA[int(valor)]}", n) for valor, n in reversed(resultado.distribucion.items()))
        _barras(hoja, f"{pregunta.texto} ({resumen}, {_respuestas(resultado.respuestas)})", conteo, resultado.respuestas)
    elif pregunta.tipo == "si_no":
        resumen = f"{_decimal(resultado.porcentaje_si, 1)} % sí" if resultado.porcentaje_si is not None else "sin respuestas"
        conteo = (("Sí", resultado.distribucion["si"]), ("No", resultado.distribucion["no"]))
        _barras(hoja, f"{pregunta.texto} ({resumen})", conteo, resultado.respuestas)


def _encuestas(hoja: Hoja, datos: DatosCierre) -> None:
    seccion(hoja, f"Encuestas de satisfacción ({datos.encuestas})", ESTILO)
    if not datos.encuestas:
        hoja.parrafo("No se respondieron encuestas en esta jornada.", NORMAL, ESTILO.cuerpo, color=SECUNDARIO)
        hoja.bajar(3 * mm)
        return
    medios = "; ".join(f"{nombre}: {n}" for nombre, n in datos.encuestas_por_medio)
    hoja.parrafo(f"Anónimas. {medios}.", NORMAL, ESTILO.etiqueta, color=SECUNDARIO)
    hoja.bajar(2 * mm)
    for version in datos.resultados:
        if len(datos.resultados) > 1:
            hoja.parrafo(f"Cuestionario {version.version} ({_respuestas(version.respuestas)})", NEGRITA,
                         ESTILO.cuerpo, color=ACENTO)
        for resultado in version.preguntas:
            _pregunta(hoja, resultado)
    if datos.comentarios:
        hoja.parrafo(f"Comentarios ({len(datos.comentarios)})", NEGRITA, ESTILO.cuerpo)
        for comentario in datos.comentarios:
            hoja.parrafo(f"«{comentario}»", NORMAL, ESTILO.etiqueta, color=TEXTO)
        hoja.bajar(3 * mm)


def _compromisos(hoja: Hoja, datos: DatosCierre) -> None:
    seccion(hoja, f"Compromisos con la comunidad ({len(datos.compromisos)})", ESTILO)
    if not datos.compromisos:
        hoja.parrafo("No se adquirieron compromisos.", NORMAL, ESTILO.cuerpo, color=SECUNDARIO)
        return
    for i, compromiso in enumerate(datos.compromisos, start=1):
        valor = (f"{compromiso.descripcion}\nResponde: {compromiso.dependencia} · vence el "
                 f"{fecha_larga(compromiso.vence_el)} · {NOMBRES_COMPROMISO.get(compromiso.estado, compromiso.estado)}")
        hoja.campo(f"Compromiso {i}", valor, ESTILO, regla=i < len(datos.compromisos))



def informe_cierre_pdf(datos: DatosCierre, tamano: str = "carta") -> bytes:
    """El PDF del informe de cierre."""
    destino = io.BytesIO()
    lienzo = nuevo_lienzo(destino, tamano, f"{TITULO} · {datos.jornada}", datos.entidad)
    ancho, alto = lienzo._pagesize

    def al_empezar(hoja: Hoja) -> None:
        hoja.escribir(hoja.x0 + hoja.util / 2, MARGEN - 8,
                      f"{TITULO} · generado el {fecha_hora(datos.generado_en)} por {datos.generado_por} · "
                      f"Página {hoja.pagina}", NORMAL, 7, SECUNDARIO, "centro")
        if hoja.pagina == 1:
            hoja.parrafo(datos.entidad.nombre, NEGRITA, 14, color=ACENTO)
            hoja.parrafo(f"NIT {datos.entidad.nit} · {datos.entidad.dependencia}", NORMAL, 8.5, color=SECUNDARIO)
            hoja.bajar(2 * mm)
            hoja.regla(grosor=1.2, color=ACENTO)
            hoja.bajar(5 * mm)
            hoja.parrafo(TITULO, NEGRITA, 16)
            hoja.parrafo(datos.jornada, NORMAL, 11, color=SECUNDARIO)
            hoja.bajar(4 * mm)
        else:
            hoja.parrafo(f"{datos.entidad.nombre} · {TITULO} · {datos.jornada}", NEGRITA, 8.5, color=SECUNDARIO)
            hoja.bajar(3 * mm)

    hoja = Hoja(lienzo, ancho, alto, MARGEN, margen_inferior=MARGEN + 4 * mm, al_empezar_pagina=al_empezar)
    _cifras(hoja, datos)
    _jornada(hoja, datos)
    seccion(hoja, f"Asistencia ({datos.asistentes} personas)", ESTILO)
    _barras(hoja, "Por servicio", datos.asistencia_por_servicio, datos.asistentes)
    _barras(hoja, "Por dependencia", datos.asistencia_por_dependencia, datos.asistentes)
    _barras(hoja, "Cómo llegaron a la lista", datos.asistencia_por_origen, datos.asistentes)
    seccion(hoja, f"Solicitudes radicadas ({datos.solicitudes}, {datos.solicitudes_anonimas} anónimas)", ESTILO)
    _barras(hoja, "Por tipo", datos.solicitudes_por_tipo, datos.solicitudes)
    _barras(hoja, "Por dependencia", datos.solicitudes_por_dependencia, datos.solicitudes)
    seccion(hoja, "Turnos", ESTILO)
    hoja.parrafo(
        f"Emitidos: {datos.turnos_emitidos} · atendidos: {datos.turnos_atendidos} · no se presentaron: "
        f"{datos.turnos_no_se_presento}", NORMAL, ESTILO.cuerpo,
    )
    hoja.bajar(2 * mm)
    _barras(hoja, "Turnos emitidos por servicio", datos.turnos_por_servicio, datos.turnos_emitidos)
    _encuestas(hoja, datos)
    _compromisos(hoja, datos)
    lienzo.showPage()
    lienzo.save()
    return destino.getvalue()
