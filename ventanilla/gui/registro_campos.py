"""Los campos del formulario de radicación: sus opciones, y el paso formulario ⇄ JSON.

El JSON es el de `servicios.radicacion.radicar` (ver `docs/solicitud-json.md`), con dos
claves más para el borrador: `autorizaciones` (las tres casillas) y `anexos_detalle` (los
archivos ya copiados al equipo). La caracterización solo se arma con lo que el ciudadano
autorizó: sin la casilla de caracterización no sale nada de ella, y los datos sensibles
(etnia, discapacidad, víctima) necesitan además su propia autorización expresa.
"""

from __future__ import annotations

from typing import Any

from ventanilla.gui.qt import QCheckBox, QComboBox, QLineEdit

__all__ = [
    "ACCESIBILIDAD",
    "CAMPO_A_WIDGET",
    "DISCAPACIDAD",
    "ETNIA",
    "PREFERENCIAL",
    "RANGO_EDAD",
    "SEXO",
    "ZONA",
    "elegir",
    "escribir_formulario",
    "leer_formulario",
    "limpiar_formulario",
    "llenar_opciones",
    "valor",
]

PREFERENCIAL = (
    ("", "Ninguna"),
    ("discapacidad", "Persona con discapacidad"),
    ("nna", "Niña, niño o adolescente"),
    ("gestante", "Mujer gestante"),
    ("adulto_mayor", "Persona adulta mayor"),
    ("veterano", "Veterano de la Fuerza Pública"),
    ("vulnerabilidad", "Vulnerabilidad manifiesta"),
)
SEXO = (("", "Sin dato"), ("mujer", "Mujer"), ("hombre", "Hombre"), ("intersexual", "Intersexual"), ("no_responde", "Prefiere no decir"))
RANGO_EDAD = (("", "Sin dato"), ("0-17", "Menor de 18"), ("18-28", "18 a 28"), ("29-59", "29 a 59"), ("60+", "60 o más"))
ZONA = (("", "Sin dato"), ("urbana", "Urbana"), ("rural", "Rural"))
ETNIA = (
    ("", "Sin dato"),
    ("ninguno", "Ninguno"),
    ("indigena", "Indígena"),
    ("negro_afrocolombiano", "Negro o afrocolombiano"),
    ("raizal", "Raizal"),
    ("palenquero", "Palenquero"),
    ("rrom", "Rrom"),
)
DISCAPACIDAD = (
    ("", "Sin dato"),
    ("ninguna", "Ninguna"),
    ("fisica", "Física"),
    ("auditiva", "Auditiva"),
    ("visual", "Visual"),
    ("sordoceguera", "Sordoceguera"),
    ("intelectual", "Intelectual"),
    ("psicosocial", "Psicosocial"),
    ("multiple", "Múltiple"),
)
ACCESIBILIDAD = (
    ("acc_interprete", "interprete_senas"),
    ("acc_letra_grande", "letra_grande"),
    ("acc_lectura", "asistencia_lectura"),
    ("acc_acompanante", "acompanante"),
)

CAMPO_A_WIDGET = {
    "ciudadano.tipo_documento": "tipo_documento",
    "ciudadano.numero_documento": "numero_documento",
    "ciudadano.nombres": "nombres",
    "ciudadano.telefono": "telefono",
    "ciudadano.correo": "correo",
    "ciudadano": "anonimo",
    "asunto": "asunto",
    "dependencia": "dependencia",
    "tipo": "tipo",
    "canal": "canal",
    "folios": "folios",
}
"""Qué widget corresponde a cada `ErrorCampo.campo` de la validación del dominio."""

_TEXTOS = ("numero_documento", "nombres", "apellidos", "telefono", "correo", "direccion", "asunto")


def llenar_opciones(combo: QComboBox, opciones: Any) -> None:
    """Llena un combo con pares (código, texto)."""
    combo.clear()
    for codigo, texto in opciones:
        combo.addItem(texto, codigo)


def elegir(combo: QComboBox, codigo: Any) -> None:
    indice = combo.findData(codigo)
    if indice >= 0:
        combo.setCurrentIndex(indice)


def valor(combo: QComboBox) -> Any:
    return combo.currentData() if combo.currentIndex() >= 0 else None


def _caracterizacion(form: Any) -> dict[str, Any]:
    datos: dict[str, Any] = {}
    if form.autoriza_caracterizacion.isChecked():
        for clave, combo in (("sexo", form.sexo), ("rango_edad", form.rango_edad), ("zona", form.zona)):
            if valor(combo):
                datos[clave] = valor(combo)
        if form.migrante.isChecked():
            datos["migrante"] = True
        if form.autoriza_sensibles.isChecked():
            for clave, combo in (("etnia", form.etnia), ("discapacidad", form.discapacidad)):
                if valor(combo):
                    datos[clave] = valor(combo)
            if form.victima.isChecked():
                datos["victima_conflicto"] = True
    return datos


def leer_formulario(form: Any, anexos: list[dict[str, Any]]) -> dict[str, Any]:
    """El JSON de la solicitud tal como está el formulario (también es el borrador)."""
    anonimo = form.anonimo.isChecked()
    ciudadano = None if anonimo else {
        "tipo_documento": valor(form.tipo_documento) or "",
        "numero_documento": form.numero_documento.text().strip(),
        "nombres": form.nombres.text().strip(),
        "apellidos": form.apellidos.text().strip(),
        "telefono": form.telefono.text().strip(),
        "correo": form.correo.text().strip(),
        "direccion": form.direccion.text().strip(),
        "comuna": valor(form.comuna) or "",
    }
    autorizaciones = {
        "caracterizacion": form.autoriza_caracterizacion.isChecked(),
        "datos_sensibles": form.autoriza_caracterizacion.isChecked() and form.autoriza_sensibles.isChecked(),
        "encuestas_contacto": form.autoriza_contacto.isChecked(),
    }
    return {
        "tipo": valor(form.tipo) or "",
        "canal": valor(form.canal) or "",
        "asunto": form.asunto.text().strip(),
        "descripcion": form.descripcion.toPlainText().strip(),
        "dependencia": valor(form.dependencia) or "",
        "folios": form.folios.value(),
        "consentimiento": autorizaciones["caracterizacion"],
        "autorizaciones": autorizaciones,
        "ciudadano": ciudadano,
        "prioritaria": form.prioritaria.isChecked(),
        "preferencial": valor(form.preferencial) or "",
        "anexos": [a["descripcion"] for a in anexos],
        "anexos_detalle": anexos,
        "caracterizacion": _caracterizacion(form),
        "accesibilidad": [codigo for nombre, codigo in ACCESIBILIDAD if getattr(form, nombre).isChecked()],
        "borrador": _estado_crudo(form),
    }


def _estado_crudo(form: Any) -> dict[str, Any]:
    """Lo escrito aunque no vaya a la solicitud (datos del anónimo, combos sin autorizar)."""
    estado: dict[str, Any] = {nombre: getattr(form, nombre).text() for nombre in _TEXTOS}
    for nombre in ("tipo_documento", "comuna", "sexo", "rango_edad", "zona", "etnia", "discapacidad"):
        estado[nombre] = valor(getattr(form, nombre))
    for nombre in ("anonimo", "migrante", "victima", "autoriza_caracterizacion", "autoriza_sensibles", "autoriza_contacto"):
        estado[nombre] = getattr(form, nombre).isChecked()
    return estado


def escribir_formulario(form: Any, datos: dict[str, Any]) -> list[dict[str, Any]]:
    """Vuelve a poner un borrador en el formulario; devuelve sus anexos."""
    crudo = datos.get("borrador") or {}
    for combo, codigo in (
        (form.tipo, datos.get("tipo")),
        (form.canal, datos.get("canal")),
        (form.dependencia, datos.get("dependencia")),
        (form.preferencial, datos.get("preferencial", "")),
    ):
        elegir(combo, codigo)
    form.descripcion.setPlainText(str(datos.get("descripcion", "")))
    folios = datos.get("folios", 0)
    form.folios.setValue(folios if isinstance(folios, int) else 0)
    form.prioritaria.setChecked(bool(datos.get("prioritaria")))
    for nombre, codigo in ACCESIBILIDAD:
        getattr(form, nombre).setChecked(codigo in (datos.get("accesibilidad") or []))
    for nombre, contenido in crudo.items():
        widget = getattr(form, nombre, None)
        if isinstance(widget, QLineEdit):
            widget.setText(str(contenido or ""))
        elif isinstance(widget, QComboBox):
            elegir(widget, contenido)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(contenido))
    return [a for a in datos.get("anexos_detalle") or [] if isinstance(a, dict)]


def limpiar_formulario(form: Any) -> None:
    for nombre in _TEXTOS:
        getattr(form, nombre).clear()
    form.descripcion.clear()
    form.folios.setValue(0)
    for casilla in form.findChildren(QCheckBox):
        casilla.setChecked(False)
    for nombre in ("comuna", "preferencial", "sexo", "rango_edad", "zona", "etnia", "discapacidad"):
        getattr(form, nombre).setCurrentIndex(0)

