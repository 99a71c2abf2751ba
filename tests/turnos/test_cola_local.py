"""La cola de brigada en el almacén: eventos anotados, tabla de turnos, y la fila que sobrevive a un cierre."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import inspect, select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila
from ventanilla.datos.modelos_turnos import TurnoFila, TurnoSolicitud
from ventanilla.servicios import turnos as casos
from ventanilla.servicios.reconstruccion import reconstruir


class Reloj:
    def __init__(self) -> None:
        self.ahora = datetime.now(UTC)

    def __call__(self) -> datetime:
        self.ahora += timedelta(seconds=30)
        return self.ahora


def test_la_migracion_de_turnos_crea_sus_tablas(almacen: Almacen) -> None:
    tablas = set(inspect(almacen.motor).get_table_names())
    assert {"turnos", "turno_solicitudes"} <= tablas


def test_cada_orden_queda_anotada_y_proyectada(almacen: Almacen) -> None:
    motor = casos.abrir_cola_local(almacen, reloj=Reloj())
    primero = casos.emitir_turno(motor, "radicacion")
    casos.emitir_turno(motor, "radicacion", "gestante")
    llamado = casos.llamar_siguiente(motor, 1, usuario="admin")
    assert llamado is not None and llamado.preferencial == "gestante"
    casos.iniciar(motor, 1, usuario="admin")
    motor.vincular_radicado(1, "solicitud-1", usuario="admin")
    casos.finalizar(motor, 1, usuario="admin", servicio_prestado="orientacion")
    with almacen.leer() as sesion:
        tipos = sesion.scalars(
            select(EventoFila.tipo).where(EventoFila.tipo.like("turno.%")).order_by(EventoFila.seq)
        ).all()
        filas = {f.codigo: f for f in sesion.scalars(select(TurnoFila))}
        vinculos = sesion.scalars(select(TurnoSolicitud.solicitud_id)).all()
    assert tipos == ["turno.emitido", "turno.emitido", "turno.llamado", "turno.atencion_iniciada",
                     "turno.radicado_vinculado", "turno.finalizado"]
    assert filas["A-002"].estado == "finalizado" and filas["A-002"].servicio_prestado == "orientacion"
    assert filas["A-002"].llamado_en is not None and filas["A-002"].terminado_en is not None
    assert filas[primero.codigo].estado == "en_espera"
    assert vinculos == ["solicitud-1"]


def test_la_cola_sobrevive_a_un_cierre_y_sigue_numerando(almacen: Almacen) -> None:
    reloj = Reloj()
    motor = casos.abrir_cola_local(almacen, reloj=reloj)
    for _ in range(3):
        casos.emitir_turno(motor, "orientacion")
    casos.llamar_siguiente(motor, 2, usuario="admin")
    motor.pausar(3, usuario="admin", motivo="Almuerzo")
    otra = casos.abrir_cola_local(almacen, reloj=reloj)
    assert otra.estado.turnos == motor.estado.turnos
    assert otra.estado.ocupadas == motor.estado.ocupadas and otra.estado.pausadas == {3: "Almuerzo"}
    assert casos.emitir_turno(otra, "orientacion").codigo == "B-004"
    siguiente = casos.llamar_siguiente(otra, 1, usuario="admin")
    assert siguiente is not None and siguiente.codigo == "B-002"


def test_reconstruir_rehace_la_tabla_de_turnos(almacen: Almacen) -> None:
    motor = casos.abrir_cola_local(almacen, reloj=Reloj())
    casos.emitir_turno(motor, "hacienda")
    casos.llamar_siguiente(motor, 1, usuario="admin")
    casos.no_se_presento(motor, 1, usuario="admin")
    with almacen.leer() as sesion:
        antes = [(f.id, f.estado, f.llamadas) for f in sesion.scalars(select(TurnoFila))]
    reconstruir(almacen)
    with almacen.leer() as sesion:
        despues = [(f.id, f.estado, f.llamadas) for f in sesion.scalars(select(TurnoFila))]
    assert despues == antes and antes[0][1] == "no_se_presento"


def test_dos_procesos_del_equipo_comparten_la_cola_sin_repetir(almacen: Almacen) -> None:
    otro_almacen = Almacen.abrir(almacen.directorio)
    try:
        kiosco = casos.abrir_cola_local(almacen)
        ventanilla = casos.abrir_cola_local(otro_almacen)
        pantalla = casos.abrir_cola_local(Almacen.abrir(almacen.directorio))
        vistos: list[str] = []
        pantalla.suscribir(lambda c: vistos.append(c.llamado.codigo) if c.llamado else None)
        codigos = [casos.emitir_turno(kiosco if i % 2 else ventanilla, "radicacion").codigo for i in range(6)]
        assert codigos == [f"A-{n:03d}" for n in range(1, 7)]
        llamados: list[str] = []
        barrera = threading.Barrier(2)

        def llamar(motor: object, numero: int) -> None:
            barrera.wait()
            for _ in range(3):
                turno = casos.llamar_siguiente(motor, numero, usuario="admin")  # type: ignore[arg-type]
                assert turno is not None
                llamados.append(turno.codigo)
                casos.finalizar(motor, numero, usuario="admin")  # type: ignore[arg-type]

        hilos = [threading.Thread(target=llamar, args=(m, n)) for m, n in ((kiosco, 1), (ventanilla, 2))]
        for h in hilos:
            h.start()
        for h in hilos:
            h.join(timeout=30)
        assert sorted(llamados) == codigos
        pantalla.actualizar()
        assert sorted(vistos) == codigos
    finally:
        otro_almacen.cerrar()
