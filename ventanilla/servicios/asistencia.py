"""La lista de asistencia de una jornada: registro rápido, y lo que llega solo de radicar y turnos.

Cada persona atendida queda una vez por jornada: el registro de ciudadano guarda sus datos (fuera
del registro de eventos) y el evento `asistencia.registrada` la nombra por su id. El aviso de
privacidad se informa siempre y se anota; la caracterización solo se guarda con autorización
(Ley 1581). Quien radica en la jornada entra a la lista por `radicar_en_jornada`; quien tomó un
turno con su documento entra con `completar_desde_turnos`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, EventoFila, SolicitudFila, Usuario
from ventanilla.datos.modelos_jornadas import AsistenciaFila
from ventanilla.datos.registro import anotar
from ventanilla.dominio.documentos import TIPOS_DOCUMENTO, DocumentoInvalido, normalizar_documento
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.jornadas import EstadoJornada
from ventanilla.dominio.solicitudes import ErrorCampo, SolicitudInvalida, validar_telefono
from ventanilla.impresion.asistencia import DatosAsistencia, FilaAsistencia
from ventanilla.impresion.aviso import aviso_privacidad
from ventanilla.servicios.cierre_jornada import entidad_de
from ventanilla.servicios.ciudadanos import VERSION_AVISO
from ventanilla.servicios.errores import ErrorDeServicio
from ventanilla.servicios.jornadas import (
    catalogo_comunas,
    catalogo_servicios,
    exigir_jornada,
    jornada_en,
)
from ventanilla.servicios.radicacion import Radicacion, radicar_en_sesion
from ventanilla.servicios.usuarios import usuario_activo

__all__ = [
    "AsistenciaInvalida",
    "Asistente",
    "completar_desde_turnos",
    "datos_asistencia",
    "lista_asistencia",
    "radicar_en_jornada",
    "registrar_asistencia",
    "vincular_solicitud",
]


class AsistenciaInvalida(ErrorDeServicio):
    """Un dato del registro de asistencia impide guardarlo; el mensaje dice cuál y qué hacer."""

    def __init__(self, campo: str, mensaje: str) -> None:
        self.campo = campo
        super().__init__(mensaje)


@dataclass(frozen=True)
class Asistente:
    """Una fila de la lista de asistencia, con los datos de la persona para mostrarla o imprimirla."""

    id: str
    ciudadano_id: str
    nombre: str
    tipo_documento: str
    numero_documento: str
    servicio: str
    dependencia: str
    origen: str
    aviso_privacidad: bool
    registrada_en: datetime
    nueva: bool = True
    """False si la persona ya estaba en la lista (no se anotó nada)."""


def _texto(datos: Mapping[str, Any], clave: str) -> str:
    valor = datos.get(clave)
    return valor.strip() if isinstance(valor, str) else ""


def _ciudadano(sesion: Session, datos: Mapping[str, Any], ahora: datetime) -> CiudadanoFila:
    tipo = _texto(datos, "tipo_documento").upper() or "CC"
    try:
        numero = normalizar_documento(tipo, _texto(datos, "numero_documento"))
    except DocumentoInvalido as error:
        raise AsistenciaInvalida("numero_documento", str(error)) from None
    nombres = _texto(datos, "nombres")
    if not nombres:
        raise AsistenciaInvalida("nombres", "Escriba el nombre de la persona.")
    try:
        telefono = validar_telefono(_texto(datos, "telefono"))
    except ValueError as error:
        raise AsistenciaInvalida("telefono", str(error)) from None
    autoriza = datos.get("autoriza_caracterizacion") is True
    caracterizacion = datos.get("caracterizacion") or {}
    fila = None
    if numero:
        fila = sesion.scalar(
            select(CiudadanoFila).where(CiudadanoFila.tipo_documento == tipo, CiudadanoFila.numero_documento == numero)
        )
    cambios = {
        "nombres": nombres,
        "apellidos": _texto(datos, "apellidos"),
        "telefono": telefono,
        "comuna": _texto(datos, "comuna"),
    }
    cambio = False
    existente = fila is not None
    if fila is None:
        fila = CiudadanoFila(
            id=nuevo_id(), version=1, tipo_documento=tipo, numero_documento=numero, correo="", direccion="",
            caracterizacion=None, autorizaciones={}, actualizado_en=ahora, **cambios,
        )
        sesion.add(fila)
    else:
        distintos = {c: v for c, v in cambios.items() if v and v != getattr(fila, c)}
        for campo, valor in distintos.items():
            setattr(fila, campo, valor)
        cambio = bool(distintos)
    autorizaciones = dict(fila.autorizaciones or {})
    autorizaciones["aviso_privacidad"] = {"version": VERSION_AVISO, "informado_en": ahora.isoformat()}
    autorizaciones["tratamiento_adicional"] = {"otorgada": autoriza, "version": VERSION_AVISO, "en": ahora.isoformat()}
    fila.autorizaciones = autorizaciones
    # Sin autorización no se guarda caracterización alguna (Ley 1581).
    if autoriza and isinstance(caracterizacion, Mapping) and caracterizacion:
        nueva = {**(fila.caracterizacion or {}), **caracterizacion}
        cambio = cambio or nueva != fila.caracterizacion
        fila.caracterizacion = nueva
    if cambio and existente:
        fila.version += 1
    fila.actualizado_en = ahora
    sesion.flush()
    return fila


def _ya_esta(sesion: Session, jornada_id: str, ciudadano_id: str) -> AsistenciaFila | None:
    return sesion.scalar(
        select(AsistenciaFila).where(AsistenciaFila.jornada_id == jornada_id, AsistenciaFila.ciudadano_id == ciudadano_id)
    )


def _asistente(fila: AsistenciaFila, ciudadano: CiudadanoFila | None, nueva: bool = True) -> Asistente:
    return Asistente(
        id=fila.id,
        ciudadano_id=fila.ciudadano_id,
        nombre=ciudadano.nombre_completo if ciudadano else "(registro de ciudadano pendiente)",
        tipo_documento=ciudadano.tipo_documento if ciudadano else "",
        numero_documento=(ciudadano.numero_documento or "") if ciudadano else "",
        servicio=fila.servicio,
        dependencia=fila.dependencia,
        origen=fila.origen,
        aviso_privacidad=fila.aviso_privacidad,
        registrada_en=fila.registrada_en,
        nueva=nueva,
    )


def _anotar_asistencia(
    sesion: Session,
    almacen: Almacen,
    *,
    jornada_id: str,
    ciudadano: CiudadanoFila,
    servicio: str,
    dependencia: str,
    origen: str,
    referencia: str | None,
    usuario: str,
    ahora: datetime,
) -> Asistente:
    previa = _ya_esta(sesion, jornada_id, ciudadano.id)
    if previa is not None:
        return _asistente(previa, ciudadano, nueva=False)
    asistencia_id = nuevo_id()
    anotar(
        sesion,
        dispositivo=almacen.ajustes.dispositivo,
        usuario=usuario,
        tipo="asistencia.registrada",
        ahora=ahora,
        datos={
            "asistencia_id": asistencia_id,
            "jornada_id": jornada_id,
            "ciudadano_id": ciudadano.id,
            "servicio": servicio,
            "dependencia": dependencia,
            "origen": origen,
            "referencia": referencia,
            "aviso_privacidad": True,
        },
    )
    fila = sesion.get(AsistenciaFila, asistencia_id)
    assert fila is not None
    return _asistente(fila, ciudadano)


def registrar_asistencia(
    almacen: Almacen,
    jornada_id: str,
    datos: Mapping[str, Any],
    *,
    usuario: str,
    ahora: datetime | None = None,
) -> Asistente:
    """Anota a una persona en la lista (documento, nombres, servicio, dependencia, aviso informado).

    Si ya estaba, devuelve su fila con `nueva=False` y no anota nada.
    """
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    if datos.get("aviso_privacidad") is not True:
        raise AsistenciaInvalida(
            "aviso_privacidad", "Informe a la persona el aviso de privacidad y márquelo antes de registrarla."
        )
    servicio = _texto(datos, "servicio")
    if servicio not in catalogo_servicios():
        raise AsistenciaInvalida("servicio", f"Elija el servicio que recibió; «{servicio}» no existe.")
    dependencia = _texto(datos, "dependencia")
    if dependencia and dependencia not in almacen.dependencias():
        raise AsistenciaInvalida("dependencia", f"La dependencia «{dependencia}» no está en el catálogo.")
    origen = "papel" if datos.get("origen") == "papel" else "manual"
    with almacen.escribir() as sesion:
        usuario_activo(sesion, usuario)
        jornada_en(sesion, jornada_id, EstadoJornada.ABIERTA, que="registrar asistencia")
        ciudadano = _ciudadano(sesion, datos, momento)
        return _anotar_asistencia(
            sesion, almacen, jornada_id=jornada_id, ciudadano=ciudadano, servicio=servicio,
            dependencia=dependencia, origen=origen, referencia=None, usuario=usuario, ahora=momento,
        )


def radicar_en_jornada(
    almacen: Almacen,
    jornada_id: str,
    datos: Mapping[str, Any],
    *,
    usuario: str,
    ahora: datetime | None = None,
) -> Radicacion:
    """Radica una solicitud por el canal brigada, la ata a la jornada y pone al peticionario en la lista.

    Todo en una transacción: si algo falla, no queda ni el radicado ni su vínculo con la jornada.
    """
    if not isinstance(datos, Mapping):
        raise SolicitudInvalida([ErrorCampo("solicitud", "La solicitud va como un objeto JSON con sus campos.")])
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    with almacen.escribir() as sesion:
        jornada_en(sesion, jornada_id, EstadoJornada.ABIERTA, que="radicar en la jornada")
        radicacion = radicar_en_sesion(
            sesion, almacen.ajustes, {"canal": "brigada", **datos}, usuario=usuario, ahora=momento
        )
        _vincular_en(sesion, almacen, jornada_id, radicacion.id, usuario=usuario, ahora=momento)
    return radicacion


def vincular_solicitud(
    almacen: Almacen, jornada_id: str, solicitud_id: str, *, usuario: str, ahora: datetime | None = None
) -> None:
    """Ata una solicitud ya radicada a la jornada y anota a su peticionario en la lista (una vez)."""
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    with almacen.escribir() as sesion:
        _vincular_en(sesion, almacen, jornada_id, solicitud_id, usuario=usuario, ahora=momento)


def _vincular_en(
    sesion: Session, almacen: Almacen, jornada_id: str, solicitud_id: str, *, usuario: str, ahora: datetime
) -> None:
    solicitud = sesion.scalar(select(SolicitudFila).where(SolicitudFila.id == solicitud_id))
    if solicitud is None:
        raise AsistenciaInvalida("solicitud", f"La solicitud {solicitud_id} no está en este equipo.")
    ya = sesion.scalar(
        select(EventoFila.id).where(
            EventoFila.tipo == "jornada.solicitud_vinculada", EventoFila.solicitud_id == solicitud_id
        )
    )
    if ya is None:
        anotar(
            sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo="jornada.solicitud_vinculada",
            ahora=ahora, datos={"jornada_id": jornada_id, "solicitud_id": solicitud_id},
        )
    ciudadano = sesion.get(CiudadanoFila, solicitud.ciudadano_id) if solicitud.ciudadano_id else None
    if ciudadano is not None:
        _anotar_asistencia(
            sesion, almacen, jornada_id=jornada_id, ciudadano=ciudadano, servicio="radicacion",
            dependencia=solicitud.dependencia, origen="radicacion", referencia=solicitud_id,
            usuario=usuario, ahora=ahora,
        )


def completar_desde_turnos(
    almacen: Almacen, jornada_id: str, *, usuario: str, ahora: datetime | None = None
) -> int:
    """Pone en la lista a quien tomó un turno de la jornada con su documento; devuelve cuántos entraron."""
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    nuevos = 0
    with almacen.escribir() as sesion:
        jornada_en(sesion, jornada_id, EstadoJornada.ABIERTA, EstadoJornada.CERRADA, que="completar la lista")
        emitidos = sesion.scalars(
            select(EventoFila)
            .where(EventoFila.tipo == "turno.emitido", EventoFila.datos["jornada"].as_string() == jornada_id)
            .order_by(EventoFila.ocurrido_en)
        )
        for evento in list(emitidos):
            ciudadano_id = evento.datos.get("ciudadano_id")
            ciudadano = sesion.get(CiudadanoFila, ciudadano_id) if ciudadano_id else None
            if ciudadano is None:
                continue
            fila = _anotar_asistencia(
                sesion, almacen, jornada_id=jornada_id, ciudadano=ciudadano, servicio=evento.datos["servicio"],
                dependencia="", origen="turno", referencia=evento.datos["turno_id"], usuario=usuario,
                ahora=momento,
            )
            nuevos += fila.nueva
    return nuevos


def lista_asistencia(almacen: Almacen, jornada_id: str) -> list[Asistente]:
    """La lista de la jornada en el orden en que se registró."""
    with almacen.leer() as sesion:
        filas = sesion.execute(
            select(AsistenciaFila, CiudadanoFila)
            .outerjoin(CiudadanoFila, CiudadanoFila.id == AsistenciaFila.ciudadano_id)
            .where(AsistenciaFila.jornada_id == jornada_id)
            .order_by(AsistenciaFila.registrada_en, AsistenciaFila.id)
        )
        return [_asistente(a, c) for a, c in filas]


def _documento(asistente: Asistente) -> str:
    if not asistente.numero_documento:
        definicion = TIPOS_DOCUMENTO.get(asistente.tipo_documento)
        return definicion.nombre if definicion else asistente.tipo_documento
    return f"{asistente.tipo_documento} {asistente.numero_documento}"


def datos_asistencia(
    almacen: Almacen,
    jornada_id: str,
    *,
    usuario: str,
    filas_en_blanco: int = 10,
    ahora: datetime | None = None,
) -> DatosAsistencia:
    """Lo que lleva el PDF de la lista de asistencia de la jornada."""
    dependencias = almacen.dependencias()
    servicios = catalogo_servicios()
    comunas = catalogo_comunas(almacen)
    with almacen.leer() as sesion:
        jornada = exigir_jornada(sesion, jornada_id)
        quien = sesion.get(Usuario, usuario)
    filas = tuple(
        FilaAsistencia(
            nombre=a.nombre,
            documento=_documento(a),
            servicio=servicios.get(a.servicio, a.servicio),
            dependencia=dependencias.get(a.dependencia, a.dependencia),
            aviso_privacidad=a.aviso_privacidad,
        )
        for a in lista_asistencia(almacen, jornada_id)
    )
    return DatosAsistencia(
        entidad=entidad_de(almacen),
        jornada=jornada.nombre,
        fecha=jornada.fecha,
        lugar=jornada.lugar,
        comuna=comunas.get(jornada.comuna, jornada.comuna),
        dependencias=tuple(dependencias.get(d, d) for d in jornada.dependencias),
        filas=filas,
        funcionario=quien.nombre if quien else usuario,
        impresa_en=(ahora or datetime.now(UTC)),
        filas_en_blanco=filas_en_blanco,
        aviso=aviso_privacidad().resumen,
    )
