"""Un lector de otro proceso recorre, llena y envía la ventana de muestra solo por AT-SPI."""

from __future__ import annotations

import pytest
from escritorio_atspi import EscritorioAccesible, comando_muestra

from ventanilla.gui.muestra_temas import NOMBRE_APLICACION

pytestmark = [pytest.mark.xvfb, pytest.mark.lento]


def test_cada_control_enfocable_tiene_rol_y_nombre(escritorio: EscritorioAccesible) -> None:
    lectura = escritorio.ejecutar_acciones(comando_muestra(), NOMBRE_APLICACION, [])
    assert lectura.error is None
    enfocables = lectura.enfocables_visibles()
    assert not any(n["rol"] == "list item" for n in enfocables)
    assert {n["objeto"] for n in enfocables} >= {
        "tipo_documento",
        "documento",
        "nombres",
        "correo",
        "tipo_solicitud",
        "asunto",
        "descripcion",
        "por_correo",
        "fisica",
        "caracterizacion",
        "limpiar",
        "radicar",
    }
    sin_nombre = [n for n in enfocables if not n["nombre"].strip() or n["rol"] in ("unknown", "")]
    assert sin_nombre == []
    (documento,) = lectura.buscar(objeto="documento")
    assert (documento["rol"], documento["nombre"]) == ("text", "Número de documento *")
    assert documento["etiquetado_por"] == ["Número de documento *"]
    # En Linux Qt nombra la lista con su valor y publica la etiqueta como relación.
    (tipo,) = lectura.buscar(objeto="tipo_documento")
    assert (tipo["rol"], tipo["nombre"]) == ("combo box", "Cédula de ciudadanía")
    assert tipo["etiquetado_por"] == ["Tipo de documento"]
    (radicar,) = lectura.buscar(objeto="radicar")
    assert "Press" in radicar["acciones"] and radicar["descripcion"].startswith("Valida")


def test_el_lector_llena_y_envia_el_formulario_y_oye_los_anuncios(
    escritorio: EscritorioAccesible,
) -> None:
    pasos = [
        {"buscar": {"objeto": "radicar"}, "hacer": "pulsar"},
        {"buscar": {"objeto": "error_documento"}, "hacer": "esperar", "texto": "solo con números"},
        {"hacer": "oir", "texto": "solo con números"},
        {
            "buscar": {"rol": "text", "nombre": "Número de documento *"},
            "hacer": "escribir",
            "texto": "75071234",
        },
        {
            "buscar": {"rol": "text", "nombre": "Nombres y apellidos *"},
            "hacer": "escribir",
            "texto": "María Gómez Ñáñez",
        },
        {"buscar": {"nombre": "Autoriza caracterización (opcional)"}, "hacer": "pulsar"},
        {"buscar": {"rol": "push button", "nombre": "Radicar"}, "hacer": "pulsar"},
        {"buscar": {"objeto": "resultado"}, "hacer": "esperar", "texto": "75071234"},
        {"hacer": "oir", "texto": "registrada"},
    ]
    lectura = escritorio.ejecutar_acciones(comando_muestra(), NOMBRE_APLICACION, pasos)
    assert lectura.error is None
    assert lectura.anuncios == [
        "Escriba el número de documento, solo con números.",
        "Solicitud de muestra registrada para el documento 75071234.",
    ]
    (nombres,) = lectura.buscar(objeto="nombres")
    assert nombres["texto"] == "María Gómez Ñáñez"
    (casilla,) = lectura.buscar(objeto="caracterizacion")
    assert "checked" in casilla["estados"]


def test_los_atajos_de_tema_y_tamano_se_anuncian(escritorio: EscritorioAccesible) -> None:
    pasos = [
        {"buscar": {"objeto": "documento", "estado": "focused"}, "hacer": "esperar"},
        {"hacer": "teclas", "texto": "ctrl+shift+c"},
        {"hacer": "oir", "texto": "Tema: Oscuro"},
        {"hacer": "teclas", "texto": "ctrl+="},
        {"hacer": "oir", "texto": "Texto al 110 %"},
        {"hacer": "teclas", "texto": "ctrl+="},
        {"hacer": "oir", "texto": "Texto al 125 %"},
        {"hacer": "teclas", "texto": "ctrl+-"},
        {"hacer": "oir", "texto": "Texto al 110 %"},
    ]
    lectura = escritorio.ejecutar_acciones(
        comando_muestra("--tema", "claro", "--enfocar", "documento"), NOMBRE_APLICACION, pasos
    )
    assert lectura.error is None
    assert lectura.anuncios == [
        "Tema: Oscuro",
        "Texto al 110 %",
        "Texto al 125 %",
        "Texto al 110 %",
    ]
