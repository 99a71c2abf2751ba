"""Casos de uso de turnos sobre el almacén del equipo: la cola de brigada (todo en un portátil),
el turno impreso, y cada orden de la cola como una función con su transacción.

La cola local es un `MotorTurnos` sobre el almacén: cada orden abre una transacción `BEGIN
IMMEDIATE`, se pone al día con lo que anotaron los otros procesos del equipo (el kiosco, la
ventana del funcionario, la pantalla), decide y anota con `anotar`; si algo falla, nada queda y la
cola en memoria se rehace del almacén. Al abrirla se reconstruye con los eventos de hoy (hora de
Bogotá) de este equipo, así un cierre o un corte de luz no pierde la fila ni la numeración.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

import ventanilla.datos.proyecciones.turnos  # noqa: F401  (registra el proyector de turnos)
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila
from ventanilla.datos.registro import anotar, ultimo_de
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.turnos import Catalogo, Politica, TurnoInvalido
from ventanilla.turnos.catalogo import catalogo_desde_filas
from ventanilla.turnos.cola import EstadoCola, Turno
from ventanilla.turnos.motor import MotorTurnos, ahora_utc

__all__ = [
    "DiarioAlmacen",
    "abrir_cola_local",
    "catalogo_del_equipo",
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


_TIPOS_COLA = or_(EventoFila.tipo.like("turno.%"), EventoFila.tipo.like("ventanilla.%"))


class _Transaccion:
    def __init__(self, diario: DiarioAlmacen, sesion: Session) -> None:
        self._diario, self._sesion = diario, sesion

    def nuevos(self) -> list[tuple[str, dict[str, Any], datetime]]:
        filas = self._sesion.execute(
            select(EventoFila.seq, EventoFila.tipo, EventoFila.datos, EventoFila.ocurrido_en)
            .where(EventoFila.dispositivo == self._diario.dispositivo, EventoFila.seq > self._diario.ultimo_seq,
                   _TIPOS_COLA)
            .order_by(EventoFila.seq)
        ).all()
        if filas:
            self._diario.ultimo_seq = filas[-1][0]
        return [(tipo, dict(datos), instante) for _, tipo, datos, instante in filas]

    def anotar(self, tipo: str, datos: dict[str, Any], usuario: str, instante: datetime) -> None:
        evento = anotar(self._sesion, dispositivo=self._diario.dispositivo, usuario=usuario, tipo=tipo,
                        datos=datos, ahora=instante)
        self._diario.ultimo_seq = evento.seq


class DiarioAlmacen:
    """La cola de este equipo en su almacén, compartida por sus procesos (kiosco, ventanillas,
    pantalla): cada orden lee lo que anotaron los demás y anota en la misma transacción."""

    def __init__(self, almacen: Almacen, reloj: Callable[[], datetime] = ahora_utc) -> None:
        self.almacen = almacen
        self.dispositivo = almacen.ajustes.dispositivo
        self.ultimo_seq = 0
        self._reloj = reloj

    @contextmanager
    def transaccion(self, escribir: bool) -> Iterator[_Transaccion]:
        with self.almacen.escribir() if escribir else self.almacen.leer() as sesion:
            yield _Transaccion(self, sesion)

    def cargar(self) -> EstadoCola:
        """La cola con los eventos de hoy (hora de Bogotá) de este equipo."""
        ahora = self._reloj()
        medianoche = datetime.combine(ahora.astimezone(BOGOTA).date(), time(0), tzinfo=BOGOTA).astimezone(UTC)
        with self.almacen.leer() as sesion:
            self.ultimo_seq = ultimo_de(sesion, self.dispositivo)[0]
            filas = sesion.execute(
                select(EventoFila.tipo, EventoFila.datos, EventoFila.ocurrido_en)
                .where(EventoFila.dispositivo == self.dispositivo, EventoFila.ocurrido_en >= medianoche,
                       EventoFila.seq <= self.ultimo_seq, _TIPOS_COLA)
                .order_by(EventoFila.seq)
            ).all()
        estado = EstadoCola()
        for tipo, datos, instante in filas:
            try:
                estado.aplicar(tipo, dict(datos), instante)
            except TurnoInvalido:
                # Un evento que no cabe (p. ej. llegado de otro equipo de la misma jornada) no tumba la cola.
                continue
        return estado


def catalogo_del_equipo(almacen: Almacen) -> Catalogo:
    """Servicios y ventanillas de turnos que el servidor mandó a este equipo (o la semilla)."""
    from ventanilla.sincronizacion.tablas import catalogos

    with almacen.leer() as sesion:
        filas = sesion.execute(
            select(catalogos.c.tipo, catalogos.c.clave, catalogos.c.datos)
            .where(catalogos.c.tipo.in_(("servicios", "ventanillas")), catalogos.c.activo.is_(True))
        ).all()
    return catalogo_desde_filas(
        [(clave, datos) for tipo, clave, datos in filas if tipo == "servicios"],
        [(clave, datos) for tipo, clave, datos in filas if tipo == "ventanillas"],
    )


def abrir_cola_local(
    almacen: Almacen,
    *,
    catalogo: Catalogo | None = None,
    politica: Politica | None = None,
    jornada: str | None = None,
    reloj: Callable[[], datetime] = ahora_utc,
) -> MotorTurnos:
    """La cola de turnos de este equipo, con lo que ya pasó hoy, anotando cada cambio en el almacén."""
    return MotorTurnos(
        catalogo or catalogo_del_equipo(almacen),
        politica,
        diario=DiarioAlmacen(almacen, reloj),
        reloj=reloj,
        jornada=jornada,
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
