"""El resumen que se lee al ciudadano antes de radicar, y las validaciones de cada campo.

Las validaciones son las mismas del dominio (`dominio.documentos`, `dominio.solicitudes`),
llamadas campo por campo para mostrar el mensaje junto al campo mientras se escribe.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from ventanilla.dominio.documentos import TIPOS_DOCUMENTO, DocumentoInvalido, normalizar_documento
from ventanilla.dominio.solicitudes import CANALES, MAX_ASUNTO, validar_correo, validar_telefono
from ventanilla.dominio.terminos import TERMINOS
from ventanilla.gui.fechas import fecha_corta
from ventanilla.gui.registro_campos import PREFERENCIAL, valor

__all__ = ["CAMPOS_VALIDADOS", "resumen_html", "texto_vencimiento", "validar_campo"]

CAMPOS_VALIDADOS = ("numero_documento", "telefono", "correo", "asunto")


def validar_campo(nombre: str, form: Any) -> str | None:
    """El mensaje de error del campo tal como está escrito, o None si está bien (o vacío)."""
    texto = getattr(form, nombre).text().strip()
    if not texto:
        return None
    try:
        if nombre == "numero_documento":
            if not form.anonimo.isChecked():
                normalizar_documento(valor(form.tipo_documento) or "", texto)
        elif nombre == "telefono":
            validar_telefono(texto)
        elif nombre == "correo":
            validar_correo(texto)
        elif nombre == "asunto" and len(texto) > MAX_ASUNTO:
            return f"El asunto tiene {len(texto)} caracteres; el máximo es {MAX_ASUNTO}: lleve el detalle a la descripción."
    except (DocumentoInvalido, ValueError) as error:
        return str(error)
    return None


def texto_vencimiento(tipo: str, vence: date | None) -> str:
    termino = TERMINOS.get(tipo)
    if termino is None:
        return ""
    if vence is None or termino.dias is None:
        return "Sin término legal: se cierra al recibirla"
    return f"Vence: {fecha_corta(vence)} ({termino.dias} días hábiles)"


def resumen_html(datos: dict[str, Any], dependencias: dict[str, str], comunas: dict[str, str], vence: str) -> str:
    """Una tabla de dos columnas con lo que se va a radicar."""
    filas: list[tuple[str, str]] = []
    ciudadano = datos.get("ciudadano")
    if ciudadano is None:
        filas.append(("Peticionario", "Anónimo"))
    else:
        tipo_doc = TIPOS_DOCUMENTO.get(ciudadano["tipo_documento"])
        documento = f"{ciudadano['tipo_documento']} {ciudadano['numero_documento']}".strip()
        filas.append(("Peticionario", f"{ciudadano['nombres']} {ciudadano['apellidos']}".strip()))
        filas.append(("Documento", documento if tipo_doc and not tipo_doc.sin_numero else (tipo_doc.nombre if tipo_doc else "")))
        contacto = " · ".join(x for x in (ciudadano["telefono"], ciudadano["correo"], ciudadano["direccion"], comunas.get(ciudadano["comuna"], "")) if x)
        filas.append(("Contacto", contacto or "Sin datos de contacto"))
    termino = TERMINOS.get(datos["tipo"])
    filas += [
        ("Tipo", termino.nombre if termino else datos["tipo"]),
        ("Término", vence),
        ("Canal", CANALES.get(datos["canal"], datos["canal"])),
        ("Dependencia", dependencias.get(datos["dependencia"], datos["dependencia"])),
        ("Asunto", datos["asunto"]),
        ("Descripción", datos["descripcion"] or "—"),
        ("Folios y anexos", f"{datos['folios']} folios · {len(datos['anexos'])} anexos"),
    ]
    preferencial = dict(PREFERENCIAL).get(datos.get("preferencial", ""), "")
    atencion = [x for x in (preferencial if datos.get("preferencial") else "", "Prioritaria (art. 20)" if datos.get("prioritaria") else "") if x]
    if atencion:
        filas.append(("Atención", " · ".join(atencion)))
    autorizaciones = datos.get("autorizaciones", {})
    otorgadas = [n for c, n in (("caracterizacion", "caracterización"), ("datos_sensibles", "datos sensibles"), ("encuestas_contacto", "encuestas y contacto")) if autorizaciones.get(c)]
    filas.append(("Aviso de privacidad", "Informado"))
    filas.append(("Autorizaciones", ", ".join(otorgadas).capitalize() if otorgadas else "Ninguna (no impide radicar)"))
    cuerpo = "".join(
        f"<tr><th align='left' style='padding:4px 16px 4px 0'>{escape(k)}</th><td style='padding:4px 0'>{escape(v)}</td></tr>"
        for k, v in filas
    )
    return f"<table>{cuerpo}</table>"
