"""Validación de una solicitud nueva, campo por campo, con mensajes para el usuario.

La misma validación sirve al formulario (cada campo se valida al salir de él), a la línea de
órdenes (`ventanilla radicar`, importación masiva) y al servidor. Nada se rechaza por estar mal
redactado ni por falta de autorización de datos: solo lo que impide radicar.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.dominio.documentos import DocumentoInvalido, normalizar_documento
from ventanilla.dominio.terminos import ANONIMAS_PERMITIDAS, TipoDesconocido, termino_de

__all__ = [
    "CANALES",
    "ErrorCampo",
    "SolicitudInvalida",
    "Ciudadano",
    "NuevaSolicitud",
    "validar_solicitud",
    "validar_correo",
    "validar_telefono",
    "sin_tildes",
    "buscar_en_catalogo",
    "MAX_ASUNTO",
    "SENTIDOS_RESPUESTA",
    "AUTORIZACIONES",
    "DATOS_SENSIBLES",
]

CANALES: dict[str, str] = {
    "presencial": "Presencial",
    "escrito": "Escrito",
    "telefonico": "Telefónico",
    "correo_electronico": "Correo electrónico",
    "web": "Página web",
    "redes_sociales": "Redes sociales",
    "brigada": "Brigada",
}

MAX_ASUNTO = 300

AUTORIZACIONES = ("caracterizacion", "datos_sensibles", "encuestas_contacto")
"""Lo que va más allá de la petición y pide autorización expresa (Ley 1581): la caracterización
opcional, los datos sensibles (con la suya propia) y las encuestas o el contacto."""

DATOS_SENSIBLES = frozenset({"etnia", "grupo_etnico", "discapacidad", "victima_conflicto"})
"""Claves de la caracterización que son datos sensibles (Ley 1581, art. 5)."""

SENTIDOS_RESPUESTA: dict[str, str] = {"concedida": "Concedida", "parcial": "Concedida en parte", "negada": "Negada"}
"""El sentido de una respuesta (`datos.sentido` del evento `solicitud.respondida`); el informe de
acceso a la información pública (Decreto 103 de 2015, art. 52) cuenta las negadas."""
_CORREO = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class ErrorCampo:
    campo: str
    mensaje: str

    def __str__(self) -> str:
        return f"{self.campo}: {self.mensaje}"


class SolicitudInvalida(ValueError):
    """La solicitud tiene uno o más campos que impiden radicarla."""

    def __init__(self, errores: list[ErrorCampo]) -> None:
        self.errores = errores
        super().__init__("; ".join(str(e) for e in errores))


@dataclass(frozen=True)
class Ciudadano:
    tipo_documento: str
    numero_documento: str | None
    nombres: str
    apellidos: str = ""
    telefono: str = ""
    correo: str = ""
    direccion: str = ""
    comuna: str = ""

    @property
    def nombre_completo(self) -> str:
        return " ".join(p for p in (self.nombres, self.apellidos) if p)


@dataclass(frozen=True)
class NuevaSolicitud:
    tipo: str
    canal: str
    asunto: str
    descripcion: str
    dependencia: str
    folios: int
    recibido: datetime
    consentimiento: bool
    ciudadano: Ciudadano | None
    verbal: bool = False
    prioritaria: bool = False
    preferencial: str = ""
    anexos: tuple[str, ...] = ()
    caracterizacion: Mapping[str, Any] = field(default_factory=dict)
    accesibilidad: tuple[str, ...] = ()
    autorizaciones: Mapping[str, bool] = field(default_factory=dict)
    """Cada autorización de `AUTORIZACIONES`, otorgada o no."""


def sin_tildes(texto: str) -> str:
    """Minúsculas sin tildes, para comparar nombres como los escribe la gente."""
    descompuesto = unicodedata.normalize("NFKD", texto.strip().lower())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def buscar_en_catalogo(valor: str, catalogo: Mapping[str, str]) -> str | None:
    """El código de un catálogo {código: nombre} que coincide con `valor` por código o nombre."""
    clave = sin_tildes(valor)
    for codigo, nombre in catalogo.items():
        if clave in (sin_tildes(codigo), sin_tildes(nombre)):
            return codigo
    return None


def validar_correo(correo: str) -> str:
    correo = correo.strip()
    if correo and not _CORREO.fullmatch(correo):
        raise ValueError(f"El correo «{correo}» no es válido: debe ser como nombre@dominio.co.")
    return correo


def validar_telefono(telefono: str) -> str:
    """Celular (10 dígitos que empiezan por 3), fijo (7 dígitos o 60 + indicativo: 10) o con +57."""
    limpio = re.sub(r"[\s\-().]", "", telefono)
    if not limpio:
        return ""
    if limpio.startswith("+57"):
        limpio = limpio[3:]
    if not (re.fullmatch(r"3\d{9}|60\d{8}|\d{7}", limpio)):
        raise ValueError(
            f"El teléfono «{telefono}» no es válido: escriba un celular de 10 dígitos (3...) o un "
            "fijo de 7 dígitos o de 10 que empiece por 60."
        )
    return limpio


def _texto(datos: Mapping[str, Any], clave: str) -> str:
    valor = datos.get(clave)
    return valor.strip() if isinstance(valor, str) else ""


def _validar_ciudadano(
    datos: Any, tipo: str, errores: list[ErrorCampo]
) -> Ciudadano | None:
    if datos is None:
        if tipo not in ANONIMAS_PERMITIDAS:
            errores.append(
                ErrorCampo(
                    "ciudadano",
                    "Solo las quejas y las denuncias se reciben de forma anónima: registre los "
                    "datos del peticionario.",
                )
            )
        return None
    if not isinstance(datos, Mapping):
        errores.append(ErrorCampo("ciudadano", "Debe ser un objeto con los datos del peticionario o null."))
        return None
    antes = len(errores)
    tipo_documento = _texto(datos, "tipo_documento").upper()
    numero: str | None = None
    crudo = datos.get("numero_documento")
    if isinstance(crudo, int) and not isinstance(crudo, bool):
        crudo = str(crudo)
    try:
        if crudo is not None and not isinstance(crudo, str):
            raise DocumentoInvalido("Escriba el número de documento como texto, por ejemplo \"75071234\".")
        numero = normalizar_documento(tipo_documento, crudo)
    except DocumentoInvalido as error:
        campo = "ciudadano.tipo_documento" if "tipo de documento" in str(error) else "ciudadano.numero_documento"
        errores.append(ErrorCampo(campo, str(error)))
    nombres = _texto(datos, "nombres")
    if not nombres:
        errores.append(ErrorCampo("ciudadano.nombres", "Escriba el nombre del peticionario (o de la empresa)."))
    telefono = correo = ""
    try:
        telefono = validar_telefono(_texto(datos, "telefono"))
    except ValueError as error:
        errores.append(ErrorCampo("ciudadano.telefono", str(error)))
    try:
        correo = validar_correo(_texto(datos, "correo"))
    except ValueError as error:
        errores.append(ErrorCampo("ciudadano.correo", str(error)))
    if len(errores) > antes:
        return None
    return Ciudadano(
        tipo_documento=tipo_documento,
        numero_documento=numero,
        nombres=nombres,
        apellidos=_texto(datos, "apellidos"),
        telefono=telefono,
        correo=correo,
        direccion=_texto(datos, "direccion"),
        comuna=_texto(datos, "comuna"),
    )


def _validar_recibido(valor: Any, ahora: datetime, errores: list[ErrorCampo]) -> datetime:
    if valor in (None, ""):
        return ahora
    if not isinstance(valor, str):
        errores.append(ErrorCampo("recibido", "Escriba la fecha y hora como 2026-11-23T10:42."))
        return ahora
    try:
        recibido = datetime.fromisoformat(valor)
    except ValueError:
        errores.append(ErrorCampo("recibido", f"«{valor}» no es una fecha y hora: use 2026-11-23T10:42."))
        return ahora
    if recibido.tzinfo is None:
        recibido = recibido.replace(tzinfo=BOGOTA)
    if recibido > ahora:
        errores.append(
            ErrorCampo(
                "recibido",
                f"La hora de recibo ({recibido.astimezone(BOGOTA):%Y-%m-%d %H:%M}) está en el "
                "futuro: revise la fecha o el reloj del equipo.",
            )
        )
    return recibido


def validar_solicitud(
    datos: Mapping[str, Any],
    *,
    dependencias: Mapping[str, str],
    ahora: datetime,
) -> NuevaSolicitud:
    """Convierte el JSON de una solicitud en una `NuevaSolicitud` o lanza `SolicitudInvalida`.

    `dependencias` es el catálogo {código: nombre}; `ahora` es la hora del equipo (con zona).
    """
    errores: list[ErrorCampo] = []
    tipo = _texto(datos, "tipo").lower()
    try:
        termino_de(tipo)
    except TipoDesconocido as error:
        errores.append(ErrorCampo("tipo", str(error)))
    canal = _texto(datos, "canal").lower()
    if canal not in CANALES:
        errores.append(
            ErrorCampo("canal", f"El canal «{canal}» no existe. Use uno de: {', '.join(CANALES)}.")
        )
    asunto = _texto(datos, "asunto")
    if not asunto:
        errores.append(ErrorCampo("asunto", "Escriba el asunto: en pocas palabras, qué pide el ciudadano."))
    elif len(asunto) > MAX_ASUNTO:
        errores.append(ErrorCampo("asunto", f"El asunto tiene {len(asunto)} caracteres; el máximo es {MAX_ASUNTO}: lleve el detalle a la descripción."))
    dependencia = buscar_en_catalogo(_texto(datos, "dependencia"), dependencias)
    if dependencia is None:
        errores.append(
            ErrorCampo(
                "dependencia",
                f"La dependencia «{_texto(datos, 'dependencia')}» no está en el catálogo. "
                f"Use una de: {', '.join(dependencias.values())}.",
            )
        )
    folios_crudo = datos.get("folios", 0)
    folios = 0
    if isinstance(folios_crudo, bool) or not isinstance(folios_crudo, int) or not 0 <= folios_crudo <= 10000:
        errores.append(ErrorCampo("folios", "Los folios son un número entero de 0 a 10000."))
    else:
        folios = folios_crudo
    consentimiento = datos.get("consentimiento", False)
    if not isinstance(consentimiento, bool):
        errores.append(ErrorCampo("consentimiento", "Debe ser true o false."))
        consentimiento = False
    recibido = _validar_recibido(datos.get("recibido"), ahora, errores)
    ciudadano = _validar_ciudadano(datos.get("ciudadano"), tipo, errores)
    anexos = datos.get("anexos", [])
    if not isinstance(anexos, list) or not all(isinstance(a, str) for a in anexos):
        errores.append(ErrorCampo("anexos", "Debe ser una lista de textos (la descripción de cada anexo)."))
        anexos = []
    caracterizacion = datos.get("caracterizacion") or {}
    if not isinstance(caracterizacion, Mapping):
        errores.append(ErrorCampo("caracterizacion", "Debe ser un objeto."))
        caracterizacion = {}
    accesibilidad = datos.get("accesibilidad", [])
    if not isinstance(accesibilidad, list):
        errores.append(ErrorCampo("accesibilidad", "Debe ser una lista."))
        accesibilidad = []
    autorizaciones = _validar_autorizaciones(datos.get("autorizaciones"), consentimiento, errores)
    if errores:
        raise SolicitudInvalida(errores)
    assert dependencia is not None
    return NuevaSolicitud(
        tipo=tipo,
        canal=canal,
        asunto=asunto,
        descripcion=_texto(datos, "descripcion"),
        dependencia=dependencia,
        folios=folios,
        recibido=recibido,
        consentimiento=consentimiento,
        ciudadano=ciudadano,
        verbal=bool(datos.get("verbal", canal in ("presencial", "telefonico"))),
        prioritaria=bool(datos.get("prioritaria", False)),
        preferencial=_texto(datos, "preferencial"),
        anexos=tuple(anexos),
        caracterizacion=_caracterizacion_autorizada(caracterizacion, autorizaciones),
        accesibilidad=tuple(str(a) for a in accesibilidad) if autorizaciones["caracterizacion"] else (),
        autorizaciones=autorizaciones,
    )


def _validar_autorizaciones(valor: Any, consentimiento: bool, errores: list[ErrorCampo]) -> dict[str, bool]:
    """Sin detalle, `consentimiento` vale para las tres; los datos sensibles exigen además la
    caracterización."""
    if valor is None:
        autorizaciones = {clave: consentimiento for clave in AUTORIZACIONES}
    elif not isinstance(valor, Mapping) or not all(isinstance(v, bool) for v in valor.values()):
        errores.append(ErrorCampo("autorizaciones", f"Debe ser un objeto con true o false para: {', '.join(AUTORIZACIONES)}."))
        return {clave: False for clave in AUTORIZACIONES}
    else:
        autorizaciones = {clave: bool(valor.get(clave, False)) for clave in AUTORIZACIONES}
    autorizaciones["datos_sensibles"] = autorizaciones["datos_sensibles"] and autorizaciones["caracterizacion"]
    return autorizaciones


def _caracterizacion_autorizada(caracterizacion: Mapping[str, Any], autorizaciones: Mapping[str, bool]) -> dict[str, Any]:
    """Sin autorización no se guarda caracterización alguna, ni datos sensibles sin la suya (Ley 1581)."""
    if not autorizaciones["caracterizacion"]:
        return {}
    return {
        clave: valor
        for clave, valor in caracterizacion.items()
        if autorizaciones["datos_sensibles"] or clave not in DATOS_SENSIBLES
    }
