"""Las órdenes de la cola por nombre, con sus argumentos: un solo despacho para la cola local de
brigada y para el servidor de la sede, de modo que kiosco, paneles y pantalla hablan igual con
las dos.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ventanilla.dominio.turnos import TurnoInvalido
from ventanilla.turnos.motor import MotorTurnos

__all__ = ["ACCIONES", "VERSION_TURNOS", "AccionInvalida", "ejecutar_accion"]

VERSION_TURNOS = 1
"""Versión del protocolo de la cola de la sede (HTTP y WebSocket), la misma en cliente y servidor."""

ACCIONES: tuple[str, ...] = (
    "emitir",
    "llamar_siguiente",
    "llamar_especifico",
    "volver_a_llamar",
    "iniciar",
    "no_se_presento",
    "finalizar",
    "transferir",
    "devolver",
    "pausar",
    "reanudar",
    "vincular_radicado",
)


class AccionInvalida(TurnoInvalido):
    """La orden no existe o le falta un argumento."""


def _entero(args: Mapping[str, Any], nombre: str) -> int:
    try:
        return int(args[nombre])
    except KeyError:
        raise AccionInvalida(f"Falta «{nombre}».") from None
    except (TypeError, ValueError):
        raise AccionInvalida(f"«{nombre}» debe ser un número.") from None


def _texto(args: Mapping[str, Any], nombre: str) -> str:
    valor = args.get(nombre)
    if not valor:
        raise AccionInvalida(f"Falta «{nombre}».")
    return str(valor)


def ejecutar_accion(motor: MotorTurnos, accion: str, args: Mapping[str, Any]) -> dict[str, Any] | None:
    """Ejecuta la orden y devuelve el turno afectado (None si no hay o no aplica).

    Lanza TurnoInvalido (o AccionInvalida) con un mensaje para el usuario si no se puede.
    """
    usuario = str(args.get("usuario") or "")
    if accion == "emitir":
        turno = motor.emitir(
            _texto(args, "servicio"),
            args.get("preferencial") or None,
            usuario=usuario or "kiosco",
            ciudadano_id=args.get("ciudadano_id"),
        )
        return turno.como_dict() | {"personas_antes": _personas_antes(motor, turno.id)}
    if not usuario:
        raise AccionInvalida("Falta «usuario»: diga quién hace la acción.")
    if accion == "pausar":
        motor.pausar(_entero(args, "ventanilla"), usuario=usuario, motivo=str(args.get("motivo") or "Pausa"))
        return None
    if accion == "reanudar":
        motor.reanudar(_entero(args, "ventanilla"), usuario=usuario)
        return None
    ventanilla = _entero(args, "ventanilla")
    if accion == "llamar_siguiente":
        siguiente = motor.llamar_siguiente(ventanilla, usuario=usuario)
        return siguiente.como_dict() if siguiente else None
    if accion == "llamar_especifico":
        turno = motor.llamar_especifico(
            _texto(args, "turno_id"), ventanilla, usuario=usuario, motivo=str(args.get("motivo") or "")
        )
    elif accion == "finalizar":
        turno = motor.finalizar(ventanilla, usuario=usuario, servicio_prestado=args.get("servicio_prestado"))
    elif accion == "transferir":
        destino = args.get("a_ventanilla")
        turno = motor.transferir(
            ventanilla,
            usuario=usuario,
            servicio=args.get("servicio") or None,
            a_ventanilla=int(destino) if destino not in (None, "") else None,
        )
    elif accion == "vincular_radicado":
        turno = motor.vincular_radicado(ventanilla, _texto(args, "solicitud_id"), usuario=usuario)
    elif accion in ("volver_a_llamar", "iniciar", "no_se_presento", "devolver"):
        turno = getattr(motor, accion)(ventanilla, usuario=usuario)
    else:
        raise AccionInvalida(f"La orden «{accion}» no existe.")
    return turno.como_dict()


def _personas_antes(motor: MotorTurnos, turno_id: str) -> int:
    turno = motor.estado.turnos[turno_id]
    return sum(1 for t in motor.estado.en_espera() if t.servicio == turno.servicio and t.orden < turno.orden)
