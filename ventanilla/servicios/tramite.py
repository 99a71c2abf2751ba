"""El trámite de una solicitud radicada: asignar, trasladar, ampliar, marcar incompleta,
completar, responder, cerrar, desistir, y la anulación en dos pasos.

Cada acción es un evento; las reglas de la ley (ampliar antes del vencimiento, reanudar el
término tras completar...) vienen de `dominio.terminos`. La anulación la pide cualquier
funcionario con su justificación y la aprueba (o rechaza) la unidad de correspondencia; quien
tiene ese rol puede hacer ambas cosas a la vez. El número anulado queda usado para siempre.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import Ajustes, calendario_de
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Dependencia, SolicitudFila, Usuario
from ventanilla.datos.registro import anotar
from ventanilla.dominio import terminos
from ventanilla.dominio.calendario import BOGOTA, Calendario
from ventanilla.dominio.solicitudes import SENTIDOS_RESPUESTA, buscar_en_catalogo
from ventanilla.dominio.terminos import EstadoSolicitud as E
from ventanilla.servicios.errores import AccionNoPermitida, NoEncontrado, PermisoDenegado
from ventanilla.servicios.usuarios import puede_aprobar_anulaciones, usuario_activo

__all__ = [
    "asignar",
    "trasladar",
    "ampliar",
    "marcar_incompleta",
    "completar",
    "responder",
    "cerrar",
    "desistir",
    "solicitar_anulacion",
    "resolver_anulacion",
    "anular",
]

_ABIERTOS = {E.RADICADA, E.ASIGNADA}


def _buscar(sesion: Session, radicado: str) -> SolicitudFila:
    fila = sesion.scalar(select(SolicitudFila).where(SolicitudFila.radicado == radicado.strip().upper()))
    if fila is None:
        raise NoEncontrado(f"No hay ninguna solicitud con el radicado «{radicado}» en este equipo.")
    return fila


def _exigir_estado(fila: SolicitudFila, permitidos: set[E], accion: str) -> None:
    if fila.estado not in permitidos:
        raise AccionNoPermitida(f"No se puede {accion} la solicitud {fila.radicado}: está {fila.estado}.")


Accion = Callable[[Session, SolicitudFila, Usuario, Calendario, Ajustes, date], Mapping[str, Any]]


def _ejecutar(
    almacen: Almacen,
    radicado: str,
    usuario: str,
    pasos: list[tuple[str, Accion]],
    ahora: datetime | None,
) -> SolicitudFila:
    """Corre una o más acciones en una sola transacción; cada acción valida y devuelve los
    datos de su evento."""
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    hoy = momento.astimezone(BOGOTA).date()
    ajustes = almacen.ajustes
    with almacen.escribir() as sesion:
        quien = usuario_activo(sesion, usuario)
        fila = _buscar(sesion, radicado)
        calendario = calendario_de(sesion, ajustes)
        for tipo, accion in pasos:
            datos = accion(sesion, fila, quien, calendario, ajustes, hoy)
            anotar(
                sesion,
                dispositivo=ajustes.dispositivo,
                usuario=usuario,
                tipo=tipo,
                datos={"solicitud_id": fila.id, **datos},
                ahora=momento,
            )
        return fila


def asignar(almacen: Almacen, radicado: str, dependencia: str, *, usuario: str, ahora: datetime | None = None) -> SolicitudFila:
    def accion(sesion: Session, fila: SolicitudFila, *_: Any) -> Mapping[str, Any]:
        _exigir_estado(fila, _ABIERTOS, "asignar")
        catalogo = {c: n for c, n in sesion.execute(select(Dependencia.codigo, Dependencia.nombre))}
        codigo = buscar_en_catalogo(dependencia, catalogo)
        if codigo is None:
            raise AccionNoPermitida(f"La dependencia «{dependencia}» no está en el catálogo.")
        return {"dependencia": codigo}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.asignada", accion)], ahora)


def trasladar(
    almacen: Almacen, radicado: str, entidad_destino: str, *, usuario: str, ahora: datetime | None = None
) -> SolicitudFila:
    """Traslado por competencia (art. 21): el término sigue en la otra autoridad."""

    def accion(sesion: Session, fila: SolicitudFila, _u: Usuario, cal: Calendario, _a: Ajustes, hoy: date) -> Mapping[str, Any]:
        _exigir_estado(fila, _ABIERTOS | {E.INCOMPLETA}, "trasladar")
        if not entidad_destino.strip():
            raise AccionNoPermitida("Escriba a qué autoridad se traslada la solicitud.")
        limite = terminos.limite_traslado(fila.recibido_en, cal)
        return {"entidad_destino": entidad_destino.strip(), "fecha": hoy.isoformat(), "a_tiempo": hoy <= limite}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.trasladada", accion)], ahora)


def ampliar(
    almacen: Almacen, radicado: str, nueva_fecha: date, motivo: str, *, usuario: str, ahora: datetime | None = None
) -> SolicitudFila:
    def accion(sesion: Session, fila: SolicitudFila, _u: Usuario, cal: Calendario, _a: Ajustes, hoy: date) -> Mapping[str, Any]:
        _exigir_estado(fila, _ABIERTOS, "ampliar el término de")
        if not motivo.strip():
            raise AccionNoPermitida("Escriba el motivo de la ampliación: se comunica al ciudadano.")
        if fila.vence_el is None:
            raise AccionNoPermitida("Esta solicitud no tiene término que ampliar.")
        try:
            nueva = terminos.ampliar(
                fila.tipo, fila.recibido_en, fila.vence_el, nueva_fecha, hoy, cal, ya_ampliada=fila.ampliada
            )
        except terminos.ErrorDeTermino as error:
            raise AccionNoPermitida(str(error)) from None
        return {"vence_el": nueva.isoformat(), "motivo": motivo.strip(), "fecha": hoy.isoformat()}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.ampliada", accion)], ahora)


def marcar_incompleta(
    almacen: Almacen, radicado: str, faltante: str, *, usuario: str, ahora: datetime | None = None
) -> SolicitudFila:
    """Requerimiento al ciudadano para completar (art. 17): el término queda suspendido."""

    def accion(sesion: Session, fila: SolicitudFila, _u: Usuario, cal: Calendario, _a: Ajustes, hoy: date) -> Mapping[str, Any]:
        _exigir_estado(fila, _ABIERTOS, "marcar como incompleta")
        if not faltante.strip():
            raise AccionNoPermitida("Escriba qué le falta a la petición: se le comunica al ciudadano.")
        limite = terminos.limite_requerimiento(fila.recibido_en, cal)
        if hoy > limite:
            raise AccionNoPermitida(
                f"El requerimiento para completar debía hacerse a más tardar el {limite.isoformat()} "
                "(10 días desde la radicación)."
            )
        return {"fecha": hoy.isoformat(), "faltante": faltante.strip()}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.incompleta", accion)], ahora)


def completar(almacen: Almacen, radicado: str, *, usuario: str, ahora: datetime | None = None) -> SolicitudFila:
    """El ciudadano completó: el término se reactiva al día siguiente (con los días que quedaban)."""

    def accion(sesion: Session, fila: SolicitudFila, _u: Usuario, cal: Calendario, aj: Ajustes, hoy: date) -> Mapping[str, Any]:
        _exigir_estado(fila, {E.INCOMPLETA}, "completar")
        assert fila.requerimiento_el is not None and fila.vence_el is not None
        nueva = terminos.reanudar_tras_completar(
            fila.vence_el, fila.requerimiento_el, hoy, cal, tipo=fila.tipo, reiniciar=aj.reiniciar_termino_incompleta
        )
        return {"fecha": hoy.isoformat(), "vence_el": nueva.isoformat()}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.completada", accion)], ahora)


def responder(
    almacen: Almacen,
    radicado: str,
    medio: str,
    resumen: str = "",
    *,
    usuario: str,
    sentido: str = "concedida",
    ahora: datetime | None = None,
) -> SolicitudFila:
    def accion(sesion: Session, fila: SolicitudFila, _u: Usuario, _c: Calendario, _a: Ajustes, hoy: date) -> Mapping[str, Any]:
        _exigir_estado(fila, _ABIERTOS, "responder")
        if sentido not in SENTIDOS_RESPUESTA:
            raise AccionNoPermitida(f"El sentido «{sentido}» no existe: use {', '.join(SENTIDOS_RESPUESTA)}.")
        return {"fecha": hoy.isoformat(), "medio": medio.strip() or "escrito", "resumen": resumen.strip(), "sentido": sentido}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.respondida", accion)], ahora)


def cerrar(almacen: Almacen, radicado: str, *, usuario: str, ahora: datetime | None = None) -> SolicitudFila:
    def accion(sesion: Session, fila: SolicitudFila, _u: Usuario, _c: Calendario, _a: Ajustes, hoy: date) -> Mapping[str, Any]:
        _exigir_estado(fila, {E.RESPONDIDA, E.TRASLADADA}, "cerrar")
        return {"fecha": hoy.isoformat()}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.cerrada", accion)], ahora)


def desistir(almacen: Almacen, radicado: str, acto: str, *, usuario: str, ahora: datetime | None = None) -> SolicitudFila:
    """Desistimiento tácito: solo con el acto motivado notificado, vencido el plazo para completar."""

    def accion(sesion: Session, fila: SolicitudFila, _u: Usuario, _c: Calendario, _a: Ajustes, hoy: date) -> Mapping[str, Any]:
        _exigir_estado(fila, {E.INCOMPLETA}, "declarar el desistimiento de")
        assert fila.requerimiento_el is not None
        if not terminos.candidata_a_desistimiento(fila.requerimiento_el, hoy):
            limite = terminos.limite_para_completar(fila.requerimiento_el)
            raise AccionNoPermitida(f"El ciudadano tiene hasta el {limite.isoformat()} para completar.")
        if not acto.strip():
            raise AccionNoPermitida("Escriba el número del acto motivado que declara el desistimiento.")
        return {"fecha": hoy.isoformat(), "acto": acto.strip()}

    return _ejecutar(almacen, radicado, usuario, [("solicitud.desistida", accion)], ahora)


def _pedir_anulacion(justificacion: str) -> Accion:
    def accion(sesion: Session, fila: SolicitudFila, *_: Any) -> Mapping[str, Any]:
        if fila.estado == E.ANULADA:
            raise AccionNoPermitida(f"El radicado {fila.radicado} ya está anulado.")
        if fila.anulacion_pendiente:
            raise AccionNoPermitida(f"El radicado {fila.radicado} ya tiene una anulación pendiente de aprobar.")
        if len(justificacion.strip()) < 10:
            raise AccionNoPermitida("Escriba la justificación de la anulación (al menos 10 caracteres).")
        return {"justificacion": justificacion.strip()}

    return accion


def _resolver_anulacion(aprobar: bool, motivo: str) -> Accion:
    def accion(sesion: Session, fila: SolicitudFila, quien: Usuario, _c: Calendario, aj: Ajustes, _h: date) -> Mapping[str, Any]:
        if not puede_aprobar_anulaciones(quien, aj):
            raise PermisoDenegado(
                f"Solo la unidad de correspondencia aprueba o rechaza anulaciones; «{quien.login}» puede "
                "pedirla, no resolverla."
            )
        if not fila.anulacion_pendiente:
            raise AccionNoPermitida(f"El radicado {fila.radicado} no tiene ninguna anulación pendiente.")
        return {"motivo": motivo.strip() or ("Aprobada" if aprobar else "Rechazada")}

    return accion


def solicitar_anulacion(
    almacen: Almacen, radicado: str, justificacion: str, *, usuario: str, ahora: datetime | None = None
) -> SolicitudFila:
    return _ejecutar(almacen, radicado, usuario, [("anulacion.solicitada", _pedir_anulacion(justificacion))], ahora)


def resolver_anulacion(
    almacen: Almacen, radicado: str, aprobar: bool, motivo: str, *, usuario: str, ahora: datetime | None = None
) -> SolicitudFila:
    """La unidad de correspondencia aprueba o rechaza una anulación pedida."""
    tipo = "anulacion.aprobada" if aprobar else "anulacion.rechazada"
    return _ejecutar(almacen, radicado, usuario, [(tipo, _resolver_anulacion(aprobar, motivo))], ahora)


def anular(
    almacen: Almacen, radicado: str, justificacion: str, *, usuario: str, ahora: datetime | None = None
) -> SolicitudFila:
    """Pide y aprueba en una sola transacción; solo para quien tiene el rol de correspondencia."""
    pasos = [
        ("anulacion.solicitada", _pedir_anulacion(justificacion)),
        ("anulacion.aprobada", _resolver_anulacion(True, justificacion)),
    ]
    return _ejecutar(almacen, radicado, usuario, pasos, ahora)
