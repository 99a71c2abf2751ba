"""Las revisiones del servidor dichas en palabras: su renglón en la lista, su explicación y, para
dos equipos que cambiaron a la misma persona, los datos en que difieren la actual y la propuesta.

Sin Qt: lo usa la sección «Revisiones» de la ventana de administración.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ventanilla.dominio.documentos import TIPOS_DOCUMENTO
from ventanilla.gui.fechas import fecha_corta, hora, local
from ventanilla.informes.caracterizacion import etiqueta_campo, etiqueta_valor

__all__ = ["HECHO", "Diferencia", "diferencias", "explicacion", "nombre_equipo", "persona", "renglon"]

SIN_DATO = "—"

CAMPOS_CIUDADANO: dict[str, str] = {
    "tipo_documento": "Tipo de documento",
    "numero_documento": "Número de documento",
    "nombres": "Nombres",
    "apellidos": "Apellidos",
    "telefono": "Teléfono",
    "correo": "Correo electrónico",
    "direccion": "Dirección",
    "comuna": "Comuna o corregimiento",
}

_AUTORIZACIONES: dict[str, str] = {
    "aviso_privacidad": "Aviso de privacidad",
    "tratamiento_adicional": "Autoriza tratamiento adicional",
    "caracterizacion": "Autoriza la caracterización",
    "datos_sensibles": "Autoriza datos sensibles",
    "encuestas_contacto": "Autoriza encuestas y contacto",
}

HECHO: dict[str, str] = {
    "aplicar": "se aplicó la propuesta",
    "conservar": "se conservó la actual",
    "revisada": "se marcó como revisada",
}

_SIN_COMPARAR = frozenset({"actualizado_en"})
"""La hora de la última edición siempre difiere: la explicación ya dice cuándo fue el conflicto."""


@dataclass(frozen=True)
class Diferencia:
    dato: str
    actual: str
    propuesta: str


def _fecha(instante: Any) -> str:
    try:
        momento = local(datetime.fromisoformat(str(instante)))
    except ValueError:
        return str(instante)
    return f"{fecha_corta(momento.date())}, {hora(momento)}"


def _valor(valor: Any) -> str:
    if valor is None or valor == "" or valor == [] or valor == {}:
        return SIN_DATO
    if isinstance(valor, list):
        return ", ".join(etiqueta_valor(v) for v in valor)
    return etiqueta_valor(valor) if isinstance(valor, bool) else str(valor)


def _autorizacion(valor: Any) -> str:
    if not isinstance(valor, dict):
        return _valor(valor)
    partes = [("Sí" if valor["otorgada"] else "No") if "otorgada" in valor else "Informado"]
    instante = valor.get("en") or valor.get("informado_en")
    if instante:
        partes.append(_fecha(instante))
    if valor.get("version"):
        partes.append(f"texto {valor['version']}")
    return " · ".join(partes)


def _dato(clave: str, valor: Any, comunas: dict[str, str]) -> str:
    if clave == "tipo_documento" and valor in TIPOS_DOCUMENTO:
        return TIPOS_DOCUMENTO[valor].nombre
    if clave == "comuna" and valor:
        return comunas.get(valor, str(valor))
    return _valor(valor)


_PRIMERO = (*CAMPOS_CIUDADANO, "caracterizacion", "autorizaciones")


def _rango(clave: str) -> tuple[int, int, str]:
    """El orden del formulario de radicación: los datos de la persona, su caracterización y sus autorizaciones."""
    arriba, _, abajo = clave.partition(".")
    primero = _PRIMERO.index(arriba) if arriba in _PRIMERO else len(_PRIMERO)
    segundo = list(_AUTORIZACIONES).index(abajo) if arriba == "autorizaciones" and abajo in _AUTORIZACIONES else len(_AUTORIZACIONES)
    return primero, segundo, clave


def _en_palabras(datos: dict[str, Any], comunas: dict[str, str]) -> dict[str, tuple[str, str]]:
    """{clave: (nombre del dato, valor en palabras)}; lo anidado, un dato por clave («caracterizacion.sexo»)."""
    filas: dict[str, tuple[str, str]] = {}
    for clave, valor in datos.items():
        if clave in _SIN_COMPARAR:
            continue
        if clave == "caracterizacion" and isinstance(valor, dict):
            for sub, dato in valor.items():
                filas[f"caracterizacion.{sub}"] = (f"Caracterización: {etiqueta_campo(sub).lower()}", _valor(dato))
        elif clave == "autorizaciones" and isinstance(valor, dict):
            for sub, dato in valor.items():
                filas[f"autorizaciones.{sub}"] = (_AUTORIZACIONES.get(sub, etiqueta_campo(sub)), _autorizacion(dato))
        else:
            filas[clave] = (CAMPOS_CIUDADANO.get(clave) or etiqueta_campo(clave), _dato(clave, valor, comunas))
    return filas


def diferencias(actual: dict[str, Any], propuesta: dict[str, Any], comunas: dict[str, str] | None = None) -> list[Diferencia]:
    """Solo los datos en que la actual y la propuesta se leen distinto, con su nombre en español."""
    de_la_actual, de_la_propuesta = _en_palabras(actual, comunas or {}), _en_palabras(propuesta, comunas or {})
    resultado = []
    for clave in sorted(de_la_actual.keys() | de_la_propuesta.keys(), key=_rango):
        nombre, antes = de_la_actual.get(clave, ("", SIN_DATO))
        nombre_propuesto, despues = de_la_propuesta.get(clave, (nombre, SIN_DATO))
        if antes != despues:
            resultado.append(Diferencia(nombre or nombre_propuesto, antes, despues))
    return resultado


def persona(datos: dict[str, Any]) -> str:
    """«Ana María Gómez · CC 24331208», o lo que haya de eso."""
    nombre = " ".join(str(datos.get(c) or "").strip() for c in ("nombres", "apellidos")).strip()
    documento = " ".join(str(datos.get(c) or "").strip() for c in ("tipo_documento", "numero_documento")).strip()
    return " · ".join(p for p in (nombre, documento) if p) or "una persona sin nombre ni documento"


def nombre_equipo(dispositivo: str, equipos: dict[str, dict[str, Any]]) -> str:
    equipo = equipos.get(dispositivo)
    return f"{equipo['punto']} (serie {equipo['serie']})" if equipo else f"el equipo {dispositivo[:8]}"


def _de_quien(revision: dict[str, Any]) -> str:
    """La persona de una revisión de ciudadano, o el evento de una de la cadena."""
    detalle = revision["detalle"] if isinstance(revision["detalle"], dict) else {}
    datos = (revision.get("actual") or {}).get("datos") or detalle.get("propuesta")
    return persona(datos) if datos else f"evento {revision['referencia'][:8]}"


def renglon(revision: dict[str, Any], equipos: dict[str, dict[str, Any]]) -> str:
    """El renglón de la lista: qué pasó, a quién, desde qué equipo y cuándo (y cómo terminó)."""
    partes = [revision["titulo"], _de_quien(revision), nombre_equipo(revision["dispositivo"], equipos), _fecha(revision["creado_en"])]
    if revision["resuelta"]:
        partes.append(f"resuelta: {HECHO.get(revision['decision'], revision['decision'])}")
    return " · ".join(partes)


def explicacion(revision: dict[str, Any], equipos: dict[str, dict[str, Any]]) -> str:
    """Lo que pasó en una o dos frases, y, si ya se resolvió, quién, cuándo, qué y por qué."""
    equipo, detalle = nombre_equipo(revision["dispositivo"], equipos), revision["detalle"]
    if revision["tipo"] == "ciudadano_concurrente":
        actual = revision.get("actual") or {}
        texto = (
            f"{equipo} cambió a {_de_quien(revision)} sobre la versión {detalle['version_base']}, pero el servidor ya "
            f"tenía la {detalle['version_servidor']}. Abajo, solo los datos en que difieren la actual "
            f"(versión {actual.get('version', detalle['version_servidor'])}) y la propuesta."
        )
    elif revision["tipo"] == "ciudadano_duplicado":
        texto = (
            f"{equipo} registró a {_de_quien(revision)} con un documento que ya tiene otro registro "
            f"({detalle['mismo_documento_que']}). Los dos quedan guardados; «Conservar la actual» los deja como están."
        )
    else:
        texto = f"{detalle} (Lo envió {equipo}.)"
    if revision["resuelta"]:
        texto += (
            f"\nResuelta por {revision['resuelta_por']} el {_fecha(revision['resuelta_en'])}: "
            f"{HECHO.get(revision['decision'], revision['decision'])}. Motivo: {revision['nota']}"
        )
    return texto
