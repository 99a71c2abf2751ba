"""Lo que se imprime, en datos planos e inmutables: cada documento se arma solo con esto.

Así los documentos no dependen del almacén ni de la interfaz: el servicio de impresión llena
estas clases desde el registro de una solicitud, las pruebas y el banco de rendimiento las
construyen a mano. Los tipos y canales llegan con su código del dominio (`peticion`,
`presencial`) y el documento muestra su nombre legible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from ventanilla.dominio.documentos import TIPOS_DOCUMENTO
from ventanilla.dominio.solicitudes import CANALES
from ventanilla.dominio.terminos import TERMINOS
from ventanilla.impresion.formato import local

__all__ = [
    "DOCUMENTOS",
    "DatosAnulacion",
    "DatosRadicado",
    "DatosTurno",
    "Entidad",
    "Peticionario",
]

DOCUMENTOS: dict[str, str] = {
    "constancia": "Constancia de radicación",
    "sticker": "Rótulo de radicado",
    "recibo": "Recibo de radicación (80 mm)",
    "anulacion": "Constancia de anulación",
}
"""Los documentos de un radicado, por su código (el de `ventanilla imprimir --documento`)."""


@dataclass(frozen=True)
class Entidad:
    """La entidad que radica, tal como aparece en el encabezado de sus documentos.

    `url_consulta` es una plantilla con `{radicado}` (la dirección donde el ciudadano consulta
    el estado); vacía si la entidad no tiene consulta en línea. `logo` son los bytes de una
    imagen PNG o JPEG.
    """

    nombre: str
    nit: str
    dependencia: str = "Ventanilla Única de Atención al Ciudadano"
    direccion: str = ""
    url_consulta: str = ""
    logo: bytes | None = None

    def consulta(self, radicado: str) -> str:
        """La dirección de consulta de un radicado, o "" si la entidad no tiene."""
        if not self.url_consulta:
            return ""
        return self.url_consulta.replace("{radicado}", quote(radicado, safe=""))


@dataclass(frozen=True)
class Peticionario:
    nombre: str
    tipo_documento: str
    numero_documento: str | None = None

    @property
    def documento(self) -> str:
        """«Cédula de ciudadanía 75071234», o el nombre del tipo si no lleva número."""
        definicion = TIPOS_DOCUMENTO.get(self.tipo_documento)
        nombre = definicion.nombre if definicion else self.tipo_documento
        return f"{nombre} {self.numero_documento}" if self.numero_documento else nombre


def _exigir_zona(campo: str, instante: datetime | None) -> None:
    if instante is not None:
        try:
            local(instante)
        except ValueError:
            raise ValueError(f"{campo} debe llevar zona horaria.") from None


@dataclass(frozen=True)
class DatosRadicado:
    """Una solicitud radicada, para la constancia, el rótulo y el recibo.

    `peticionario` None es una solicitud anónima. `vence_el` None: el tipo no tiene término.
    `anexos` describe cada anexo («Copia de la cédula», «planos.pdf»).
    """

    entidad: Entidad
    radicado: str
    recibido_en: datetime
    peticionario: Peticionario | None
    canal: str
    tipo: str
    asunto: str
    dependencia: str
    vence_el: date | None
    folios: int
    anexos: tuple[str, ...]
    funcionario: str
    punto: str
    serie: str
    aviso_privacidad: str
    verbal: bool = False

    def __post_init__(self) -> None:
        _exigir_zona("recibido_en", self.recibido_en)
        if self.folios < 0:
            raise ValueError("Los folios no pueden ser negativos.")
        if not self.radicado:
            raise ValueError("Falta el número de radicado.")

    @property
    def tipo_nombre(self) -> str:
        termino = TERMINOS.get(self.tipo)
        return termino.nombre if termino else self.tipo

    @property
    def canal_nombre(self) -> str:
        return CANALES.get(self.canal, self.canal)

    @property
    def termino_texto(self) -> str:
        """«15 días hábiles, Ley 1755 de 2015, art. 14», o "" si no aplica."""
        termino = TERMINOS.get(self.tipo)
        if termino is None or termino.dias is None:
            return ""
        return f"{termino.dias} días hábiles, {termino.fuente}"

    @property
    def url_consulta(self) -> str:
        return self.entidad.consulta(self.radicado)


@dataclass(frozen=True)
class DatosAnulacion:
    """La anulación aprobada de un radicado: el número queda usado y nunca se vuelve a asignar."""

    entidad: Entidad
    radicado: str
    recibido_en: datetime
    tipo: str
    asunto: str
    solicitada_por: str
    justificacion: str
    aprobada_por: str
    anulada_en: datetime
    punto: str
    serie: str

    def __post_init__(self) -> None:
        _exigir_zona("recibido_en", self.recibido_en)
        _exigir_zona("anulada_en", self.anulada_en)
        if not self.radicado:
            raise ValueError("Falta el número de radicado.")

    @property
    def tipo_nombre(self) -> str:
        termino = TERMINOS.get(self.tipo)
        return termino.nombre if termino else self.tipo


@dataclass(frozen=True)
class DatosTurno:
    """Un turno de la fila: código (`A-023`), servicio y cuántas personas esperan antes."""

    entidad: Entidad
    codigo: str
    servicio: str
    emitido_en: datetime
    personas_antes: int
    preferencial: bool = False
    sede: str = ""

    def __post_init__(self) -> None:
        _exigir_zona("emitido_en", self.emitido_en)
        if self.personas_antes < 0:
            raise ValueError("Las personas antes del turno no pueden ser negativas.")
