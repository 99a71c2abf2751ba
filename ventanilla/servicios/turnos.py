"""Casos de uso de turnos sobre el almacén del equipo: la cola de brigada (todo en un portátil),
el turno impreso, y cada orden de la cola como una función con su transacción.

La cola local es un `MotorTurnos` cuyo registrador anota cada evento con `anotar` en su propia
transacción `BEGIN IMMEDIATE`; solo si la anotación se confirma, el turno cambia en memoria. Al
abrirla se reconstruye con los eventos de hoy (hora de Bogotá) de este equipo, así un cierre o un
corte de luz no pierde la fila ni reinicia la numeración del día.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import or_, select

import ventanilla.datos.proyecciones.turnos  # noqa: F401  (registra el proyector de turnos)
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila
from ventanilla.datos.registro import anotar
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.turnos import Catalogo, Politica, TurnoInvalido
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.cola import EstadoCola, Turno
from ventanilla.turnos.motor import MotorTurnos, ahora_utc

__all__ = [
    "abrir_cola_local",
    "emitir_turno",
    "finalizar",
    "imprimir_turno",
    "iniciar",
    "llamar_especifico",
    "llamar_siguiente",
    "no_se_presento",
    "resolver_ciudadano",
    "transferir",
    "volver_a_llamar",
]


def _eventos_de_hoy(almacen: Almacen, ahora: datetime) -> list[tuple[str, dict[str, Any], datetime]]:
    medianoche = datetime.combine(ahora.astimezone(BOGOTA).date(), time(0), tzinfo=BOGOTA).astimezone(UTC)
    with almacen.leer() as sesion:
        filas = sesion.execute(
            select(EventoFila.tipo, EventoFila.datos, EventoFila.ocurrido_en)
            .where(
                EventoFila.dispositivo == almacen.ajustes.dispositivo,
                EventoFila.ocurrido_en >= medianoche,
                or_(EventoFila.tipo.like("turno.%"), EventoFila.tipo.like("ventanilla.%")),
            )
            .order_by(EventoFila.ocurrido_en, EventoFila.id)
        ).all()
    return [(tipo, dict(datos), instante) for tipo, datos, instante in filas]


def abrir_cola_local(
    almacen: Almacen,
    *,
    catalogo: Catalogo | None = None,
    politica: Politica | None = None,
    jornada: str | None = None,
    reloj: Any = ahora_utc,
) -> MotorTurnos:
    """La cola de turnos de este equipo, con lo que ya pasó hoy, anotando cada cambio en el almacén."""
    estado = EstadoCola()
    for tipo, datos, instante in _eventos_de_hoy(almacen, reloj()):
        try:
            estado.aplicar(tipo, datos, instante)
        except TurnoInvalido:
            # Un evento que no cabe (p. ej. llegado de otro equipo de la misma jornada) no tumba la cola.
            continue

    def registrar(tipo: str, datos: dict[str, Any], usuario: str, instante: datetime) -> None:
        with almacen.escribir() as sesion:
            anotar(sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo=tipo,
                   datos=datos, ahora=instante)

    return MotorTurnos(
        catalogo or catalogo_por_defecto(),
        politica,
        registrar=registrar,
        reloj=reloj,
        jornada=jornada,
        estado=estado,
    )


def emitir_turno(
    motor: MotorTurnos, servicio: str, preferencial: str | None = None, *, usuario: str = "kiosco",
    ciudadano_id: str | None = None,
) -> Turno:
    return motor.emitir(servicio, preferencial, usuario=usuario, ciudadano_id=ciudadano_id)


def llamar_siguiente(motor: MotorTurnos, ventanilla: int, *, usuario: str) -> Turno | None:
    return motor.llamar_siguiente(ventanilla, usuario=usuario)


def llamar_especifico(motor: MotorTurnos, turno_id: str, ventanilla: int, *, usuario: str, motivo: str) -> Turno:
    return motor.llamar_especifico(turno_id, ventanilla, usuario=usuario, motivo=motivo)


def volver_a_llamar(motor: MotorTurnos, ventanilla: int, *, usuario: str) -> Turno:
    return motor.volver_a_llamar(ventanilla, usuario=usuario)


def iniciar(motor: MotorTurnos, ventanilla: int, *, usuario: str) -> Turno:
    return motor.iniciar(ventanilla, usuario=usuario)


def no_se_presento(motor: MotorTurnos, ventanilla: int, *, usuario: str) -> Turno:
    return motor.no_se_presento(ventanilla, usuario=usuario)


def finalizar(motor: MotorTurnos, ventanilla: int, *, usuario: str, servicio_prestado: str | None = None) -> Turno:
    return motor.finalizar(ventanilla, usuario=usuario, servicio_prestado=servicio_prestado)


def transferir(
    motor: MotorTurnos, ventanilla: int, *, usuario: str, servicio: str | None = None, a_ventanilla: int | None = None
) -> Turno:
    return motor.transferir(ventanilla, usuario=usuario, servicio=servicio, a_ventanilla=a_ventanilla)


def resolver_ciudadano(almacen: Almacen, numero_documento: str) -> str | None:
    """El id del ciudadano con ese número de documento (cédula), si este equipo lo conoce."""
    from ventanilla.servicios.ciudadanos import buscar_ciudadano

    fila = buscar_ciudadano(almacen, "CC", numero_documento)
    return str(fila.id) if fila is not None else None


def imprimir_turno(almacen: Almacen, turno: dict[str, Any], servicio: str, impresora: str | None = None) -> None:
    """Imprime el turno en el rollo de 80 mm, en `impresora` o en la predeterminada del sistema."""
    from ventanilla.impresion.datos import DatosTurno, Entidad
    from ventanilla.impresion.impresora import (
        ImpresoraNoDisponible,
        impresora_predeterminada,
        imprimir_pdf,
    )
    from ventanilla.impresion.termica import ticket_turno

    ajustes = almacen.ajustes
    destino = impresora or impresora_predeterminada()
    if destino is None:
        raise ImpresoraNoDisponible("Este equipo no tiene impresora: el turno no se imprimió.")
    pdf = ticket_turno(
        DatosTurno(
            entidad=Entidad(nombre=ajustes.entidad_nombre, nit=ajustes.entidad_nit),
            codigo=str(turno["codigo"]),
            servicio=servicio,
            emitido_en=datetime.fromisoformat(str(turno["emitido_en"])),
            personas_antes=int(turno.get("personas_antes", 0)),
            preferencial=bool(turno.get("preferencial")),
            sede=ajustes.punto,
        )
    )
    imprimir_pdf(pdf, destino, titulo=f"Turno {turno['codigo']}")
