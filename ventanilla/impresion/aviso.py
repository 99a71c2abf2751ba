"""El aviso de privacidad (Ley 1581 de 2012) que se entrega a todo ciudadano que radica.

El texto vive en `recursos/aviso_privacidad.txt`, con su versión, un resumen para la constancia
y el aviso completo; la versión es la que se anota al radicar, para saber qué texto se informó.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ventanilla.rutas import recurso

__all__ = ["AvisoPrivacidad", "aviso_privacidad"]


@dataclass(frozen=True)
class AvisoPrivacidad:
    version: str
    resumen: str
    completo: str


def _secciones(texto: str) -> tuple[str, dict[str, str]]:
    version = ""
    secciones: dict[str, list[str]] = {}
    actual: list[str] | None = None
    for linea in texto.splitlines():
        if linea.startswith("versión:") and actual is None:
            version = linea.partition(":")[2].strip()
        elif linea.startswith("[") and linea.rstrip().endswith("]"):
            actual = secciones.setdefault(linea.strip()[1:-1], [])
        elif actual is not None:
            actual.append(linea)
    return version, {nombre: "\n".join(lineas).strip() for nombre, lineas in secciones.items()}


@cache
def aviso_privacidad() -> AvisoPrivacidad:
    """El aviso que trae la aplicación."""
    version, secciones = _secciones(recurso("aviso_privacidad.txt").read_text(encoding="utf-8"))
    if not version or not secciones.get("resumen") or not secciones.get("aviso"):
        raise ValueError("El aviso de privacidad no tiene versión, [resumen] y [aviso].")
    return AvisoPrivacidad(version, secciones["resumen"], secciones["aviso"])
