"""Los informes que la oficina debe, por nombre, y cómo sacar cada uno en PDF, XLSX o CSV.

`armar` calcula un informe (su contenido, una sola vez); `generar` lo escribe en un formato.
La interfaz, la línea de órdenes y el servidor llaman aquí y a nada más.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from ventanilla.datos.almacen import Almacen
from ventanilla.informes.bitacora import Filtro
from ventanilla.informes.contexto import Contexto
from ventanilla.informes.modelo import Informe
from ventanilla.informes.periodo import Periodo
from ventanilla.informes.reportes_pqrsd import (
    acceso_informacion,
    anual,
    oportunidad,
    semanal,
    traslados,
    trimestral,
)
from ventanilla.informes.reportes_sala import diario, satisfaccion, turnos
from ventanilla.informes.salida_csv import a_csv
from ventanilla.informes.salida_pdf import a_pdf
from ventanilla.informes.salida_xlsx import a_xlsx

__all__ = ["FORMATOS", "TIPOS_INFORME", "InformeDesconocido", "TipoInforme", "armar", "generar"]


class InformeDesconocido(ValueError):
    """El tipo de informe o el formato no existen."""


@dataclass(frozen=True)
class TipoInforme:
    clave: str
    nombre: str
    descripcion: str
    construir: Callable[[Contexto], Informe]


TIPOS_INFORME: dict[str, TipoInforme] = {
    t.clave: t
    for t in (
        TipoInforme("diario", "Bitácora del día", "Cada evento de cada punto y funcionario, con la actividad de cada uno.", diario),
        TipoInforme("semanal", "Informe semanal de ventanilla", "Recibidas, respondidas y pendientes al corte por dependencia.", semanal),
        TipoInforme("oportunidad", "Oportunidad de respuesta", "A tiempo, fuera de término y vencidas por dependencia; silencio positivo.", oportunidad),
        TipoInforme("traslados", "Traslados por competencia", "Traslados dentro de los 5 días hábiles (art. 21).", traslados),
        TipoInforme("pqrsd-trimestral", "Estadísticas trimestrales de PQRSD", "Por tipo, canal, dependencia y caracterización; tiempos de respuesta.", trimestral),
        TipoInforme("anual", "Informe anual unificado de PQRSD y percepción", "Las estadísticas del año, por mes, y la satisfacción.", anual),
        TipoInforme("satisfaccion", "Satisfacción de los ciudadanos", "Resultados de las encuestas de satisfacción.", satisfaccion),
        TipoInforme("turnos", "Turnos de la sala", "Espera, atención, no presentación y nivel de servicio.", turnos),
        TipoInforme("acceso-informacion", "Acceso a la información pública", "Decreto 103 de 2015, art. 52.", acceso_informacion),
    )
}

FORMATOS: dict[str, Callable[[Informe], bytes]] = {"pdf": a_pdf, "xlsx": a_xlsx, "csv": a_csv}


def armar(
    almacen: Almacen, tipo: str, periodo: Periodo, *, ahora: datetime | None = None, filtro: Filtro | None = None
) -> Informe:
    """Calcula el informe `tipo` del periodo (estado de las solicitudes al corte del periodo).

    `filtro` solo afecta la bitácora (`diario`)."""
    if tipo not in TIPOS_INFORME:
        raise InformeDesconocido(f"El informe «{tipo}» no existe. Use uno de: {', '.join(TIPOS_INFORME)}.")
    with almacen.leer() as sesion:
        contexto = Contexto(sesion, almacen.ajustes, periodo, ahora or datetime.now(UTC), filtro or Filtro())
        return TIPOS_INFORME[tipo].construir(contexto)


def generar(
    almacen: Almacen,
    tipo: str,
    periodo: Periodo,
    formato: str,
    *,
    ahora: datetime | None = None,
    filtro: Filtro | None = None,
) -> bytes:
    """Los bytes del informe en `formato` (pdf, xlsx o csv)."""
    if formato not in FORMATOS:
        raise InformeDesconocido(f"El formato «{formato}» no existe. Use uno de: {', '.join(FORMATOS)}.")
    return FORMATOS[formato](armar(almacen, tipo, periodo, ahora=ahora, filtro=filtro))
