"""Las formas de los mensajes de la API (Pydantic): validan la entrada y documentan `/openapi.json`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

__all__ = [
    "UUID",
    "AcuseEventos",
    "CambioCatalogo",
    "CambioUsuario",
    "CiudadanoEntrada",
    "EstadoEquipo",
    "EventoEntrada",
    "LoteCiudadanos",
    "LoteEventos",
    "PeticionCodigo",
    "PeticionInscripcion",
    "PeticionSesion",
    "ResolucionRevision",
]

UUID = Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
_Texto = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f]+$")]
_TextoLargo = Annotated[str, Field(max_length=200, pattern=r"^[^\x00-\x1f]*$")]


class _Estricto(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventoEntrada(_Estricto):
    id: UUID
    dispositivo: UUID
    seq: Annotated[int, Field(ge=1, le=2_000_000_000)]
    usuario: _Texto
    ocurrido_en: AwareDatetime
    tipo: _Texto
    datos: dict[str, Any]
    hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class LoteEventos(_Estricto):
    eventos: Annotated[list[EventoEntrada], Field(min_length=1, max_length=5000)]


class AcuseEventos(BaseModel):
    aceptados: int
    duplicados: int
    ultimo_seq: int
    ultimo_hash: str
    hora_servidor: str


class CiudadanoEntrada(_Estricto):
    id: UUID
    version_base: Annotated[int, Field(ge=0, le=2_000_000_000)]
    datos: dict[str, Any]


class LoteCiudadanos(_Estricto):
    ciudadanos: Annotated[list[CiudadanoEntrada], Field(min_length=1, max_length=2000)]


class PeticionInscripcion(_Estricto):
    codigo: Annotated[str, Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9-]+$")]
    dispositivo: UUID
    nombre: _TextoLargo = ""
    series_usadas: Annotated[list[Annotated[str, Field(max_length=16)]], Field(max_length=50)] = []


class PeticionCodigo(_Estricto):
    serie: Annotated[str, Field(min_length=1, max_length=16)]
    punto: Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[^\x00-\x1f]+$")]
    serie_num: Annotated[int, Field(ge=1, le=999)] = 100


class PeticionSesion(_Estricto):
    login: _Texto
    clave: Annotated[str, Field(min_length=1, max_length=200)]


class CambioCatalogo(_Estricto):
    datos: dict[str, Any]
    activo: bool = True


class CambioUsuario(_Estricto):
    nombre: Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[^\x00-\x1f]+$")]
    roles: Annotated[list[str], Field(min_length=1, max_length=4)]
    clave: Annotated[str | None, Field(min_length=8, max_length=200)] = None
    activo: bool = True


class EstadoEquipo(BaseModel):
    dispositivo: str
    serie: str
    punto: str
    ultimo_seq: int
    ultimo_hash: str
    hora_servidor: str


def _decision(valor: Any) -> Any:
    if valor not in ("aplicar", "conservar", "revisada"):
        raise PydanticCustomError("decision", "La decisión debe ser «aplicar», «conservar» o «revisada».")
    return valor


def _nota(valor: Any) -> str:
    texto = valor.strip() if isinstance(valor, str) else ""
    if not 1 <= len(texto) <= 500 or any(ord(c) < 32 for c in texto):
        raise PydanticCustomError(
            "nota", "Escriba en una línea, de 1 a 500 caracteres, el motivo de la decisión: queda anotado con ella."
        )
    return texto


class ResolucionRevision(_Estricto):
    """La decisión de un administrador sobre una revisión, con su motivo (los mensajes, en español)."""

    decision: Annotated[Literal["aplicar", "conservar", "revisada"], BeforeValidator(_decision)]
    nota: Annotated[str, BeforeValidator(_nota), Field(json_schema_extra={"minLength": 1, "maxLength": 500})]
    version_vista: Annotated[
        int | None,
        Field(ge=1, le=2_000_000_000, description="La versión del ciudadano que vio quien decide (solo para «aplicar»)"),
    ] = None
