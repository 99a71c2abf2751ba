"""Aplicar en el equipo los cambios de catálogo que manda el servidor (su dueño).

Cada tipo va a su tabla del almacén (dependencias, comunas, días cerrados, usuarios) o a sus
ajustes (plantilla de numeración, datos de la entidad); todos quedan además en `sync_catalogos`,
de donde leen los que no tienen tabla propia (servicios y ventanillas de los turnos).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import guardar_ajustes
from ventanilla.datos.modelos import Cierre, Comuna, Dependencia, Usuario
from ventanilla.dominio.radicados import Plantilla, PlantillaInvalida
from ventanilla.sincronizacion import memoria
from ventanilla.sincronizacion.tablas import catalogos

__all__ = ["aplicar_catalogo"]


def _aplicar_tabla(sesion: Session, tipo: str, clave: str, datos: dict[str, Any], activo: bool) -> None:
    if tipo == "dependencias":
        sesion.merge(
            Dependencia(codigo=clave, nombre=datos["nombre"], nombre_largo=datos.get("nombre_largo", ""), activa=activo)
        )
    elif tipo == "comunas":
        existente = sesion.get(Comuna, clave)
        if not activo:
            if existente is not None:
                sesion.delete(existente)
        else:
            sesion.merge(Comuna(codigo=clave, nombre=datos["nombre"], clase=datos.get("clase", "comuna")))
    elif tipo == "cierres":
        fecha = date.fromisoformat(clave)
        existente = sesion.get(Cierre, fecha)
        if not activo:
            if existente is not None:
                sesion.delete(existente)
        else:
            sesion.merge(Cierre(fecha=fecha, motivo=datos.get("motivo", "")))
    elif tipo == "usuarios":
        sesion.merge(
            Usuario(login=clave, nombre=datos["nombre"], roles=list(datos["roles"]), clave_hash=datos.get("clave_hash"),
                    activo=activo)
        )
    elif tipo == "plantillas" and clave == "vigente" and activo:
        try:
            guardar_ajustes(sesion, plantilla=Plantilla(datos["texto"]).texto)
        except PlantillaInvalida as error:
            memoria.anotar_rechazo(sesion, "catalogo", "plantillas/vigente", f"Plantilla del servidor no aplicada: {error}")
    elif tipo == "entidad" and clave == "vigente" and activo:
        guardar_ajustes(sesion, entidad=datos["codigo"], entidad_nombre=datos["nombre"], entidad_nit=datos["nit"])


def aplicar_catalogo(sesion: Session, cambio: dict[str, Any]) -> None:
    tipo, clave, datos, activo = cambio["tipo"], cambio["clave"], cambio["datos"], bool(cambio["activo"])
    _aplicar_tabla(sesion, tipo, clave, datos, activo)
    sesion.execute(catalogos.delete().where(catalogos.c.tipo == tipo, catalogos.c.clave == clave))
    sesion.execute(catalogos.insert().values(tipo=tipo, clave=clave, datos=datos, activo=activo, version=cambio["version"]))
