"""Lo que el panel de supervisión pregunta, en funciones que reciben el almacén: la bitácora,
las anulaciones por resolver, el atraso de términos por dependencia y los indicadores de un
periodo. La interfaz llama aquí (fuera de su hilo) y nunca escribe SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import SolicitudFila, Usuario
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.informes.bitacora import CLASES, Entrada, Filtro, bitacora, funcionarios, puntos
from ventanilla.informes.contexto import Contexto, nombre_tipo
from ventanilla.informes.fotos import conexion_cruda
from ventanilla.informes.indicadores import Resumen
from ventanilla.informes.modelo import Columna, Tabla, Tipo
from ventanilla.informes.periodo import Periodo
from ventanilla.informes.tablas import fecha, tabla_pendientes
from ventanilla.informes.turnos import IndicadoresTurnos, medir_turnos

__all__ = [
    "Atraso",
    "Opciones",
    "Pendiente",
    "Tablero",
    "anulaciones_pendientes",
    "atraso",
    "leer_bitacora",
    "opciones_de_bitacora",
    "puede_resolver_anulaciones",
    "tablero",
]


@dataclass(frozen=True)
class Opciones:
    """Con qué se puede filtrar la bitácora: {login: nombre}, {dispositivo: punto}, {clase: nombre}."""

    funcionarios: dict[str, str]
    puntos: dict[str, str]
    clases: dict[str, str]


@dataclass(frozen=True)
class Pendiente:
    """Una anulación pedida que espera a la unidad de correspondencia."""

    radicado: str
    tipo: str
    dependencia: str
    recibido_en: datetime
    solicitante: str
    justificacion: str


@dataclass(frozen=True)
class Atraso:
    """Las solicitudes abiertas hoy: por dependencia y la lista de las por vencer y vencidas."""

    hoy: date
    por_dependencia: Tabla
    lista: Tabla
    resumen: Resumen


@dataclass(frozen=True)
class Tablero:
    """Los indicadores de un periodo para el panel."""

    periodo: Periodo
    resumen: Resumen
    dependencias: dict[str, str]
    turnos: IndicadoresTurnos


def _propio(almacen: Almacen) -> tuple[str, str]:
    return almacen.ajustes.dispositivo, almacen.ajustes.punto


def opciones_de_bitacora(almacen: Almacen) -> Opciones:
    with almacen.leer() as sesion:
        return Opciones(funcionarios(sesion), puntos(sesion, _propio(almacen)), dict(CLASES))


def leer_bitacora(almacen: Almacen, periodo: Periodo, filtro: Filtro | None = None) -> list[Entrada]:
    with almacen.leer() as sesion:
        return bitacora(sesion, periodo, filtro or Filtro(), propio=_propio(almacen))


def anulaciones_pendientes(almacen: Almacen) -> list[Pendiente]:
    with almacen.leer() as sesion:
        nombres = funcionarios(sesion)
        dependencias = dict(conexion_cruda(sesion).execute("SELECT codigo, nombre FROM dependencias"))
        filas = sesion.scalars(
            select(SolicitudFila).where(SolicitudFila.anulacion_pendiente.is_not(None)).order_by(SolicitudFila.fila)
        )
        return [
            Pendiente(
                radicado=f.radicado,
                tipo=nombre_tipo(f.tipo),
                dependencia=dependencias.get(f.dependencia, f.dependencia),
                recibido_en=f.recibido_en.astimezone(BOGOTA),
                solicitante=nombres.get(f.anulacion_solicitante or "", f.anulacion_solicitante or ""),
                justificacion=f.anulacion_pendiente or "",
            )
            for f in filas
        ]


def atraso(almacen: Almacen, ahora: datetime | None = None) -> Atraso:
    """Lo abierto al momento (`ahora`): vigentes, por vencer y vencidas, con sus vencimientos."""
    momento = ahora or datetime.now(UTC)
    hoy = momento.astimezone(BOGOTA).date()
    with almacen.leer() as sesion:
        ctx = Contexto(sesion, almacen.ajustes, Periodo(hoy, hoy), momento)
        resumen = ctx.pendientes()
        lista: list[list[object]] = []
        for f in [*(f for f, _ in resumen.vencidas), *resumen.por_vencer]:
            vence = f.vence_el or ctx.clasificador.hoy
            estado = ctx.clasificador.estado(f)
            lista.append([f.radicado, ctx.dependencia(f.dependencia), nombre_tipo(f.tipo), fecha(f.vence_el),
                          ctx.indice.entre(ctx.clasificador.hoy, vence), estado.etiqueta])
        lista.sort(key=lambda fila: (fila[3] or date.min, fila[0]))
        return Atraso(
            hoy=hoy,
            por_dependencia=tabla_pendientes(ctx, resumen.por_dependencia, resumen.proximo_vencimiento),
            lista=Tabla(
                "Por vencer y vencidas",
                [Columna("Radicado", ancho=2.4), Columna("Dependencia", ancho=1.8), Columna("Tipo", ancho=2.4),
                 Columna("Vence", Tipo.FECHA, 1.2), Columna("Días hábiles restantes", Tipo.ENTERO, 1.2),
                 Columna("Estado", ancho=1.4)],
                lista,
                nota="Días negativos: hábiles de atraso.",
            ),
            resumen=resumen,
        )


def tablero(almacen: Almacen, periodo: Periodo, ahora: datetime | None = None) -> Tablero:
    with almacen.leer() as sesion:
        ctx = Contexto(sesion, almacen.ajustes, periodo, ahora or datetime.now(UTC))
        return Tablero(periodo, ctx.resumen(), dict(ctx.dependencias),
                       medir_turnos(sesion, periodo.inicio, periodo.fin, ctx.corte))


def puede_resolver_anulaciones(almacen: Almacen, login: str) -> bool:
    """¿Este usuario tiene el rol de la unidad de correspondencia (aprueba o rechaza anulaciones)?"""
    with almacen.leer() as sesion:
        usuario = sesion.get(Usuario, login)
        return bool(usuario and usuario.activo and set(usuario.roles) & set(almacen.ajustes.roles_correspondencia))
