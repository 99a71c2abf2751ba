"""Números de radicado (Acuerdo 060 de 2001 del AGN).

Cada punto de radicación (un equipo de ventanilla, un portátil de brigada) tiene su propia serie:
el consecutivo se asigna en estricto orden de recibo, se reinicia en 1 cada año y nunca se
reserva, salta, repite ni reutiliza. Como cada serie es de un solo punto, el número es único en
toda la entidad por construcción, sin pedir bloques a un servidor.

El formato es una plantilla configurable. Toda plantilla debe contener la serie (`{serie}` o su
código numérico `{serie_num}`), el año y el consecutivo; si faltara uno, dos puntos (o dos años)
podrían emitir el mismo número, y la plantilla se rechaza.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

__all__ = [
    "PlantillaInvalida",
    "Plantilla",
    "PLANTILLA_POR_DEFECTO",
    "PLANTILLA_CARTAGENA",
    "PLANTILLA_ORFEO",
    "validar_serie",
]

PLANTILLA_POR_DEFECTO = "{entidad}-{serie}-{año}-{consecutivo:06d}"
"""Ejemplo: MZL-VU01-2026-000123."""

PLANTILLA_CARTAGENA = "{entidad}-{serie}-{consecutivo:07d}-{año}"
"""Como los radicados de Cartagena: AMC-OFI-0069131-2025."""

PLANTILLA_ORFEO = "{año}{serie_num:03d}{consecutivo:06d}{tipo_radicado}"
"""Los 14 dígitos de Orfeo: año, dependencia (aquí el código numérico de la serie), consecutivo
y tipo (2 = entrada). Ejemplo: 20261000001232."""

_CAMPOS = {"entidad", "serie", "serie_num", "año", "consecutivo", "tipo_radicado"}


class PlantillaInvalida(ValueError):
    """La plantilla de numeración no garantiza números únicos o no se puede usar."""


def validar_serie(serie: str) -> str:
    """Una serie es un código corto de letras mayúsculas y dígitos (VU01, OFI, BRIGADA2)."""
    limpia = serie.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{2,12}", limpia):
        raise ValueError(
            f"La serie «{serie}» no es válida: use de 2 a 12 letras sin tilde o dígitos, como VU01."
        )
    return limpia


def _enumerar(partes: list[str]) -> str:
    return partes[0] if len(partes) == 1 else ", ".join(partes[:-1]) + " y " + partes[-1]


@dataclass(frozen=True)
class Plantilla:
    """Una plantilla de radicado ya validada."""

    texto: str

    def __post_init__(self) -> None:
        try:
            campos = [
                (nombre, formato)
                for _, nombre, formato, _ in string.Formatter().parse(self.texto)
                if nombre is not None
            ]
        except ValueError as error:
            raise PlantillaInvalida(f"La plantilla «{self.texto}» está mal escrita: {error}.") from None
        nombres = {nombre for nombre, _ in campos}
        desconocidos = nombres - _CAMPOS
        if desconocidos:
            raise PlantillaInvalida(
                f"La plantilla usa campos que no existen: {', '.join(sorted(desconocidos))}. "
                f"Los campos son: {', '.join(sorted(_CAMPOS))}."
            )
        faltan = []
        if not nombres & {"serie", "serie_num"}:
            faltan.append("la serie ({serie} o {serie_num})")
        if "año" not in nombres:
            faltan.append("el año ({año})")
        if "consecutivo" not in nombres:
            faltan.append("el consecutivo ({consecutivo})")
        if faltan:
            raise PlantillaInvalida(
                "La plantilla debe contener " + _enumerar(faltan) + ": sin ello dos puntos de "
                "radicación podrían emitir el mismo número."
            )
        try:
            self.formatear(entidad="X", serie="X", serie_num=1, anio=2000, consecutivo=1)
        except (ValueError, KeyError) as error:
            raise PlantillaInvalida(f"La plantilla «{self.texto}» no se puede aplicar: {error}.") from None

    def formatear(
        self,
        *,
        entidad: str,
        serie: str,
        serie_num: int,
        anio: int,
        consecutivo: int,
        tipo_radicado: int = 2,
    ) -> str:
        if consecutivo < 1:
            raise ValueError("el consecutivo empieza en 1")
        return self.texto.format(
            entidad=entidad,
            serie=serie,
            serie_num=serie_num,
            año=anio,
            consecutivo=consecutivo,
            tipo_radicado=tipo_radicado,
        )
