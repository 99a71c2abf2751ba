"""Las jornadas de «Gobierno en la Calle»: programarlas, prepararlas, abrirlas y cerrarlas.

Un supervisor programa la jornada con conexión; al «preparar para salir» el equipo descarga lo
que necesita (lo hace la sincronización) y se anota la lista de chequeo. En el sitio, sin red,
se abre y se cierra: cada paso es un evento, así que llega al servidor como todo lo demás.
La lista de asistencia, las encuestas y los compromisos tienen sus módulos; el resumen para el
informe de cierre está en `servicios/cierre_jornada.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Comuna
from ventanilla.datos.modelos_jornadas import JornadaFila
from ventanilla.datos.registro import anotar
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.jornadas import (
    AccionJornada,
    EstadoJornada,
    JornadaInvalida,
    pendientes_chequeo,
    transicion_jornada,
    validar_chequeo,
    validar_jornada,
)
from ventanilla.servicios.errores import AccionNoPermitida, NoEncontrado
from ventanilla.servicios.usuarios import exigir_rol, usuario_activo
from ventanilla.sincronizacion.errores import ErrorDeSincronizacion
from ventanilla.sincronizacion.motor import sincronizar
from ventanilla.turnos.catalogo import servicios_semilla

__all__ = [
    "ROLES_PROGRAMAR",
    "Jornada",
    "abrir_jornada",
    "catalogo_comunas",
    "catalogo_servicios",
    "cerrar_jornada",
    "exigir_jornada",
    "jornada",
    "jornada_en",
    "jornadas",
    "preparar_jornada",
    "programar_jornada",
    "sincronizar_para_salir",
]

ROLES_PROGRAMAR = ("supervisor", "administrador")


@dataclass(frozen=True)
class Jornada:
    id: str
    nombre: str
    fecha: date
    lugar: str
    comuna: str
    dependencias: tuple[str, ...]
    servicios: tuple[str, ...]
    equipo: tuple[str, ...]
    portatiles: int
    estado: str
    chequeo: dict[str, bool]
    abierta_en: datetime | None
    cerrada_en: datetime | None

    @property
    def pendientes(self) -> list[str]:
        """Los ítems de la lista de chequeo sin marcar."""
        return pendientes_chequeo(self.chequeo)

    def como_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "nombre": self.nombre,
            "fecha": self.fecha.isoformat(),
            "lugar": self.lugar,
            "comuna": self.comuna,
            "dependencias": list(self.dependencias),
            "servicios": list(self.servicios),
            "equipo": list(self.equipo),
            "portatiles": self.portatiles,
            "estado": self.estado,
            "chequeo": self.chequeo,
            "abierta_en": self.abierta_en.isoformat() if self.abierta_en else None,
            "cerrada_en": self.cerrada_en.isoformat() if self.cerrada_en else None,
        }


def _jornada(fila: JornadaFila) -> Jornada:
    return Jornada(
        id=fila.id,
        nombre=fila.nombre,
        fecha=fila.fecha,
        lugar=fila.lugar,
        comuna=fila.comuna,
        dependencias=tuple(fila.dependencias),
        servicios=tuple(fila.servicios),
        equipo=tuple(fila.equipo),
        portatiles=fila.portatiles,
        estado=fila.estado,
        chequeo=dict(fila.chequeo or {}),
        abierta_en=fila.abierta_en,
        cerrada_en=fila.cerrada_en,
    )


def catalogo_servicios() -> dict[str, str]:
    """Los servicios que se pueden ofrecer en una jornada, {clave: nombre}."""
    return {s.clave: s.nombre for s in servicios_semilla()}


def catalogo_comunas(almacen: Almacen) -> dict[str, str]:
    """Comunas y corregimientos de la ciudad, {código: nombre}."""
    with almacen.leer() as sesion:
        return {c: n for c, n in sesion.execute(select(Comuna.codigo, Comuna.nombre).order_by(Comuna.codigo))}


def exigir_jornada(sesion: Session, jornada_id: str) -> JornadaFila:
    fila = sesion.get(JornadaFila, jornada_id)
    if fila is None:
        raise NoEncontrado(f"La jornada {jornada_id} no está en este equipo: sincronice antes de salir.")
    return fila


def _momento(ahora: datetime | None) -> datetime:
    return (ahora or datetime.now(UTC)).astimezone(UTC)


def programar_jornada(
    almacen: Almacen, datos: Mapping[str, Any], *, usuario: str, ahora: datetime | None = None
) -> Jornada:
    """Programa una jornada (supervisor). Lanza JornadaInvalida con lo que hay que corregir."""
    nueva = validar_jornada(
        datos,
        comunas=catalogo_comunas(almacen),
        dependencias=almacen.dependencias(),
        servicios=catalogo_servicios(),
    )
    jornada_id = nuevo_id()
    with almacen.escribir() as sesion:
        exigir_rol(usuario_activo(sesion, usuario), ROLES_PROGRAMAR, "programar una jornada")
        anotar(
            sesion,
            dispositivo=almacen.ajustes.dispositivo,
            usuario=usuario,
            tipo="jornada.programada",
            ahora=_momento(ahora),
            datos={
                "jornada_id": jornada_id,
                "nombre": nueva.nombre,
                "fecha": nueva.fecha.isoformat(),
                "lugar": nueva.lugar,
                "comuna": nueva.comuna,
                "dependencias": list(nueva.dependencias),
                "servicios": list(nueva.servicios),
                "equipo": list(nueva.equipo),
                "portatiles": nueva.portatiles,
            },
        )
        return _jornada(exigir_jornada(sesion, jornada_id))


def _paso(
    almacen: Almacen,
    jornada_id: str,
    accion: AccionJornada,
    tipo: str,
    *,
    usuario: str,
    ahora: datetime | None,
    extra: Mapping[str, Any] | None = None,
) -> Jornada:
    with almacen.escribir() as sesion:
        usuario_activo(sesion, usuario)
        fila = exigir_jornada(sesion, jornada_id)
        try:
            transicion_jornada(fila.estado, accion)
        except JornadaInvalida as error:
            raise AccionNoPermitida(str(error)) from None
        anotar(
            sesion,
            dispositivo=almacen.ajustes.dispositivo,
            usuario=usuario,
            tipo=tipo,
            ahora=_momento(ahora),
            datos={"jornada_id": jornada_id, **(extra or {})},
        )
        return _jornada(fila)


def preparar_jornada(
    almacen: Almacen,
    jornada_id: str,
    chequeo: Mapping[str, Any],
    *,
    usuario: str,
    ahora: datetime | None = None,
) -> Jornada:
    """Anota la lista de chequeo de «preparar para salir»; los ítems sin marcar quedan pendientes.

    Descargar catálogos, usuarios y la jornada es trabajo de la sincronización, que se corre
    antes; aquí solo queda constancia de cómo salió el equipo.
    """
    lista = validar_chequeo(chequeo)
    return _paso(almacen, jornada_id, AccionJornada.PREPARAR, "jornada.preparada", usuario=usuario, ahora=ahora,
                 extra={"chequeo": lista})


def abrir_jornada(almacen: Almacen, jornada_id: str, *, usuario: str, ahora: datetime | None = None) -> Jornada:
    return _paso(almacen, jornada_id, AccionJornada.ABRIR, "jornada.abierta", usuario=usuario, ahora=ahora)


def cerrar_jornada(almacen: Almacen, jornada_id: str, *, usuario: str, ahora: datetime | None = None) -> Jornada:
    return _paso(almacen, jornada_id, AccionJornada.CERRAR, "jornada.cerrada", usuario=usuario, ahora=ahora)


def jornadas(almacen: Almacen, *, estados: tuple[str, ...] = ()) -> list[Jornada]:
    """Las jornadas de este equipo, de la más reciente a la más vieja."""
    with almacen.leer() as sesion:
        consulta = select(JornadaFila).order_by(JornadaFila.fecha.desc(), JornadaFila.programada_en.desc())
        if estados:
            consulta = consulta.where(JornadaFila.estado.in_(estados))
        return [_jornada(f) for f in sesion.scalars(consulta)]


def jornada(almacen: Almacen, jornada_id: str) -> Jornada:
    with almacen.leer() as sesion:
        return _jornada(exigir_jornada(sesion, jornada_id))


def jornada_en(sesion: Session, jornada_id: str, *estados: EstadoJornada, que: str) -> JornadaFila:
    """La jornada, si está en uno de `estados`; si no, AccionNoPermitida diciendo qué hacer."""
    fila = exigir_jornada(sesion, jornada_id)
    if fila.estado not in estados:
        permitidos = " o ".join(e.value for e in estados)
        raise AccionNoPermitida(f"Para {que} la jornada debe estar {permitidos}; está {fila.estado}.")
    return fila


def sincronizar_para_salir(almacen: Almacen) -> tuple[bool, str]:
    """Descarga catálogos, usuarios y jornadas y envía lo pendiente; (quedó al día, qué pasó).

    Es el ítem «almacén sincronizado» de la lista de chequeo: sin red o sin inscripción el equipo
    puede salir igual, pero la lista lo deja pendiente y lo dice.
    """
    try:
        resumen = sincronizar(almacen)
    except ErrorDeSincronizacion as error:
        return False, f"No se pudo sincronizar: {error}"
    if resumen.pendientes:
        return False, f"Sincronizado, pero quedan {resumen.pendientes} eventos por enviar."
    return True, f"Almacén al día con el servidor ({resumen.enviados} enviados, {resumen.recibidos} recibidos)."
