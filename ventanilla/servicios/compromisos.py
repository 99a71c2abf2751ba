"""Los compromisos que la administración adquiere con la comunidad en una jornada, y su seguimiento.

Se anotan en el sitio (qué, qué dependencia responde, para cuándo) y se siguen después con los
tres estados con que el Concejo de Manizales los revisa: sin iniciar, en curso, cumplido.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos_jornadas import CompromisoFila
from ventanilla.datos.registro import anotar
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.jornadas import EstadoJornada, validar_compromiso, validar_estado_compromiso
from ventanilla.servicios.errores import NoEncontrado
from ventanilla.servicios.jornadas import jornada_en
from ventanilla.servicios.usuarios import usuario_activo

__all__ = ["Compromiso", "actualizar_compromiso", "adquirir_compromiso", "compromisos"]


@dataclass(frozen=True)
class Compromiso:
    id: str
    jornada_id: str
    descripcion: str
    dependencia: str
    vence_el: date
    estado: str
    nota: str
    actualizado_el: date | None

    def como_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "jornada_id": self.jornada_id,
            "descripcion": self.descripcion,
            "dependencia": self.dependencia,
            "vence_el": self.vence_el.isoformat(),
            "estado": self.estado,
            "nota": self.nota,
            "actualizado_el": self.actualizado_el.isoformat() if self.actualizado_el else None,
        }


def _compromiso(fila: CompromisoFila) -> Compromiso:
    return Compromiso(fila.id, fila.jornada_id, fila.descripcion, fila.dependencia, fila.vence_el, fila.estado,
                      fila.nota, fila.actualizado_el)


def adquirir_compromiso(
    almacen: Almacen, jornada_id: str, datos: Mapping[str, Any], *, usuario: str, ahora: datetime | None = None
) -> Compromiso:
    """Anota un compromiso de una jornada abierta o ya cerrada (se puede pasar del acta después)."""
    nuevo = validar_compromiso(datos, dependencias=almacen.dependencias())
    compromiso_id = nuevo_id()
    with almacen.escribir() as sesion:
        usuario_activo(sesion, usuario)
        jornada_en(sesion, jornada_id, EstadoJornada.ABIERTA, EstadoJornada.CERRADA, que="anotar compromisos")
        anotar(
            sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo="compromiso.adquirido",
            ahora=(ahora or datetime.now(UTC)),
            datos={
                "compromiso_id": compromiso_id,
                "jornada_id": jornada_id,
                "descripcion": nuevo.descripcion,
                "dependencia": nuevo.dependencia,
                "vence_el": nuevo.vence_el.isoformat(),
            },
        )
        fila = sesion.get(CompromisoFila, compromiso_id)
        assert fila is not None
        return _compromiso(fila)


def actualizar_compromiso(
    almacen: Almacen, compromiso_id: str, estado: str, *, nota: str = "", usuario: str, ahora: datetime | None = None
) -> Compromiso:
    """Cambia el estado de un compromiso (sin iniciar, en curso, cumplido) con una nota del avance."""
    nuevo = validar_estado_compromiso(estado)
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    with almacen.escribir() as sesion:
        usuario_activo(sesion, usuario)
        fila = sesion.get(CompromisoFila, compromiso_id)
        if fila is None:
            raise NoEncontrado(f"El compromiso {compromiso_id} no está en este equipo.")
        anotar(
            sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo="compromiso.actualizado",
            ahora=momento,
            datos={"compromiso_id": compromiso_id, "estado": nuevo.value, "nota": nota.strip(),
                   "fecha": momento.astimezone(BOGOTA).date().isoformat()},
        )
        return _compromiso(fila)


def compromisos(almacen: Almacen, jornada_id: str | None = None) -> list[Compromiso]:
    """Los compromisos (de una jornada o de todas), por fecha de vencimiento."""
    with almacen.leer() as sesion:
        consulta = select(CompromisoFila).order_by(CompromisoFila.vence_el, CompromisoFila.adquirido_en)
        if jornada_id:
            consulta = consulta.where(CompromisoFila.jornada_id == jornada_id)
        return [_compromiso(f) for f in sesion.scalars(consulta)]
