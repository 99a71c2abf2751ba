"""Los indicadores de PQRSD de un periodo, en una sola pasada sobre las fotos al corte.

Por tipo, canal, dependencia y mes; estado de término (a tiempo, fuera de término, vencidas,
por vencer...); días hábiles de respuesta (promedio y percentil 90, el indicador de Cartagena);
traslados por competencia (art. 21) y silencio positivo de las peticiones de documentos
(art. 14 num. 1). Los radicados anulados se cuentan aparte y no entran en ninguna otra cifra:
el número quedó usado, pero no fue una petición.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.terminos import EstadoTermino
from ventanilla.informes.clasificacion import Clasificador
from ventanilla.informes.fotos import Foto

__all__ = ["Conteo", "Resumen", "Traslado", "mes_local", "percentil", "promedio", "resumir"]

E = EstadoTermino
N = TypeVar("N", int, float)


def mes_local(recibido_en: str) -> str:
    """El mes (AAAA-MM) en Bogotá de un instante ISO en UTC.

    Colombia no tiene horario de verano (UTC−5 todo el año): solo el primer día del mes antes de
    las 05:00 UTC cae en el mes anterior, y solo ese caso necesita convertir la fecha.
    """
    if recibido_en[8:10] == "01" and recibido_en[11:13] < "05":
        return datetime.fromisoformat(recibido_en).astimezone(BOGOTA).strftime("%Y-%m")
    return recibido_en[:7]


def percentil(valores: Sequence[N], p: float) -> N | None:
    """Percentil por rango más cercano: el menor valor con al menos p % de los datos a su izquierda."""
    if not valores:
        return None
    ordenados = sorted(valores)
    return ordenados[max(math.ceil(p / 100 * len(ordenados)) - 1, 0)]


def promedio(valores: Sequence[float]) -> float | None:
    return sum(valores) / len(valores) if valores else None


@dataclass
class Conteo:
    """Cuántas solicitudes hay en cada estado de término, y los días de sus respuestas."""

    total: int = 0
    estados: Counter[EstadoTermino] = field(default_factory=Counter)
    dias: list[int] = field(default_factory=list)

    def de(self, estado: EstadoTermino) -> int:
        return self.estados.get(estado, 0)

    @property
    def respondidas(self) -> int:
        return self.de(E.RESPONDIDA_A_TIEMPO) + self.de(E.RESPONDIDA_FUERA_DE_TERMINO)

    @property
    def en_tramite(self) -> int:
        return self.de(E.VIGENTE) + self.de(E.POR_VENCER)

    @property
    def oportunidad(self) -> float | None:
        """Porcentaje de respuestas a tiempo sobre las que ya debían o pudieron responderse:
        respondidas (a tiempo o no) más las vencidas sin respuesta."""
        base = self.respondidas + self.de(E.VENCIDA)
        return 100 * self.de(E.RESPONDIDA_A_TIEMPO) / base if base else None

    @property
    def promedio_dias(self) -> float | None:
        return promedio(self.dias)

    @property
    def p90_dias(self) -> int | None:
        return percentil(self.dias, 90)


@dataclass(frozen=True)
class Traslado:
    foto: Foto
    limite: str
    dias: int
    a_tiempo: bool


@dataclass
class Resumen:
    """Todo lo que los informes de PQRSD cuentan de un periodo."""

    total: Conteo = field(default_factory=Conteo)
    anuladas: int = 0
    por_tipo: dict[str, Conteo] = field(default_factory=lambda: defaultdict(Conteo))
    por_dependencia: dict[str, Conteo] = field(default_factory=lambda: defaultdict(Conteo))
    por_canal: Counter[str] = field(default_factory=Counter)
    por_mes: Counter[str] = field(default_factory=Counter)
    traslados: list[Traslado] = field(default_factory=list)
    vencidas: list[tuple[Foto, int]] = field(default_factory=list)
    """Vencidas sin respuesta al corte, con sus días hábiles de atraso."""
    respondidas: list[tuple[Foto, int]] = field(default_factory=list)
    """Solo si se pidió el detalle: cada respondida con sus días hábiles de respuesta."""
    documentos: list[tuple[Foto, EstadoTermino]] = field(default_factory=list)
    """Las peticiones de documentos o información (acceso a información pública)."""
    por_vencer: list[Foto] = field(default_factory=list)
    """Las que vencen en los próximos días hábiles (umbral de «por vencer»)."""
    proximo_vencimiento: dict[str, str] = field(default_factory=dict)
    """Por dependencia, el vencimiento más cercano de las que siguen en término."""

    @property
    def silencio_positivo(self) -> list[tuple[Foto, int]]:
        """Art. 14 num. 1: peticiones de documentos vencidas sin respuesta se entienden aceptadas."""
        return [(f, d) for f, d in self.vencidas if f.tipo == "documentos"]


def resumir(
    fotos: Iterable[Foto], clasificador: Clasificador, *, con_detalle: bool = False, destino: Resumen | None = None
) -> Resumen:
    """Cuenta las fotos (sumando a `destino` si se da); `con_detalle` guarda además cada respuesta.

    Es el bucle caliente de los informes (un trimestre son cientos de miles de fotos): cada foto
    suma en un contador por (tipo, dependencia, estado) y los conteos se arman al final.
    """
    r = destino if destino is not None else Resumen()
    cuentas: Counter[tuple[str, str, EstadoTermino]] = Counter()
    dias: dict[tuple[str, str], list[int]] = defaultdict(list)
    estado_de, dias_de = clasificador.estado, clasificador.dias_respuesta
    canales, meses = r.por_canal, r.por_mes
    for f in fotos:
        estado = estado_de(f)
        if estado is E.ANULADA:
            r.anuladas += 1
            continue
        tipo, dependencia, recibido = f.tipo, f.dependencia, f.recibido_en
        cuentas[(tipo, dependencia, estado)] += 1
        canales[f.canal] += 1
        meses[mes_local(recibido) if recibido[8:10] == "01" else recibido[:7]] += 1
        if f.respondida_el is not None:
            respuesta = dias_de(f)
            if respuesta is not None:
                dias[(tipo, dependencia)].append(respuesta)
                if con_detalle:
                    r.respondidas.append((f, respuesta))
        if estado is E.VIGENTE or estado is E.POR_VENCER:
            if estado is E.POR_VENCER:
                r.por_vencer.append(f)
            actual = r.proximo_vencimiento.get(dependencia)
            if actual is None or (f.vence_el or "") < actual:
                r.proximo_vencimiento[dependencia] = f.vence_el or ""
        elif estado is E.VENCIDA:
            r.vencidas.append((f, clasificador.dias_atraso(f)))
        elif estado is E.TRASLADADA and f.trasladada_el is not None:
            limite = clasificador.limite_traslado(f)
            usados = clasificador.indice.entre(f.fecha_recibo, f.trasladada_el)
            r.traslados.append(Traslado(f, limite, usados, f.trasladada_el <= limite))
        if tipo == "documentos":
            r.documentos.append((f, estado))
    for (tipo, dependencia, estado), n in cuentas.items():
        for conteo in (r.total, r.por_tipo[tipo], r.por_dependencia[dependencia]):
            conteo.total += n
            conteo.estados[estado] += n
    for (tipo, dependencia), lista in dias.items():
        for conteo in (r.total, r.por_tipo[tipo], r.por_dependencia[dependencia]):
            conteo.dias.extend(lista)
    return r
