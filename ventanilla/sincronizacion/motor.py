"""Una sincronización completa: ciudadanos y eventos hacia el servidor, anexos, y luego lo nuevo
del servidor hacia el equipo. Es lo que hacen «Sincronizar ahora», el trabajador en segundo plano
y `ventanilla sync`.

Cada paso se puede cortar en cualquier punto: el siguiente intento retoma sin perder ni duplicar.
Un rechazo del servidor queda anotado en `sync_rechazos` (la vista de rechazos lo muestra) y
detiene la sincronización; una falla de red solo se anota como «sin conexión».
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx

from ventanilla.datos.almacen import Almacen
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.anexos import subir_anexos
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.credenciales import leer_token
from ventanilla.sincronizacion.envio import Envio, enviar_ciudadanos, enviar_eventos, preparar_envio
from ventanilla.sincronizacion.errores import NoInscrito, RechazoDelServidor, SinConexion
from ventanilla.sincronizacion.recepcion import recibir
from ventanilla.sincronizacion.reloj import anotar_reloj, aviso_de_reloj
from ventanilla.sincronizacion.rotacion import recuperar_rotacion, rotar_si_toca

__all__ = ["Resumen", "cliente_de", "sincronizar"]

Progreso = Callable[[str, int, int], None]


@dataclass
class Resumen:
    enviados: int = 0
    duplicados: int = 0
    ciudadanos_enviados: int = 0
    conflictos: int = 0
    anexos_subidos: int = 0
    recibidos: int = 0
    pendientes: int = 0
    hora_servidor: str | None = None
    desfase_segundos: float | None = None
    aviso_reloj: str | None = None
    rechazos: list[str] = field(default_factory=list)

    def como_json(self) -> dict[str, Any]:
        return asdict(self)


def _nada(_etapa: str, _hecho: int, _total: int) -> None:
    return None


def cliente_de(almacen: Almacen, transporte: httpx.BaseTransport | None = None) -> ClienteSync:
    ajustes = almacen.ajustes
    token = leer_token(almacen.directorio, ajustes.dispositivo)
    if not ajustes.servidor or not token:
        raise NoInscrito("Este equipo no está inscrito en un servidor: use «ventanilla inscribir» o la configuración.")
    return ClienteSync(ajustes.servidor, token, transporte=transporte)


def sincronizar(
    almacen: Almacen, *, progreso: Progreso | None = None, transporte: httpx.BaseTransport | None = None
) -> Resumen:
    """Sincroniza una vez. Lanza `SinConexion` (reintentar) o `RechazoDelServidor` (mostrar)."""
    avisar = progreso or _nada
    resumen = Resumen()
    envio = Envio()
    cliente: ClienteSync | None = None
    try:
        recuperar_rotacion(almacen, transporte=transporte)
        with cliente_de(almacen, transporte) as cliente:
            estado = preparar_envio(almacen, cliente)
            avisar("ciudadanos", 0, 0)
            enviar_ciudadanos(almacen, cliente, envio, avisar)
            enviar_eventos(almacen, cliente, envio, avisar, estado)
            avisar("anexos", 0, 0)
            resumen.anexos_subidos = subir_anexos(almacen, cliente)
            resumen.recibidos = recibir(almacen, cliente, avisar)
            _anotar_fin(almacen, cliente, en_linea=True, error=None)
            rotar_si_toca(almacen, cliente)
            resumen.hora_servidor = cliente.hora_servidor.isoformat() if cliente.hora_servidor else None
            resumen.desfase_segundos = cliente.desfase.total_seconds() if cliente.desfase else None
    except SinConexion as error:
        _anotar_fin(almacen, cliente, en_linea=False, error=str(error))
        raise
    except RechazoDelServidor as error:
        _anotar_fin(almacen, cliente, en_linea=True, error=str(error), rechazo=error)
        raise
    resumen.enviados, resumen.duplicados = envio.aceptados, envio.duplicados
    resumen.ciudadanos_enviados, resumen.conflictos = envio.ciudadanos, envio.conflictos
    with almacen.leer() as sesion:
        resumen.pendientes = memoria.pendientes(sesion, almacen.ajustes.dispositivo)
        resumen.aviso_reloj = aviso_de_reloj(memoria.leer(sesion, "hora_servidor"), memoria.leer(sesion, "desfase_segundos"))
    if envio.conflictos:
        resumen.rechazos.append(f"{envio.conflictos} ciudadano(s) en conflicto quedaron para revisión.")
    return resumen


def _anotar_fin(
    almacen: Almacen, cliente: ClienteSync | None, *, en_linea: bool, error: str | None,
    rechazo: RechazoDelServidor | None = None,
) -> None:
    with almacen.escribir() as sesion:
        memoria.guardar(sesion, en_linea=en_linea, ultimo_error=error)
        if cliente is not None and cliente.hora_servidor is not None:
            anotar_reloj(sesion, cliente.hora_servidor, cliente.desfase)
        if rechazo is not None:
            memoria.anotar_rechazo(sesion, "sincronizacion", str(rechazo.estado), str(rechazo))
