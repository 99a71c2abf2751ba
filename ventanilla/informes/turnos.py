"""Indicadores de la sala de turnos, leídos de los eventos `turno.*`.

Como los definen Qmatic y NovoSGA (DOMINIO.md): espera = último llamado − emisión;
desplazamiento = inicio de la atención − llamado; atención = fin − inicio; tasa de no
presentación = no se presentó / emitidos; nivel de servicio = parte de los turnos llamados
dentro de la espera objetivo de su servicio. Con percentiles, no solo promedios. Cuentan los
turnos emitidos en el periodo, con lo que les pasó hasta el corte.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from ventanilla.datos.semillas import leer_csv
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.informes.fotos import conexion_cruda
from ventanilla.informes.indicadores import percentil
from ventanilla.informes.periodo import iso_utc

__all__ = ["IndicadoresTurnos", "Medidas", "Turno", "medir_turnos", "servicios"]


@dataclass
class Turno:
    codigo: str
    servicio: str
    preferencial: bool
    emitido: datetime
    llamado: datetime | None = None
    ventanilla: int | None = None
    inicio: datetime | None = None
    fin: datetime | None = None
    no_se_presento: bool = False

    @property
    def espera(self) -> float | None:
        return _minutos(self.emitido, self.llamado)

    @property
    def desplazamiento(self) -> float | None:
        return _minutos(self.llamado, self.inicio)

    @property
    def atencion(self) -> float | None:
        return _minutos(self.inicio, self.fin)


def _minutos(desde: datetime | None, hasta: datetime | None) -> float | None:
    if desde is None or hasta is None:
        return None
    return (hasta - desde).total_seconds() / 60


@dataclass
class Medidas:
    """Las medidas de un grupo de turnos (un servicio, una ventanilla, una hora)."""

    emitidos: int = 0
    atendidos: int = 0
    no_se_presentaron: int = 0
    llamados: int = 0
    dentro_del_objetivo: int = 0
    esperas: list[float] = field(default_factory=list)
    desplazamientos: list[float] = field(default_factory=list)
    atenciones: list[float] = field(default_factory=list)

    def sumar(self, t: Turno, objetivo_min: float) -> None:
        self.emitidos += 1
        self.atendidos += t.fin is not None
        self.no_se_presentaron += t.no_se_presento
        if t.espera is not None:
            self.llamados += 1
            self.esperas.append(t.espera)
            self.dentro_del_objetivo += t.espera <= objetivo_min
        if t.desplazamiento is not None:
            self.desplazamientos.append(t.desplazamiento)
        if t.atencion is not None:
            self.atenciones.append(t.atencion)

    @staticmethod
    def _prom(valores: list[float]) -> float | None:
        return sum(valores) / len(valores) if valores else None

    @property
    def espera_promedio(self) -> float | None:
        return self._prom(self.esperas)

    @property
    def espera_p50(self) -> float | None:
        return percentil(self.esperas, 50)

    @property
    def espera_p90(self) -> float | None:
        return percentil(self.esperas, 90)

    @property
    def desplazamiento_promedio(self) -> float | None:
        return self._prom(self.desplazamientos)

    @property
    def atencion_promedio(self) -> float | None:
        return self._prom(self.atenciones)

    @property
    def atencion_p90(self) -> float | None:
        return percentil(self.atenciones, 90)

    @property
    def tasa_no_presentacion(self) -> float | None:
        return 100 * self.no_se_presentaron / self.emitidos if self.emitidos else None

    @property
    def tasa_atendidos(self) -> float | None:
        return 100 * self.atendidos / self.emitidos if self.emitidos else None

    @property
    def nivel_de_servicio(self) -> float | None:
        return 100 * self.dentro_del_objetivo / self.llamados if self.llamados else None


@dataclass
class IndicadoresTurnos:
    total: Medidas = field(default_factory=Medidas)
    por_servicio: dict[str, Medidas] = field(default_factory=lambda: defaultdict(Medidas))
    por_ventanilla: dict[int, Medidas] = field(default_factory=lambda: defaultdict(Medidas))
    por_hora: dict[int, Medidas] = field(default_factory=lambda: defaultdict(Medidas))
    turnos: list[Turno] = field(default_factory=list)


def servicios() -> dict[str, tuple[str, int]]:
    """{clave: (nombre, espera objetivo en minutos)} del catálogo de servicios."""
    return {f["clave"]: (f["nombre"], int(f["espera_objetivo_min"])) for f in leer_csv("servicios.csv")}


def _plegar(eventos: Iterable[tuple[str, str, str]]) -> list[Turno]:
    turnos: dict[str, Turno] = {}
    for ocurrido, tipo, datos in eventos:
        d = json.loads(datos)
        instante = datetime.fromisoformat(ocurrido).astimezone(BOGOTA)
        if tipo == "turno.emitido":
            turnos[d["turno_id"]] = Turno(d["codigo"], d["servicio"], bool(d.get("preferencial")), instante)
            continue
        t = turnos.get(d.get("turno_id", ""))
        if t is None:
            continue
        if tipo in ("turno.llamado", "turno.rellamado"):
            t.llamado, t.ventanilla = instante, d["ventanilla"]
        elif tipo == "turno.atencion_iniciada":
            t.inicio = instante
        elif tipo == "turno.finalizado":
            t.fin, t.ventanilla = instante, d["ventanilla"]
            t.inicio = t.inicio or t.llamado
        elif tipo == "turno.no_se_presento":
            t.no_se_presento = True
        elif tipo == "turno.transferido":
            t.servicio, t.inicio = d["servicio"], None
        elif tipo == "turno.devuelto":
            t.inicio = None
    return list(turnos.values())


def medir_turnos(sesion: Session, desde: datetime, hasta: datetime, corte: datetime) -> IndicadoresTurnos:
    """Los turnos emitidos en [desde, hasta) con sus eventos anteriores al corte."""
    cx = conexion_cruda(sesion)
    filas = cx.execute(
        # Por el índice de tipo (solo los eventos de turnos), no por el de instante (todos los del periodo).
        "SELECT ocurrido_en, tipo, datos FROM eventos INDEXED BY ix_eventos_tipo WHERE tipo >= 'turno.' "
        "AND tipo < 'turno/' AND ocurrido_en >= ? AND ocurrido_en < ? ORDER BY ocurrido_en, id",
        (iso_utc(desde), iso_utc(corte)),
    )
    objetivos = servicios()
    resultado = IndicadoresTurnos()
    limite = iso_utc(hasta)
    for t in _plegar(filas):
        if iso_utc(t.emitido) >= limite:
            continue
        objetivo = objetivos.get(t.servicio, ("", 15))[1]
        resultado.turnos.append(t)
        resultado.total.sumar(t, objetivo)
        resultado.por_servicio[t.servicio].sumar(t, objetivo)
        resultado.por_hora[t.emitido.hour].sumar(t, objetivo)
        if t.ventanilla is not None:
            resultado.por_ventanilla[t.ventanilla].sumar(t, objetivo)
    return resultado
