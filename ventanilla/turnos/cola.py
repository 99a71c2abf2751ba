"""El estado de la cola de turnos, construido aplicando eventos de turno uno tras otro.

Es la misma proyección en el portátil de una brigada (la cola entera en un equipo) y en el
servidor de la sede (la cola compartida): al arrancar se reconstruye con los eventos de la
jornada, y luego cada evento nuevo se aplica después de quedar anotado. `aplicar` comprueba todo
antes de cambiar nada, así un evento que no cabe deja el estado intacto.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ventanilla.dominio.turnos import (
    Accion,
    EnEspera,
    EstadoTurno,
    TurnoInvalido,
    transicion,
)

__all__ = ["ACCION_DE_EVENTO", "EstadoCola", "Llamado", "Turno"]

ACCION_DE_EVENTO: dict[str, Accion] = {
    "turno.llamado": Accion.LLAMAR,
    "turno.rellamado": Accion.VOLVER_A_LLAMAR,
    "turno.atencion_iniciada": Accion.INICIAR,
    "turno.no_se_presento": Accion.NO_SE_PRESENTO,
    "turno.finalizado": Accion.FINALIZAR,
    "turno.transferido": Accion.TRANSFERIR,
    "turno.devuelto": Accion.DEVOLVER,
}


@dataclass
class Turno:
    """Un turno y su historia en la jornada."""

    id: str
    codigo: str
    servicio: str
    numero: int
    jornada: str
    preferencial: str | None
    emitido_en: datetime
    desde: datetime
    orden: int
    estado: EstadoTurno = EstadoTurno.EN_ESPERA
    ventanilla: int | None = None
    ventanilla_destino: int | None = None
    llamado_en: datetime | None = None
    iniciado_en: datetime | None = None
    terminado_en: datetime | None = None
    llamadas: int = 0
    servicio_prestado: str | None = None
    solicitudes: list[str] = field(default_factory=list)

    def en_espera(self) -> EnEspera:
        return EnEspera(
            turno_id=self.id,
            servicio=self.servicio,
            preferencial=self.preferencial is not None,
            desde=self.desde,
            orden=self.orden,
            ventanilla=self.ventanilla_destino,
        )

    def como_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "codigo": self.codigo,
            "servicio": self.servicio,
            "preferencial": self.preferencial,
            "estado": self.estado.value,
            "ventanilla": self.ventanilla,
            "emitido_en": self.emitido_en.isoformat(),
            "llamadas": self.llamadas,
            "solicitudes": list(self.solicitudes),
        }


@dataclass(frozen=True)
class Llamado:
    """Un llamado a la sala: lo que muestra la pantalla y lo que se anuncia en voz alta."""

    secuencia: int
    turno_id: str
    codigo: str
    ventanilla: int
    preferencial: bool
    rellamado: bool
    instante: datetime

    def como_dict(self) -> dict[str, Any]:
        return {
            "secuencia": self.secuencia,
            "turno_id": self.turno_id,
            "codigo": self.codigo,
            "ventanilla": self.ventanilla,
            "preferencial": self.preferencial,
            "rellamado": self.rellamado,
            "instante": self.instante.isoformat(),
        }

    @classmethod
    def desde_dict(cls, d: Mapping[str, Any]) -> Llamado:
        return cls(
            secuencia=int(d["secuencia"]),
            turno_id=str(d["turno_id"]),
            codigo=str(d["codigo"]),
            ventanilla=int(d["ventanilla"]),
            preferencial=bool(d["preferencial"]),
            rellamado=bool(d["rellamado"]),
            instante=datetime.fromisoformat(str(d["instante"])),
        )


@dataclass
class EstadoCola:
    """Turnos, ventanillas ocupadas o en pausa, y los llamados hechos, según los eventos."""

    turnos: dict[str, Turno] = field(default_factory=dict)
    ocupadas: dict[int, str] = field(default_factory=dict)
    pausadas: dict[int, str] = field(default_factory=dict)
    normales_seguidos: dict[int, int] = field(default_factory=dict)
    llamados: list[Llamado] = field(default_factory=list)
    numeros: dict[tuple[str, str], int] = field(default_factory=dict)
    _orden: int = 0
    _esperan: dict[str, None] = field(default_factory=dict, compare=False, repr=False)
    """Los turnos en espera, en orden de llegada (un conjunto ordenado): la cola sin recorrer el día."""

    @classmethod
    def desde_eventos(cls, eventos: Iterable[tuple[str, Mapping[str, Any], datetime]]) -> EstadoCola:
        estado = cls()
        for tipo, datos, instante in eventos:
            estado.aplicar(tipo, datos, instante)
        return estado

    def siguiente_numero(self, jornada: str, letra: str) -> int:
        return self.numeros.get((jornada, letra), 0) + 1

    def turno(self, turno_id: str) -> Turno:
        try:
            return self.turnos[turno_id]
        except KeyError:
            raise TurnoInvalido("Ese turno no existe en esta jornada.") from None

    def actual(self, ventanilla: int) -> Turno | None:
        """El turno llamado o en atención en la ventanilla."""
        turno_id = self.ocupadas.get(ventanilla)
        return self.turnos[turno_id] if turno_id else None

    def en_espera(self) -> list[Turno]:
        """Los turnos que esperan, en orden de llegada a la cola."""
        return sorted((self.turnos[t] for t in self._esperan), key=lambda t: t.orden)

    def cola(self) -> list[EnEspera]:
        return [self.turnos[t].en_espera() for t in self._esperan]

    def espera_por_servicio(self) -> dict[str, int]:
        cuentas: dict[str, int] = {}
        for turno_id in self._esperan:
            servicio = self.turnos[turno_id].servicio
            cuentas[servicio] = cuentas.get(servicio, 0) + 1
        return cuentas

    def ultimos_llamados(self, n: int = 5) -> list[Llamado]:
        return list(reversed(self.llamados[-n:]))

    def aplicar(self, tipo: str, datos: Mapping[str, Any], instante: datetime) -> Llamado | None:
        """Aplica un evento; devuelve el llamado a la sala si el evento lo produce."""
        if tipo == "turno.emitido":
            self._emitir(datos, instante)
            return None
        if tipo == "ventanilla.pausada":
            self.pausadas[int(datos["ventanilla"])] = str(datos["motivo"])
            return None
        if tipo == "ventanilla.reanudada":
            self.pausadas.pop(int(datos["ventanilla"]), None)
            return None
        if tipo == "turno.radicado_vinculado":
            self.turno(str(datos["turno_id"])).solicitudes.append(str(datos["solicitud_id"]))
            return None
        accion = ACCION_DE_EVENTO.get(tipo)
        if accion is None:
            raise TurnoInvalido(f"El evento «{tipo}» no es de turnos.")
        return self._mover(accion, datos, instante)

    def _emitir(self, datos: Mapping[str, Any], instante: datetime) -> None:
        turno_id = str(datos["turno_id"])
        if turno_id in self.turnos:
            raise TurnoInvalido(f"El turno {datos['codigo']} ya fue emitido.")
        jornada, codigo, numero = str(datos["jornada"]), str(datos["codigo"]), int(datos["numero"])
        letra = codigo.partition("-")[0]
        self._orden += 1
        self.turnos[turno_id] = Turno(
            id=turno_id,
            codigo=codigo,
            servicio=str(datos["servicio"]),
            numero=numero,
            jornada=jornada,
            preferencial=datos["preferencial"],
            emitido_en=instante,
            desde=instante,
            orden=self._orden,
        )
        self.numeros[(jornada, letra)] = max(numero, self.numeros.get((jornada, letra), 0))
        self._esperan[turno_id] = None

    def _mover(self, accion: Accion, datos: Mapping[str, Any], instante: datetime) -> Llamado | None:
        turno = self.turno(str(datos["turno_id"]))
        nuevo = transicion(turno.codigo, turno.estado, accion)
        ventanilla = datos.get("ventanilla")
        if accion is Accion.LLAMAR:
            numero = int(ventanilla)  # type: ignore[arg-type]
            otro = self.ocupadas.get(numero)
            if otro is not None:
                raise TurnoInvalido(
                    f"La ventanilla {numero} tiene el turno {self.turnos[otro].codigo}: "
                    "termínelo antes de llamar otro."
                )
            self.ocupadas[numero] = turno.id
            turno.ventanilla, turno.ventanilla_destino = numero, None
            turno.llamado_en, turno.llamadas = instante, turno.llamadas + 1
            if turno.preferencial is None:
                self.normales_seguidos[numero] = self.normales_seguidos.get(numero, 0) + 1
            else:
                self.normales_seguidos[numero] = 0
        elif ventanilla is not None and turno.ventanilla != int(ventanilla):
            raise TurnoInvalido(f"El turno {turno.codigo} no está en la ventanilla {ventanilla}.")
        turno.estado = nuevo
        self._esperan.pop(turno.id, None)
        if nuevo is EstadoTurno.EN_ESPERA:
            self._esperan[turno.id] = None
        if accion is Accion.VOLVER_A_LLAMAR:
            turno.llamadas += 1
        elif accion is Accion.INICIAR:
            turno.iniciado_en = instante
        elif accion in (Accion.FINALIZAR, Accion.NO_SE_PRESENTO):
            turno.terminado_en = instante
            if accion is Accion.FINALIZAR:
                turno.servicio_prestado = str(datos.get("servicio_prestado") or turno.servicio)
            self._liberar(turno)
        elif accion in (Accion.TRANSFERIR, Accion.DEVOLVER):
            self._liberar(turno)
            self._orden += 1
            turno.desde, turno.orden = instante, self._orden
            turno.servicio = str(datos.get("servicio") or turno.servicio)
            destino = datos.get("ventanilla_destino")
            turno.ventanilla_destino = int(destino) if destino is not None else None
            turno.ventanilla = None
        if accion in (Accion.LLAMAR, Accion.VOLVER_A_LLAMAR):
            llamado = Llamado(
                secuencia=len(self.llamados) + 1,
                turno_id=turno.id,
                codigo=turno.codigo,
                ventanilla=int(turno.ventanilla or 0),
                preferencial=turno.preferencial is not None,
                rellamado=accion is Accion.VOLVER_A_LLAMAR,
                instante=instante,
            )
            self.llamados.append(llamado)
            return llamado
        return None

    def _liberar(self, turno: Turno) -> None:
        if turno.ventanilla is not None and self.ocupadas.get(turno.ventanilla) == turno.id:
            del self.ocupadas[turno.ventanilla]
