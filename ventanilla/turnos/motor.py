"""El motor de turnos: las órdenes de kiosco y ventanillas convertidas en eventos y aplicadas.

Cada orden (emitir, llamar, finalizar...) se comprueba contra el estado, se anota como evento con
`registrar` (el almacén local en brigada, el del servidor en sede) y solo entonces se aplica y se
avisa a los oyentes (pantalla, paneles, WebSocket). Todo ocurre bajo un candado: dos ventanillas
que llaman en el mismo instante reciben turnos distintos, nunca el mismo.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from ventanilla.dominio.eventos import nuevo_id, validar_datos
from ventanilla.dominio.turnos import (
    CATEGORIAS_PREFERENCIALES,
    Accion,
    Catalogo,
    Politica,
    TurnoInvalido,
    codigo_turno,
    elegir_siguiente,
    jornada_de,
    transicion,
    validar_motivo,
)
from ventanilla.turnos.cola import EstadoCola, Llamado, Turno

__all__ = ["Cambio", "Diario", "MotorTurnos", "Registrador", "Transaccion", "ahora_utc"]

Registrador = Callable[[str, dict[str, Any], str, datetime], None]
"""Anota un evento (tipo, datos, usuario, instante) de forma durable, o lanza una excepción."""


class Transaccion(Protocol):
    """Una transacción del diario donde vive la cola."""

    def nuevos(self) -> Iterable[tuple[str, Mapping[str, Any], datetime]]:
        """Los eventos de la cola que otros procesos anotaron desde la última vez."""
        ...

    def anotar(self, tipo: str, datos: dict[str, Any], usuario: str, instante: datetime) -> None: ...


class Diario(Protocol):
    """El almacén compartido por varios procesos del mismo equipo (kiosco, ventanillas, pantalla).

    Cada orden corre dentro de una transacción de escritura: primero se pone al día con lo que
    anotaron los demás, luego decide y anota. Así dos procesos nunca dan el mismo número ni
    llaman el mismo turno.
    """

    def transaccion(self, escribir: bool) -> AbstractContextManager[Transaccion]: ...

    def cargar(self) -> EstadoCola:
        """El estado de la cola rehecho desde el almacén."""
        ...


def ahora_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Cambio:
    """Lo que cambió con un evento, para quien muestra la cola."""

    evento: str
    datos: dict[str, Any]
    instante: datetime
    turno: dict[str, Any] | None
    llamado: Llamado | None
    espera: dict[str, int]
    propio: bool = True
    """Lo causó una orden de este proceso (False: llegó del almacén, anotado por otro)."""

    def como_dict(self) -> dict[str, Any]:
        return {
            "evento": self.evento,
            "datos": self.datos,
            "instante": self.instante.isoformat(),
            "turno": self.turno,
            "llamado": self.llamado.como_dict() if self.llamado else None,
            "espera": self.espera,
        }


class MotorTurnos:
    """La cola de una sede o de una jornada de brigada."""

    def __init__(
        self,
        catalogo: Catalogo,
        politica: Politica | None = None,
        *,
        registrar: Registrador | None = None,
        diario: Diario | None = None,
        reloj: Callable[[], datetime] = ahora_utc,
        jornada: str | None = None,
        estado: EstadoCola | None = None,
    ) -> None:
        self.catalogo = catalogo
        self.politica = politica or Politica()
        self._registrar = registrar
        self._diario = diario
        self._reloj = reloj
        self._jornada = jornada
        self._estado = estado or (diario.cargar() if diario else EstadoCola())
        self._candado = threading.RLock()
        self._oyentes: list[Callable[[Cambio], None]] = []
        self._tx: Transaccion | None = None
        self._profundidad = 0
        self._propios = 0
        self._por_avisar: list[Cambio] = []

    @property
    def estado(self) -> EstadoCola:
        return self._estado

    @property
    def compartido(self) -> bool:
        """La cola vive en un almacén que otros procesos también escriben (ver `actualizar`)."""
        return self._diario is not None

    def suscribir(self, oyente: Callable[[Cambio], None]) -> Callable[[], None]:
        """Llama a `oyente` tras cada cambio, en orden; devuelve la función que lo retira."""
        with self._candado:
            self._oyentes.append(oyente)

        def retirar() -> None:
            with self._candado:
                if oyente in self._oyentes:
                    self._oyentes.remove(oyente)

        return retirar

    def instantanea(self) -> dict[str, Any]:
        """Todo lo que un cliente recién conectado necesita para dibujar la cola."""
        with self._candado:
            return {
                "servicios": [dataclasses.asdict(s) for s in self.catalogo.servicios],
                "puestos": [v.numero for v in self.catalogo.ventanillas],
                "espera": self._estado.espera_por_servicio(),
                "llamados": [ll.como_dict() for ll in self._estado.ultimos_llamados(5)],
                "ventanillas": {
                    str(n): self._estado.turnos[t].como_dict() for n, t in self._estado.ocupadas.items()
                },
                "pausadas": {str(n): m for n, m in self._estado.pausadas.items()},
                "cola": [t.como_dict() for t in self._estado.en_espera()],
                "llamados_total": len(self._estado.llamados),
            }

    @contextmanager
    def _operacion(self, escribir: bool = True) -> Iterator[None]:
        """Candado, transacción del diario puesta al día, y avisos a los oyentes al confirmar."""
        with self._candado:
            self._profundidad += 1
            try:
                if self._profundidad > 1:
                    yield
                    return
                self._propios = 0
                try:
                    if self._diario is None:
                        yield
                    else:
                        with self._diario.transaccion(escribir) as tx:
                            self._tx = tx
                            for tipo, datos, instante in tx.nuevos():
                                self._aplicar_ajeno(tipo, datos, instante)
                            yield
                except BaseException:
                    if self._propios and self._diario is not None:
                        # Lo anotado se deshizo: el estado en memoria vuelve a ser el del almacén.
                        self._estado = self._diario.cargar()
                    self._por_avisar = [c for c in self._por_avisar if c.propio is False]
                    raise
                finally:
                    self._tx = None
                avisos, self._por_avisar = self._por_avisar, []
                for cambio in avisos:
                    for oyente in list(self._oyentes):
                        oyente(cambio)
            finally:
                self._profundidad -= 1

    def actualizar(self) -> None:
        """Se pone al día con lo que otros procesos del equipo anotaron (pantalla, paneles)."""
        with self._operacion(escribir=False):
            pass

    def _cambio(self, tipo: str, datos: Mapping[str, Any], instante: datetime, llamado: Llamado | None,
                propio: bool) -> Cambio:
        turno_id = datos.get("turno_id")
        return Cambio(
            evento=tipo,
            datos=dict(datos),
            instante=instante,
            turno=self._estado.turnos[turno_id].como_dict() if turno_id in self._estado.turnos else None,
            llamado=llamado,
            espera=self._estado.espera_por_servicio(),
            propio=propio,
        )

    def _aplicar_ajeno(self, tipo: str, datos: Mapping[str, Any], instante: datetime) -> None:
        try:
            llamado = self._estado.aplicar(tipo, datos, instante)
        except TurnoInvalido:
            return
        self._por_avisar.append(self._cambio(tipo, datos, instante, llamado, propio=False))

    def _anotar(self, tipo: str, datos: dict[str, Any], usuario: str) -> Cambio:
        validar_datos(tipo, datos)
        instante = self._reloj()
        if self._tx is not None:
            self._tx.anotar(tipo, datos, usuario, instante)
        elif self._registrar is not None:
            self._registrar(tipo, datos, usuario, instante)
        self._propios += 1
        llamado = self._estado.aplicar(tipo, datos, instante)
        cambio = self._cambio(tipo, datos, instante, llamado, propio=True)
        self._por_avisar.append(cambio)
        return cambio

    def _copia(self, turno_id: str) -> Turno:
        turno = self._estado.turnos[turno_id]
        return dataclasses.replace(turno, solicitudes=list(turno.solicitudes))

    def _actual(self, ventanilla: int) -> Turno:
        turno = self._estado.actual(ventanilla)
        if turno is None:
            raise TurnoInvalido(f"La ventanilla {ventanilla} no tiene un turno llamado.")
        return turno

    def _libre(self, ventanilla: int) -> None:
        self.catalogo.ventanilla(ventanilla)
        if ventanilla in self._estado.pausadas:
            raise TurnoInvalido(f"La ventanilla {ventanilla} está en pausa: reanúdela para llamar.")
        otro = self._estado.actual(ventanilla)
        if otro is not None:
            raise TurnoInvalido(
                f"La ventanilla {ventanilla} tiene el turno {otro.codigo}: termínelo antes de llamar otro."
            )

    def emitir(
        self,
        servicio: str,
        preferencial: str | None = None,
        *,
        usuario: str = "kiosco",
        ciudadano_id: str | None = None,
    ) -> Turno:
        """Un turno nuevo para `servicio`; `preferencial` es una de CATEGORIAS_PREFERENCIALES."""
        if preferencial is not None and preferencial not in CATEGORIAS_PREFERENCIALES:
            raise TurnoInvalido(f"«{preferencial}» no es una categoría de atención preferencial.")
        with self._operacion():
            letra = self.catalogo.servicio(servicio).letra
            jornada = jornada_de(self._reloj(), self._jornada)
            numero = self._estado.siguiente_numero(jornada, letra)
            datos: dict[str, Any] = {
                "turno_id": nuevo_id(),
                "codigo": codigo_turno(letra, numero),
                "servicio": servicio,
                "numero": numero,
                "jornada": jornada,
                "preferencial": preferencial,
            }
            if ciudadano_id:
                datos["ciudadano_id"] = ciudadano_id
            self._anotar("turno.emitido", datos, usuario)
            return self._copia(datos["turno_id"])

    def llamar_siguiente(self, ventanilla: int, *, usuario: str) -> Turno | None:
        """Llama el turno que dicta la política; None si nadie espera en sus servicios."""
        with self._operacion():
            self._libre(ventanilla)
            elegido = elegir_siguiente(
                self._estado.cola(),
                self.catalogo.ventanilla(ventanilla),
                self.politica,
                self._reloj(),
                self._estado.normales_seguidos.get(ventanilla, 0),
            )
            if elegido is None:
                return None
            datos = {"turno_id": elegido.turno_id, "ventanilla": ventanilla, "fuera_de_orden": False}
            self._anotar("turno.llamado", datos, usuario)
            return self._copia(elegido.turno_id)

    def llamar_especifico(self, turno_id: str, ventanilla: int, *, usuario: str, motivo: str) -> Turno:
        """Llama un turno fuera de orden; el motivo y quien lo hizo quedan en el evento."""
        motivo = validar_motivo(motivo)
        with self._operacion():
            self._libre(ventanilla)
            turno = self._estado.turno(turno_id)
            transicion(turno.codigo, turno.estado, Accion.LLAMAR)
            datos = {"turno_id": turno_id, "ventanilla": ventanilla, "fuera_de_orden": True, "motivo": motivo}
            self._anotar("turno.llamado", datos, usuario)
            return self._copia(turno_id)

    def _en_ventanilla(self, tipo: str, accion: Accion, ventanilla: int, usuario: str, **extra: Any) -> Turno:
        with self._operacion():
            turno = self._actual(ventanilla)
            transicion(turno.codigo, turno.estado, accion)
            self._anotar(tipo, {"turno_id": turno.id, "ventanilla": ventanilla, **extra}, usuario)
            return self._copia(turno.id)

    def volver_a_llamar(self, ventanilla: int, *, usuario: str) -> Turno:
        return self._en_ventanilla("turno.rellamado", Accion.VOLVER_A_LLAMAR, ventanilla, usuario)

    def iniciar(self, ventanilla: int, *, usuario: str) -> Turno:
        return self._en_ventanilla("turno.atencion_iniciada", Accion.INICIAR, ventanilla, usuario)

    def no_se_presento(self, ventanilla: int, *, usuario: str) -> Turno:
        return self._en_ventanilla("turno.no_se_presento", Accion.NO_SE_PRESENTO, ventanilla, usuario)

    def finalizar(self, ventanilla: int, *, usuario: str, servicio_prestado: str | None = None) -> Turno:
        """Termina la atención y anota el servicio que de verdad se prestó."""
        with self._operacion():
            prestado = servicio_prestado or self._actual(ventanilla).servicio
            self.catalogo.servicio(prestado)
            return self._en_ventanilla(
                "turno.finalizado", Accion.FINALIZAR, ventanilla, usuario, servicio_prestado=prestado
            )

    def transferir(
        self, ventanilla: int, *, usuario: str, servicio: str | None = None, a_ventanilla: int | None = None
    ) -> Turno:
        """Devuelve el turno a la cola de otro servicio, o de otra ventanilla concreta."""
        with self._operacion():
            turno = self._actual(ventanilla)
            destino = servicio or turno.servicio
            self.catalogo.servicio(destino)
            if a_ventanilla is not None:
                self.catalogo.ventanilla(a_ventanilla)
            if destino == turno.servicio and a_ventanilla in (None, ventanilla):
                raise TurnoInvalido("Elija otro servicio u otra ventanilla para transferir el turno.")
            return self._en_ventanilla(
                "turno.transferido",
                Accion.TRANSFERIR,
                ventanilla,
                usuario,
                servicio=destino,
                ventanilla_destino=a_ventanilla,
            )

    def devolver(self, ventanilla: int, *, usuario: str) -> Turno:
        """Devuelve el turno llamado a la cola, al final."""
        with self._operacion():
            turno = self._actual(ventanilla)
            transicion(turno.codigo, turno.estado, Accion.DEVOLVER)
            self._anotar("turno.devuelto", {"turno_id": turno.id}, usuario)
            return self._copia(turno.id)

    def pausar(self, ventanilla: int, *, usuario: str, motivo: str = "Pausa") -> None:
        with self._operacion():
            self.catalogo.ventanilla(ventanilla)
            self._anotar("ventanilla.pausada", {"ventanilla": ventanilla, "motivo": motivo}, usuario)

    def reanudar(self, ventanilla: int, *, usuario: str) -> None:
        with self._operacion():
            self.catalogo.ventanilla(ventanilla)
            self._anotar("ventanilla.reanudada", {"ventanilla": ventanilla}, usuario)

    def vincular_radicado(self, ventanilla: int, solicitud_id: str, *, usuario: str) -> Turno:
        """Une al turno en atención la solicitud radicada mientras se le atendía."""
        with self._operacion():
            turno = self._actual(ventanilla)
            self._anotar("turno.radicado_vinculado", {"turno_id": turno.id, "solicitud_id": solicitud_id}, usuario)
            return self._copia(turno.id)
