"""Lo que todos los informes de un periodo comparten: la sesión de lectura, los ajustes de la
entidad, el corte, el índice de días hábiles y los nombres de los catálogos.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import Ajustes, calendario_de
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.solicitudes import CANALES
from ventanilla.dominio.terminos import TERMINOS
from ventanilla.informes.agregados import resumen_del_periodo
from ventanilla.informes.bitacora import Filtro
from ventanilla.informes.clasificacion import Clasificador
from ventanilla.informes.formato import fecha_corta, fecha_hora_corta
from ventanilla.informes.fotos import conexion_cruda
from ventanilla.informes.habiles import IndiceHabil
from ventanilla.informes.indicadores import Resumen
from ventanilla.informes.modelo import Informe
from ventanilla.informes.periodo import Periodo

__all__ = ["Contexto", "nombre_canal", "nombre_tipo"]


def nombre_tipo(tipo: str) -> str:
    return TERMINOS[tipo].nombre if tipo in TERMINOS else tipo


def nombre_canal(canal: str) -> str:
    return CANALES.get(canal, canal)


@dataclass
class Contexto:
    sesion: Session
    ajustes: Ajustes
    periodo: Periodo
    ahora: datetime = field(default_factory=lambda: datetime.now(UTC))
    filtro: Filtro = field(default_factory=Filtro)
    """Para la bitácora: solo un funcionario, punto, clase de acción o radicado."""

    def __post_init__(self) -> None:
        self.corte = self.periodo.corte(self.ahora)
        self.hoy = self.periodo.dia_de_corte(self.ahora)
        calendario = calendario_de(self.sesion, self.ajustes)
        self.indice = IndiceHabil(
            calendario, self.periodo.desde - timedelta(days=60), self.hoy + timedelta(days=120)
        )
        self.clasificador = Clasificador(self.indice, self.hoy, self.ajustes.dias_por_vencer)
        self.dependencias = dict(conexion_cruda(self.sesion).execute("SELECT codigo, nombre FROM dependencias"))
        self._resumen: Resumen | None = None

    def dependencia(self, codigo: str) -> str:
        return self.dependencias.get(codigo, codigo)

    def nuevo(self, tipo: str, titulo: str, fuente: str = "", *, sala: bool = False) -> Informe:
        """Un informe vacío con el encabezado del periodo. `sala`: no es de solicitudes (bitácora,
        turnos, encuestas), así que el corte se dice «datos al...» y no «estado de las solicitudes»."""
        que = "datos" if sala else "estado de las solicitudes"
        return Informe(
            tipo=tipo,
            titulo=titulo,
            entidad=self.ajustes.entidad_nombre,
            nit=self.ajustes.entidad_nit,
            desde=self.periodo.desde,
            hasta=self.periodo.hasta,
            periodo=self.periodo.etiqueta,
            corte=self.corte.astimezone(BOGOTA),
            generado_en=self.ahora.astimezone(BOGOTA),
            corte_texto=(
                f"{que} al final del {fecha_corta(self.periodo.hasta)}" if self.corte >= self.periodo.fin
                else f"{que} al {fecha_hora_corta(self.corte)}"
            ),
            fuente=fuente,
        )

    def resumen(self) -> Resumen:
        """Las solicitudes recibidas en el periodo, clasificadas al corte (se calcula una vez)."""
        if self._resumen is None:
            self._resumen = resumen_del_periodo(
                self.sesion, self.clasificador, recibidas_desde=self.periodo.inicio, recibidas_hasta=self.periodo.fin,
                corte=self.corte,
            )
        return self._resumen

    def pendientes(self) -> Resumen:
        """Todas las solicitudes abiertas al corte, sin importar cuándo se recibieron."""
        return resumen_del_periodo(
            self.sesion, self.clasificador, recibidas_desde=None, recibidas_hasta=self.periodo.fin, corte=self.corte,
            solo_abiertas=True,
        )
