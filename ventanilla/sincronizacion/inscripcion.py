"""Inscribir el equipo en un servidor con un código de un solo uso.

El código (que un administrador crea) fija el punto y la serie. El equipo declara además las series
con que ya radicó sin conexión: las conserva si nadie más las tiene; si otra máquina es su dueña,
el servidor rechaza la inscripción y aquí no cambia nada. El token queda en el llavero.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from sqlalchemy import select

from ventanilla.datos.ajustes import guardar_ajustes
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import SolicitudFila
from ventanilla.sincronizacion.cliente import ClienteSync
from ventanilla.sincronizacion.credenciales import guardar_token
from ventanilla.sincronizacion.rotacion import anotar_rotacion

__all__ = ["Inscripcion", "inscribir"]


@dataclass(frozen=True)
class Inscripcion:
    servidor: str
    serie: str
    punto: str
    series: tuple[str, ...]
    token_en: str
    """«llavero» o la ruta del archivo donde quedó el token (sin llavero del sistema)."""


def inscribir(
    almacen: Almacen, servidor: str, codigo: str, *, transporte: httpx.BaseTransport | None = None
) -> Inscripcion:
    """Canjea el código. Lanza `SinConexion` o `RechazoDelServidor` (con su mensaje) sin tocar nada."""
    ajustes = almacen.ajustes
    with almacen.leer() as sesion:
        usadas = sorted(
            sesion.scalars(select(SolicitudFila.serie).where(SolicitudFila.dispositivo == ajustes.dispositivo).distinct())
        )
    with ClienteSync(servidor, transporte=transporte) as cliente:
        respuesta = cliente.pedir(
            "POST", "/inscripciones",
            cuerpo={"codigo": codigo.strip(), "dispositivo": ajustes.dispositivo, "nombre": platform.node()[:200],
                    "series_usadas": usadas},
        )
    donde = guardar_token(almacen.directorio, ajustes.dispositivo, respuesta["token"])
    cambios: dict[str, object] = {
        "servidor": servidor.rstrip("/"), "serie": respuesta["serie"], "serie_num": respuesta["serie_num"],
        "punto": respuesta["punto"], "configurado": True,
    }
    entidad = respuesta.get("entidad")
    if entidad:
        cambios.update(entidad=entidad["codigo"], entidad_nombre=entidad["nombre"], entidad_nit=entidad["nit"])
    with almacen.escribir() as sesion:
        guardar_ajustes(sesion, **cambios)
    anotar_rotacion(almacen, datetime.now(UTC))
    return Inscripcion(
        servidor=servidor, serie=respuesta["serie"], punto=respuesta["punto"], series=tuple(respuesta["series"]), token_en=donde
    )
