"""Documentos de identidad colombianos: tipos, formato y dígito de verificación del NIT.

Los mensajes de error están escritos para mostrarse tal cual junto al campo donde se escribió
el número, en español y diciendo qué hacer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "TipoDocumento",
    "TIPOS_DOCUMENTO",
    "DocumentoInvalido",
    "digito_verificacion_nit",
    "normalizar_documento",
]

_PESOS_NIT = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)


class DocumentoInvalido(ValueError):
    """El número no corresponde al formato de su tipo de documento."""


@dataclass(frozen=True)
class TipoDocumento:
    codigo: str
    nombre: str
    patron: str | None
    formato: str
    """Descripción del formato para el mensaje de error ("de 3 a 10 dígitos")."""
    sin_numero: bool = False


TIPOS_DOCUMENTO: dict[str, TipoDocumento] = {
    t.codigo: t
    for t in (
        TipoDocumento("CC", "Cédula de ciudadanía", r"[1-9]\d{2,9}", "de 3 a 10 dígitos, sin puntos"),
        TipoDocumento("TI", "Tarjeta de identidad", r"\d{10,11}", "de 10 u 11 dígitos"),
        TipoDocumento("RC", "Registro civil de nacimiento", r"[0-9A-Z]{8,11}", "de 8 a 11 letras o dígitos"),
        TipoDocumento("CE", "Cédula de extranjería", r"\d{3,10}", "de 3 a 10 dígitos"),
        TipoDocumento("PA", "Pasaporte", r"[0-9A-Z]{5,15}", "de 5 a 15 letras o dígitos"),
        TipoDocumento("PEP", "Permiso especial de permanencia", r"\d{15}", "de 15 dígitos"),
        TipoDocumento("PPT", "Permiso por protección temporal", r"\d{6,10}", "de 6 a 10 dígitos"),
        TipoDocumento("NIT", "Número de identificación tributaria", r"\d{6,15}", "de 6 a 15 dígitos y su dígito de verificación"),
        TipoDocumento("NUIP", "Número único de identificación personal", r"\d{10}", "de 10 dígitos"),
        TipoDocumento("SIA", "Sin identificación (adulto)", None, "sin número", sin_numero=True),
        TipoDocumento("SIM", "Sin identificación (menor)", None, "sin número", sin_numero=True),
    )
}


def digito_verificacion_nit(nit: str) -> int:
    """Dígito de verificación de la DIAN: módulo 11 con pesos 3, 7, 13, ... desde la derecha."""
    if not nit.isdigit() or len(nit) > len(_PESOS_NIT):
        raise DocumentoInvalido("El NIT debe tener solo dígitos (máximo 15) antes del dígito de verificación.")
    suma = sum(int(d) * p for d, p in zip(reversed(nit), _PESOS_NIT))
    resto = suma % 11
    return resto if resto in (0, 1) else 11 - resto


def normalizar_documento(tipo: str, numero: str | None) -> str | None:
    """Devuelve el número limpio (sin puntos ni espacios; el NIT como `890801053-7`).

    Lanza DocumentoInvalido con un mensaje para el usuario si el número no sirve.
    """
    try:
        definicion = TIPOS_DOCUMENTO[tipo]
    except KeyError:
        conocidos = ", ".join(TIPOS_DOCUMENTO)
        raise DocumentoInvalido(f"El tipo de documento «{tipo}» no existe. Use uno de: {conocidos}.") from None
    limpio = re.sub(r"[\s.,]", "", numero or "").upper()
    if definicion.sin_numero:
        if limpio:
            raise DocumentoInvalido(f"«{definicion.nombre}» no lleva número: deje el número vacío.")
        return None
    if not limpio:
        raise DocumentoInvalido(f"Escriba el número de {definicion.nombre.lower()}.")
    if tipo == "NIT":
        return _normalizar_nit(limpio)
    assert definicion.patron is not None
    if not re.fullmatch(definicion.patron, limpio):
        raise DocumentoInvalido(
            f"El número «{numero}» no es válido para {definicion.nombre.lower()}: debe tener {definicion.formato}."
        )
    return limpio


def _normalizar_nit(limpio: str) -> str:
    if "-" in limpio:
        base, _, dv = limpio.partition("-")
        if not (dv.isdigit() and len(dv) == 1):
            raise DocumentoInvalido("Después del guion va un solo dígito de verificación, por ejemplo 890801053-7.")
    else:
        base, dv = limpio, ""
    if not re.fullmatch(r"\d{6,15}", base):
        raise DocumentoInvalido("El NIT debe tener de 6 a 15 dígitos antes del dígito de verificación.")
    esperado = digito_verificacion_nit(base)
    if dv and int(dv) != esperado:
        raise DocumentoInvalido(f"El dígito de verificación del NIT {base} es {esperado}, no {dv}.")
    return f"{base}-{esperado}"
