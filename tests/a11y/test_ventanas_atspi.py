"""Un lector de otro proceso recorre las ventanas reales (principal, registro, kiosco y pantalla) por AT-SPI."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from escritorio_atspi import APLICACION, EscritorioAccesible, Lectura

pytestmark = [pytest.mark.xvfb, pytest.mark.lento]

_LISTAS = ("combo box",)
PRIORITARIA = "Atención prioritaria: evita un perjuicio irremediable o es de un periodista (art. 20)"
CASILLAS = {
    "anonimo": "Anónimo (solo quejas y denuncias)",
    "prioritaria": PRIORITARIA,
    "acc_interprete": "Intérprete de lengua de señas",
    "autoriza_caracterizacion": "Autoriza la caracterización para el enfoque diferencial (opcional)",
    "autoriza_contacto": "Autoriza encuestas de satisfacción y contacto para otros fines (opcional)",
}
"""Casillas del formulario de radicación (su texto va en una etiqueta aparte) y su nombre leído."""
_SIN_ROL = ("unknown", "invalid", "")


def _ventanilla(*argumentos: str, datos: Path | None = None) -> list[str]:
    """La orden `ventanilla ...` con el Python del entorno; con `datos`, en un almacén desechable."""
    orden = [sys.executable, "-m", "ventanilla.cli", *argumentos]
    return ["env", f"VENTANILLA_DATOS={datos}", *orden] if datos is not None else orden


def _sin_nombre_o_rol(arbol: list[dict[str, Any]]) -> list[str]:
    """Los controles enfocables visibles sin rol o sin nombre (una lista: sin etiqueta)."""
    faltas = []
    for nodo in Lectura(arbol, []).enfocables_visibles():
        if nodo["rol"] in _SIN_ROL:
            faltas.append(f"{nodo['objeto']}: sin rol")
        elif nodo["rol"] in _LISTAS:
            if not nodo["etiquetado_por"] and not nodo["nombre"].strip():
                faltas.append(f"{nodo['objeto']}: lista sin etiqueta")
        elif not nodo["nombre"].strip():
            faltas.append(f"{nodo['objeto']} ({nodo['rol']}): sin nombre")
    return faltas


def _objetos_visibles(arbol: list[dict[str, Any]]) -> set[str]:
    return {n["objeto"] for n in Lectura(arbol, []).enfocables_visibles()}


def _ventanas(arbol: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Rol y nombre de las ventanas de primer nivel que se ven: lo que un lector anuncia al entrar."""
    return [
        (n["rol"], n["nombre"])
        for n in arbol
        if n["ruta"].count("/") == 1 and "showing" in n["estados"]
    ]


def _lecturas(lectura: Lectura) -> list[list[dict[str, Any]]]:
    return [p["arbol"] for p in lectura.pasos if p["hecho"] == "leer"]


def test_ventana_principal_y_registro_solo_con_acciones_atspi(
    escritorio: EscritorioAccesible,
) -> None:
    pasos = [
        {"buscar": {"objeto": "numero_documento", "estado": "showing"}, "hacer": "esperar"},
        {"hacer": "leer"},
        # La casilla de texto partido en líneas se encuentra por su texto entero y se marca.
        {"buscar": {"rol": "check box", "nombre": PRIORITARIA}, "hacer": "pulsar"},
        {
            "buscar": {"objeto": "numero_documento", "rol": "text"},
            "hacer": "escribir",
            "texto": "75071234",
        },
        {
            "buscar": {"objeto": "nombres", "rol": "text"},
            "hacer": "escribir",
            "texto": "María Fernanda",
        },
        {
            "buscar": {"objeto": "apellidos", "rol": "text"},
            "hacer": "escribir",
            "texto": "Gómez Ñáñez",
        },
        {
            "buscar": {"objeto": "asunto", "rol": "text"},
            "hacer": "escribir",
            "texto": "Poda del árbol frente a la escuela",
        },
        # La dependencia se elige como lo haría una persona: abrir la lista, teclear la inicial, Enter.
        {"buscar": {"objeto": "dependencia", "rol": "combo box"}, "hacer": "pulsar"},
        {
            "buscar": {"rol": "list", "objeto": "QComboBoxListView", "estado": "showing"},
            "hacer": "esperar",
        },
        {"hacer": "teclas", "texto": "h"},
        {"hacer": "teclas", "texto": "return"},
        {
            "buscar": {"objeto": "dependencia", "rol": "combo box"},
            "hacer": "esperar",
            "texto": "Hacienda",
        },
        {"buscar": {"objeto": "revisar", "rol": "push button"}, "hacer": "pulsar"},
        {"hacer": "oir", "texto": "Revise el resumen"},
        {"hacer": "leer"},
        {"buscar": {"objeto": "radicar", "rol": "push button"}, "hacer": "pulsar"},
        {"hacer": "oir", "texto": "Radicado "},
        {"hacer": "leer"},
    ]
    lectura = escritorio.ejecutar_acciones(
        _ventanilla("demo", "--cantidad", "0"), APLICACION, pasos
    )
    assert lectura.error is None, lectura.error
    formulario, confirmacion, resultado = _lecturas(lectura)

    (marco,) = [n for n in formulario if n["ruta"].count("/") == 1 and "showing" in n["estados"]]
    assert marco["rol"] == "frame" and marco["nombre"].startswith("Ventanilla")
    assert _objetos_visibles(formulario) >= {
        "navegacion", "teclas", "salir", "tipo_documento", "numero_documento", "anonimo", "nombres",
        "apellidos", "telefono", "correo", "direccion", "comuna", "tipo", "canal", "dependencia",
        "folios", "preferencial", "asunto", "descripcion", "adjuntar", "prioritaria",
        "autoriza_caracterizacion", "autoriza_contacto", "limpiar", "revisar",
    }  # fmt: skip
    for arbol in (formulario, confirmacion, resultado):
        assert _sin_nombre_o_rol(arbol) == []
    (dependencia,) = Lectura(formulario, []).buscar(objeto="dependencia", rol="combo box")
    assert dependencia["etiquetado_por"][0] == "Dependencia"
    casillas = {
        n["objeto"]: n["nombre"]
        for n in Lectura(formulario, []).enfocables_visibles()
        if n["rol"] == "check box"
    }
    assert casillas.items() >= CASILLAS.items()
    assert _objetos_visibles(confirmacion) >= {"resumen", "volver", "radicar"}
    resumen = " ".join(n["texto"] or "" for n in Lectura(confirmacion, []).buscar(objeto="resumen"))
    assert "Prioritaria (art. 20)" in resumen

    radicado = re.search(r"Radicado (\S+)\.", lectura.anuncios[-1])
    assert radicado is not None, lectura.anuncios
    assert lectura.anuncios[0].startswith("Revise el resumen.")
    (etiqueta,) = [
        n for n in Lectura(resultado, []).buscar(objeto="radicado") if "showing" in n["estados"]
    ]
    leido = f"{etiqueta['nombre']} {etiqueta['descripcion']} {etiqueta['texto'] or ''}"
    assert radicado.group(1) in leido, etiqueta
    assert _objetos_visibles(resultado) >= {"imprimir", "nueva"}


def test_kiosco_da_un_turno_preferencial_solo_con_acciones_atspi(
    escritorio: EscritorioAccesible, tmp_path: Path
) -> None:
    pasos = [
        {"buscar": {"nombre": "Radicación de PQRSD", "rol": "push button"}, "hacer": "esperar"},
        {"hacer": "leer"},
        {"buscar": {"nombre": "Atención preferencial"}, "hacer": "pulsar"},
        {
            "buscar": {"nombre": "Razón de la atención preferencial: Adulto mayor"},
            "hacer": "pulsar",
        },
        {"hacer": "leer"},
        {"buscar": {"nombre": "Radicación de PQRSD", "rol": "push button"}, "hacer": "pulsar"},
        {"hacer": "oir", "texto": "Su turno es"},
        {"hacer": "leer"},
    ]
    lectura = escritorio.ejecutar_acciones(
        _ventanilla("kiosko", "--ventana", "--sin-imprimir", datos=tmp_path), APLICACION, pasos
    )
    assert lectura.error is None, lectura.error
    inicio, razones, turno = _lecturas(lectura)
    assert _ventanas(inicio) == [("frame", "Ventanilla — turnos: tome su turno")]
    servicios = [n for n in Lectura(inicio, []).enfocables_visibles() if n["rol"] == "push button"]
    assert len(servicios) == 6 and all(
        n["descripcion"].startswith("Pedir un turno") for n in servicios
    )
    assert (
        len(Lectura(razones, []).enfocables_visibles())
        == len(Lectura(inicio, []).enfocables_visibles()) + 6
    )
    for arbol in (inicio, razones, turno):
        assert _sin_nombre_o_rol(arbol) == []
    codigo = re.search(r"Su turno es (\S+),", lectura.anuncios[-1])
    assert codigo is not None and codigo.group(1).startswith("A"), lectura.anuncios
    (etiqueta,) = [n for n in turno if n["nombre"].startswith("Código de su turno")]
    assert (
        codigo.group(1)
        in f"{etiqueta['nombre']} {etiqueta['descripcion']} {etiqueta['texto'] or ''}"
    )
    assert [n["nombre"] for n in Lectura(turno, []).enfocables_visibles()] == [
        "Listo, volver al inicio"
    ]


def test_pantalla_de_turnos_se_lee_con_nombres(
    escritorio: EscritorioAccesible, tmp_path: Path
) -> None:
    from ventanilla.datos.almacen import Almacen
    from ventanilla.servicios.turnos import abrir_cola_local

    almacen = Almacen.abrir(tmp_path)
    try:
        cola = abrir_cola_local(almacen)
        cola.emitir("radicacion")
        cola.llamar_siguiente(4, usuario="admin")
    finally:
        almacen.cerrar()
    pasos = [
        {
            "buscar": {"nombre": "Turno llamado", "descripcion": "Turno A-001, ventanilla 4"},
            "hacer": "esperar",
        }
    ]
    lectura = escritorio.ejecutar_acciones(
        _ventanilla("display", "--ventana", "--sin-voz", datos=tmp_path), APLICACION, pasos
    )
    assert lectura.error is None, lectura.error
    assert _ventanas(lectura.arbol) == [("frame", "Ventanilla — pantalla de turnos")]
    visibles = [n for n in lectura.arbol if "showing" in n["estados"]]
    nombres = {n["nombre"] for n in visibles}
    assert {"Turno llamado", "Ventanilla del turno llamado", "Hora", "Últimos llamados"} <= nombres
    # El último llamado se lee entero en la etiqueta del código; la ventanilla y la hora, también.
    descripciones = {n["nombre"]: n["descripcion"] for n in visibles}
    assert descripciones["Turno llamado"] == "Turno A-001, ventanilla 4"
    assert descripciones["Ventanilla del turno llamado"] == "Ventanilla 4"
    assert re.match(r"\d\d:\d\d  ·  \w+ \d+ \w+\.", descripciones["Hora"])
    # La pantalla no recibe el foco: nada que recorrer con Tab, y nada enfocable sin nombre.
    assert _sin_nombre_o_rol(lectura.arbol) == []
