"""Habeas data (Ley 1581 de 2012): el titular consulta, corrige o pide suprimir sus datos.

Los datos personales viven en el registro del ciudadano (`ciudadanos`), fuera del registro de
eventos; por eso se pueden corregir o anonimizar sin reescribir la historia. Cada acción deja un
evento con quién (el usuario) y por qué (el motivo), y nunca con los datos: solo el id del
ciudadano y, al corregir, los nombres de los campos cambiados. El motivo no puede llevar el nombre
ni el documento del titular, porque el registro de eventos se copia a todas partes.

- Exportar (consulta, art. 14): el registro completo y la lista de sus solicitudes.
- Corregir (reclamo, art. 15): campo por campo, con validación del documento.
- Anonimizar (supresión): solo un supervisor o administrador, y solo si el ciudadano no tiene
  solicitudes en trámite (sus datos hacen falta para responderle: art. 10 a). El radicado y su
  historia se conservan (Ley 594 de 2000, archivo); el registro queda sin nombre, documento ni
  datos de contacto, y la búsqueda se reescribe para que ya no lo encuentre.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, SolicitudFila
from ventanilla.datos.proyecciones.solicitudes import indexar_busqueda
from ventanilla.datos.registro import anotar
from ventanilla.dominio.documentos import DocumentoInvalido, normalizar_documento
from ventanilla.dominio.terminos import EstadoSolicitud as E
from ventanilla.servicios.errores import AccionNoPermitida, NoEncontrado
from ventanilla.servicios.usuarios import exigir_rol, usuario_activo

__all__ = [
    "CAMPOS_CORREGIBLES",
    "ROLES_ANONIMIZAR",
    "anonimizar_ciudadano",
    "corregir_ciudadano",
    "exportar_ciudadano",
]

CAMPOS_CORREGIBLES = (
    "tipo_documento", "numero_documento", "nombres", "apellidos", "telefono", "correo", "direccion", "comuna"
)
ROLES_ANONIMIZAR = ("supervisor", "administrador")
NOMBRE_ANONIMO = "Anonimizado"
_LARGOS = {"nombres": 120, "apellidos": 120, "telefono": 20, "correo": 120, "direccion": 200, "comuna": 60}
_EN_TRAMITE = {E.RADICADA, E.ASIGNADA, E.INCOMPLETA}


def _ciudadano(sesion: Session, referencia: str) -> CiudadanoFila:
    """Por id, o por «TIPO:NÚMERO» (por ejemplo `CC:75071234`)."""
    tipo, separador, numero = referencia.partition(":")
    fila = None
    if separador:
        try:
            limpio = normalizar_documento(tipo.strip().upper(), numero)
        except DocumentoInvalido as error:
            raise AccionNoPermitida(str(error)) from None
        fila = sesion.scalar(
            select(CiudadanoFila).where(
                CiudadanoFila.tipo_documento == tipo.strip().upper(), CiudadanoFila.numero_documento == limpio
            )
        )
    else:
        fila = sesion.get(CiudadanoFila, referencia.strip())
    if fila is None:
        raise NoEncontrado(f"No hay ningún ciudadano registrado como «{referencia}» en este equipo.")
    return fila


def _motivo(motivo: str, ciudadano: CiudadanoFila) -> str:
    limpio = " ".join(motivo.split())
    if len(limpio) < 10:
        raise AccionNoPermitida("Escriba el motivo (al menos 10 caracteres): por ejemplo, el radicado de la solicitud del titular.")
    minusculas = limpio.casefold()
    datos = [ciudadano.numero_documento or "", *ciudadano.nombres.split(), *ciudadano.apellidos.split()]
    if any(len(d) >= 3 and d.casefold() in minusculas for d in datos):
        raise AccionNoPermitida(
            "El motivo no puede llevar el nombre ni el documento del titular: queda en el registro de "
            "eventos, que se copia a otros equipos. Cite el radicado de su solicitud."
        )
    return limpio


def _anotar(almacen: Almacen, sesion: Session, usuario: str, tipo: str, datos: Mapping[str, Any], ahora: datetime) -> None:
    anotar(sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo=tipo, datos=datos, ahora=ahora)


def _solicitudes(sesion: Session, ciudadano_id: str) -> list[SolicitudFila]:
    return list(
        sesion.scalars(select(SolicitudFila).where(SolicitudFila.ciudadano_id == ciudadano_id).order_by(SolicitudFila.fila))
    )


def _reindexar(sesion: Session, ciudadano_id: str) -> None:
    for fila in _solicitudes(sesion, ciudadano_id):
        indexar_busqueda(sesion, fila)


def exportar_ciudadano(
    almacen: Almacen, referencia: str, *, usuario: str, motivo: str, ahora: datetime | None = None
) -> dict[str, Any]:
    """Todo lo que el equipo guarda del titular, para entregárselo (y la constancia en eventos)."""
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    with almacen.escribir() as sesion:
        usuario_activo(sesion, usuario)
        fila = _ciudadano(sesion, referencia)
        por_que = _motivo(motivo, fila)
        registro = {
            "id": fila.id,
            "version": fila.version,
            **{campo: getattr(fila, campo) for campo in CAMPOS_CORREGIBLES},
            "caracterizacion": fila.caracterizacion,
            "autorizaciones": fila.autorizaciones,
            "actualizado_en": fila.actualizado_en.isoformat(),
        }
        solicitudes = [
            {"radicado": s.radicado, "recibido_en": s.recibido_en.isoformat(), "tipo": s.tipo, "asunto": s.asunto,
             "estado": s.estado, "dependencia": s.dependencia}
            for s in _solicitudes(sesion, fila.id)
        ]
        _anotar(almacen, sesion, usuario, "ciudadano.exportado", {"ciudadano_id": fila.id, "motivo": por_que}, momento)
    return {
        "responsable": almacen.ajustes.entidad_nombre,
        "exportado_en": momento.isoformat(),
        "ciudadano": registro,
        "solicitudes": solicitudes,
    }


def _validar_cambios(fila: CiudadanoFila, cambios: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(cambios, Mapping) or not cambios:
        raise AccionNoPermitida("Diga qué campos corregir, por ejemplo {\"telefono\": \"3001234567\"}.")
    desconocidos = sorted(str(c) for c in cambios if c not in CAMPOS_CORREGIBLES)
    if desconocidos:
        raise AccionNoPermitida(
            f"No se pueden corregir estos campos: {', '.join(desconocidos)}. Se pueden: {', '.join(CAMPOS_CORREGIBLES)}."
        )
    nuevos: dict[str, Any] = {}
    for campo, valor in cambios.items():
        if valor is not None and not isinstance(valor, str):
            raise AccionNoPermitida(f"El campo «{campo}» debe ser texto.")
        texto = " ".join((valor or "").split())
        if campo in _LARGOS and len(texto) > _LARGOS[campo]:
            raise AccionNoPermitida(f"El campo «{campo}» admite hasta {_LARGOS[campo]} caracteres.")
        nuevos[campo] = texto
    if "nombres" in nuevos and not nuevos["nombres"]:
        raise AccionNoPermitida("El nombre no puede quedar vacío.")
    tipo = (nuevos.get("tipo_documento") or fila.tipo_documento).upper()
    numero = nuevos.get("numero_documento", fila.numero_documento)
    if "tipo_documento" in nuevos or "numero_documento" in nuevos:
        try:
            nuevos["numero_documento"] = normalizar_documento(tipo, numero)
        except DocumentoInvalido as error:
            raise AccionNoPermitida(str(error)) from None
        nuevos["tipo_documento"] = tipo
    return {c: v for c, v in nuevos.items() if v != getattr(fila, c)}


def corregir_ciudadano(
    almacen: Almacen,
    referencia: str,
    cambios: Mapping[str, Any],
    *,
    usuario: str,
    motivo: str,
    ahora: datetime | None = None,
) -> CiudadanoFila:
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    with almacen.escribir() as sesion:
        usuario_activo(sesion, usuario)
        fila = _ciudadano(sesion, referencia)
        por_que = _motivo(motivo, fila)
        nuevos = _validar_cambios(fila, cambios)
        if not nuevos:
            raise AccionNoPermitida("Los datos escritos son iguales a los registrados: no hay nada que corregir.")
        if "numero_documento" in nuevos or "tipo_documento" in nuevos:
            otro = sesion.scalar(
                select(CiudadanoFila.id).where(
                    CiudadanoFila.tipo_documento == nuevos.get("tipo_documento", fila.tipo_documento),
                    CiudadanoFila.numero_documento == nuevos.get("numero_documento", fila.numero_documento),
                    CiudadanoFila.id != fila.id,
                )
            )
            if otro is not None:
                raise AccionNoPermitida("Ya hay otro ciudadano registrado con ese documento en este equipo.")
        for campo, valor in nuevos.items():
            setattr(fila, campo, valor)
        fila.version += 1
        fila.actualizado_en = momento
        sesion.flush()
        _reindexar(sesion, fila.id)
        datos = {"ciudadano_id": fila.id, "campos": sorted(nuevos), "motivo": por_que, "version": fila.version}
        _anotar(almacen, sesion, usuario, "ciudadano.corregido", datos, momento)
        return fila


def anonimizar_ciudadano(
    almacen: Almacen, referencia: str, *, usuario: str, motivo: str, ahora: datetime | None = None
) -> CiudadanoFila:
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    with almacen.escribir() as sesion:
        quien = usuario_activo(sesion, usuario)
        exigir_rol(quien, ROLES_ANONIMIZAR, "anonimizar los datos de un ciudadano")
        fila = _ciudadano(sesion, referencia)
        por_que = _motivo(motivo, fila)
        en_tramite = [s.radicado for s in _solicitudes(sesion, fila.id) if s.estado in _EN_TRAMITE]
        if en_tramite:
            raise AccionNoPermitida(
                "No se puede anonimizar a un ciudadano con solicitudes en trámite (sus datos hacen falta "
                f"para responderle): {', '.join(en_tramite)}. Hágalo cuando estén respondidas o cerradas."
            )
        # Que los bytes borrados se sobrescriban en el archivo, no solo se marquen libres.
        sesion.execute(text("PRAGMA secure_delete = ON"))
        fila.nombres, fila.apellidos = NOMBRE_ANONIMO, ""
        fila.numero_documento = None
        fila.tipo_documento = "SIA"
        fila.telefono = fila.correo = fila.direccion = fila.comuna = ""
        fila.caracterizacion = None
        fila.version += 1
        fila.actualizado_en = momento
        sesion.flush()
        _reindexar(sesion, fila.id)
        sesion.execute(text("INSERT INTO busqueda (busqueda) VALUES ('optimize')"))
        sesion.execute(text("PRAGMA secure_delete = OFF"))
        datos = {"ciudadano_id": fila.id, "motivo": por_que, "version": fila.version}
        _anotar(almacen, sesion, usuario, "ciudadano.anonimizado", datos, momento)
        return fila
