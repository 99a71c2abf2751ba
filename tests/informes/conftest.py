"""Un almacén con un trimestre de solicitudes, turnos y encuestas hechos con los casos de uso
reales, y la verdad de lo que se hizo con cada una, para calcular cada cifra aparte."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from ventanilla.datos.ajustes import calendario_de
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.registro import anotar
from ventanilla.dominio.calendario import BOGOTA, Calendario
from ventanilla.dominio.terminos import EstadoSolicitud, EstadoTermino, estado_termino
from ventanilla.servicios import tramite
from ventanilla.servicios.encuestas import responder_encuesta
from ventanilla.servicios.radicacion import radicar
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.motor import MotorTurnos

TRIMESTRE = (date(2026, 7, 1), date(2026, 9, 30))
"""El periodo de los informes; la prueba anota también muchos eventos posteriores a su corte."""

TIPOS = ["peticion"] * 5 + ["documentos"] * 3 + ["queja", "reclamo", "consulta", "sugerencia", "felicitacion"]
CANALES = ["presencial", "escrito", "web", "correo_electronico", "telefonico"]
DEPENDENCIAS = {"HAC": "Hacienda", "SAL": "Salud", "PLA": "Planeación", "MOV": "Movilidad"}


@dataclass
class Verdad:
    """Lo que la prueba hizo con una solicitud: a mano, sin preguntarle a los informes."""

    radicado: str
    solicitud_id: str
    tipo: str
    canal: str
    dependencia: str
    recibido: datetime
    fecha_recibo: date
    vence: date | None
    caracterizacion: dict[str, Any] | None
    acciones: list[tuple[datetime, str, dict[str, Any]]] = field(default_factory=list)


@dataclass(frozen=True)
class Esperada:
    v: Verdad
    estado: EstadoTermino
    vence: date | None
    respondida: date | None
    trasladada: date | None
    sentido: str


def al_corte(v: Verdad, corte: datetime, hoy: date, cal: Calendario) -> Esperada:
    """El estado de la solicitud al corte, rehecho de las acciones de la prueba."""
    estado = EstadoSolicitud.CERRADA if v.tipo == "felicitacion" else EstadoSolicitud.RADICADA
    vence, respondida, trasladada, sentido = v.vence, None, None, ""
    for instante, accion, extra in sorted(v.acciones, key=lambda a: a[0]):
        if instante >= corte:
            break
        if accion == "respondida":
            estado, respondida, sentido = EstadoSolicitud.RESPONDIDA, extra["fecha"], extra.get("sentido", "")
        elif accion == "trasladada":
            estado, trasladada = EstadoSolicitud.TRASLADADA, extra["fecha"]
        elif accion in ("ampliada", "completada"):
            vence = extra["vence"]
            estado = EstadoSolicitud.RADICADA if accion == "completada" else estado
        elif accion == "incompleta":
            estado = EstadoSolicitud.INCOMPLETA
        elif accion == "desistida":
            estado = EstadoSolicitud.DESISTIDA
        elif accion == "anulada":
            estado = EstadoSolicitud.ANULADA
    clase = estado_termino(estado=estado, vence_el=vence, respondida_el=respondida, hoy=hoy, calendario=cal,
                           umbral_por_vencer=3)
    return Esperada(v, clase, vence, respondida, trasladada, sentido)



@dataclass
class Datos:
    almacen: Almacen
    calendario: Calendario
    solicitudes: list[Verdad]
    turnos: list[dict[str, Any]]
    encuestas: list[dict[str, Any]]
    eventos_por_dia: dict[date, int]

    def al_corte(self, desde: date | None, hasta: date, corte: datetime) -> list[Esperada]:
        """Las solicitudes recibidas entre `desde` y `hasta` (locales), como estaban al corte."""
        hoy = min(hasta, corte.astimezone(BOGOTA).date())
        return [
            al_corte(v, corte, hoy, self.calendario)
            for v in self.solicitudes
            if (desde is None or desde <= v.recibido.astimezone(BOGOTA).date()) and v.recibido.astimezone(BOGOTA).date() <= hasta
        ]


def _hora_habil(rnd: random.Random, dia: date) -> datetime:
    return datetime.combine(dia, time(rnd.randint(7, 17), rnd.choice((0, 15, 30, 45))), tzinfo=BOGOTA)


def _tramitar(almacen: Almacen, cal: Calendario, rnd: random.Random, v: Verdad) -> None:
    r = v.radicado
    base = v.recibido
    escenario = rnd.choice(["responder", "responder", "responder", "trasladar", "ampliar", "incompleta",
                            "abierta", "anular", "desistir", "negada"])
    if v.tipo == "felicitacion":
        return
    if escenario == "responder" or (escenario == "negada" and v.tipo != "documentos"):
        t = base + timedelta(days=rnd.randint(1, 45), hours=1)
        tramite.responder(almacen, r, "correo", usuario="admin", ahora=t)
        v.acciones.append((t, "respondida", {"fecha": t.date()}))
    elif escenario == "negada":
        t = base + timedelta(days=rnd.randint(1, 20), hours=1)
        with almacen.escribir() as sesion:
            anotar(sesion, dispositivo=almacen.ajustes.dispositivo, usuario="admin", tipo="solicitud.respondida",
                   datos={"solicitud_id": v.solicitud_id, "fecha": t.date().isoformat(), "medio": "correo",
                          "sentido": "negada"}, ahora=t)
        v.acciones.append((t, "respondida", {"fecha": t.date(), "sentido": "negada"}))
    elif escenario == "trasladar":
        t = base + timedelta(days=rnd.randint(0, 12), hours=1)
        tramite.trasladar(almacen, r, "Gobernación de Caldas", usuario="admin", ahora=t)
        v.acciones.append((t, "trasladada", {"fecha": t.date()}))
    elif escenario == "ampliar":
        assert v.vence is not None
        t = datetime.combine(v.vence - timedelta(days=rnd.randint(0, 2)), time(9), tzinfo=BOGOTA)
        nueva = cal.sumar_habiles(v.vence, rnd.randint(2, 5))
        fila = tramite.ampliar(almacen, r, nueva, "Se requiere concepto técnico", usuario="admin", ahora=t)
        v.acciones.append((t, "ampliada", {"vence": fila.vence_el}))
        t2 = datetime.combine(nueva + timedelta(days=rnd.randint(-3, 3)), time(10), tzinfo=BOGOTA)
        if t2 > t:
            tramite.responder(almacen, r, "escrito", usuario="admin", ahora=t2)
            v.acciones.append((t2, "respondida", {"fecha": t2.date()}))
    elif escenario in ("incompleta", "desistir"):
        t = base + timedelta(days=2, hours=1)
        tramite.marcar_incompleta(almacen, r, "Falta copia del documento", usuario="admin", ahora=t)
        v.acciones.append((t, "incompleta", {}))
        if escenario == "incompleta":
            t2 = t + timedelta(days=rnd.randint(3, 20))
            fila = tramite.completar(almacen, r, usuario="admin", ahora=t2)
            v.acciones.append((t2, "completada", {"vence": fila.vence_el}))
        else:
            t2 = t + timedelta(days=40)
            tramite.desistir(almacen, r, "Resolución 123 de 2026", usuario="admin", ahora=t2)
            v.acciones.append((t2, "desistida", {}))
    elif escenario == "anular":
        t = base + timedelta(days=rnd.randint(0, 30), hours=2)
        tramite.solicitar_anulacion(almacen, r, "Radicado duplicado por error", usuario="admin", ahora=t)
        tramite.resolver_anulacion(almacen, r, True, "Duplicado", usuario="admin", ahora=t + timedelta(hours=1))
        v.acciones.append((t + timedelta(hours=1), "anulada", {}))


def _turnos(almacen: Almacen, rnd: random.Random) -> list[dict[str, Any]]:
    """Turnos de dos días del trimestre, con tiempos conocidos."""
    reloj = [datetime(2026, 8, 4, 8, 0, tzinfo=BOGOTA)]

    def registrar(tipo: str, datos: dict[str, Any], usuario: str, instante: datetime) -> None:
        with almacen.escribir() as sesion:
            anotar(sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo=tipo, datos=datos, ahora=instante)

    motor = MotorTurnos(catalogo_por_defecto(2), registrar=registrar, reloj=lambda: reloj[0])
    verdad: list[dict[str, Any]] = []
    for dia in (date(2026, 8, 4), date(2026, 9, 15)):
        reloj[0] = datetime.combine(dia, time(8, 0), tzinfo=BOGOTA)
        for _ in range(12):
            reloj[0] += timedelta(minutes=rnd.randint(1, 6))
            servicio = rnd.choice(["radicacion", "orientacion"])
            turno = motor.emitir(servicio, usuario="kiosco")
            verdad.append({"id": turno.id, "servicio": servicio, "emitido": reloj[0], "hora": reloj[0].hour})
        for ventanilla in (1, 2) * 6:
            reloj[0] += timedelta(minutes=rnd.randint(2, 12))
            llamado = motor.llamar_siguiente(ventanilla, usuario="admin")
            assert llamado is not None
            fila = next(t for t in verdad if t["id"] == llamado.id)
            fila.update(llamado=reloj[0], ventanilla=ventanilla)
            if rnd.random() < 0.2:
                motor.no_se_presento(ventanilla, usuario="admin")
                fila["no_show"] = True
                continue
            reloj[0] += timedelta(minutes=1)
            motor.iniciar(ventanilla, usuario="admin")
            fila["inicio"] = reloj[0]
            reloj[0] += timedelta(minutes=rnd.randint(3, 15))
            motor.finalizar(ventanilla, usuario="admin")
            fila["fin"] = reloj[0]
    return verdad


@pytest.fixture(scope="session")
def datos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datos]:
    almacen = Almacen.abrir(Path(tmp_path_factory.mktemp("informes")))
    with almacen.leer() as sesion:
        calendario = calendario_de(sesion, almacen.ajustes)
    rnd = random.Random(20260701)
    dias = [date(2026, 6, 10) + timedelta(days=i) for i in range(140)]
    verdades: list[Verdad] = []
    for i in range(260):
        recibido = _hora_habil(rnd, rnd.choice(dias))
        tipo = rnd.choice(TIPOS)
        autoriza = rnd.random() < 0.5
        caracterizacion = (
            {"sexo": rnd.choice(["mujer", "hombre"]), "victima": rnd.random() < 0.3} if autoriza else None
        )
        solicitud = {
            "tipo": tipo, "canal": rnd.choice(CANALES), "asunto": f"Asunto de prueba {i}",
            "dependencia": rnd.choice(list(DEPENDENCIAS)), "folios": 1, "recibido": recibido.isoformat(),
            "consentimiento": autoriza, "caracterizacion": caracterizacion or {},
            "ciudadano": {"tipo_documento": "CC", "numero_documento": str(20000000 + i), "nombres": "Luz",
                          "apellidos": "Ospina"},
        }
        hecha = radicar(almacen, solicitud, usuario="admin", ahora=recibido)
        verdades.append(Verdad(hecha.radicado, hecha.id, tipo, solicitud["canal"], solicitud["dependencia"],
                               recibido, hecha.fecha_recibo, hecha.vence_el, caracterizacion))
    for v in verdades:
        _tramitar(almacen, calendario, rnd, v)
    turnos = _turnos(almacen, rnd)
    encuestas = []
    for v in rnd.sample([v for v in verdades if TRIMESTRE[0] <= v.recibido.date() <= TRIMESTRE[1]], 15):
        respuestas = {"atencion": rnd.randint(1, 5), "claridad": rnd.randint(1, 5), "espera": rnd.randint(1, 5),
                      "resuelto": rnd.random() < 0.7, "volveria": True}
        cuando = v.recibido + timedelta(minutes=5)
        responder_encuesta(almacen, respuestas, atencion="radicado", atencion_id=v.solicitud_id, usuario="admin",
                           ahora=cuando)
        encuestas.append({**respuestas, "instante": cuando})
    with almacen.leer() as sesion:
        from sqlalchemy import select

        from ventanilla.datos.modelos import EventoFila

        por_dia: dict[date, int] = {}
        for instante in sesion.scalars(select(EventoFila.ocurrido_en)):
            dia = instante.astimezone(BOGOTA).date()
            por_dia[dia] = por_dia.get(dia, 0) + 1
    yield Datos(almacen, calendario, verdades, turnos, encuestas, por_dia)
    almacen.cerrar()
