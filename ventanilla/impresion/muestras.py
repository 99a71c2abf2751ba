"""Datos de muestra de cada documento: para la vista previa suelta, el banco de rendimiento, las
pruebas y las capturas de la documentación. Son ficticios; la entidad es la de la semilla.

`python -m ventanilla.impresion.muestras CARPETA` escribe un PDF de muestra de cada documento.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.impresion.aviso import aviso_privacidad
from ventanilla.impresion.datos import (
    DatosAnulacion,
    DatosRadicado,
    DatosTurno,
    Entidad,
    Peticionario,
)

__all__ = [
    "ENTIDAD",
    "anulacion_de_muestra",
    "escribir_muestras",
    "radicado_de_muestra",
    "turno_de_muestra",
]

ENTIDAD = Entidad(
    nombre="Alcaldía de Manizales",
    nit="890801053-7",
    dependencia="Ventanilla Única de Atención al Ciudadano",
    direccion="CAM, Calle 19 No. 21-44, Torre B · Manizales, Caldas",
    url_consulta="https://www.manizales.gov.co/pqrsd/consulta?radicado={radicado}",
)


def radicado_de_muestra(*, anonimo: bool = False, entidad: Entidad = ENTIDAD) -> DatosRadicado:
    """Una petición de Hacienda radicada en la ventanilla del CAM."""
    return DatosRadicado(
        entidad=entidad,
        radicado="MZL-VU01-2026-000123",
        recibido_en=datetime(2026, 11, 23, 10, 42, tzinfo=BOGOTA),
        peticionario=None if anonimo else Peticionario("María José Gómez Ríos", "CC", "75071234"),
        canal="presencial",
        tipo="peticion",
        asunto=(
            "Solicitud de revisión del avalúo catastral y del impuesto predial del año 2026 "
            "del predio ubicado en la carrera 23 No. 65-12, barrio La Estrella, por diferencia "
            "en el área construida registrada."
        ),
        dependencia="Hacienda",
        vence_el=date(2026, 12, 16),
        folios=3,
        anexos=("Copia de la cédula de ciudadanía", "Recibo del impuesto predial 2026"),
        funcionario="Andrés Felipe Ocampo Zuluaga",
        punto="Ventanilla Única CAM, módulo 1",
        serie="VU01",
        aviso_privacidad=aviso_privacidad().resumen,
    )


def anulacion_de_muestra() -> DatosAnulacion:
    return DatosAnulacion(
        entidad=ENTIDAD,
        radicado="MZL-VU01-2026-000124",
        recibido_en=datetime(2026, 11, 23, 10, 51, tzinfo=BOGOTA),
        tipo="queja",
        asunto="Queja por demora en la atención del trámite de licencia de construcción.",
        solicitada_por="Andrés Felipe Ocampo Zuluaga",
        justificacion=(
            "Radicado por duplicado: la misma queja quedó registrada con el radicado "
            "MZL-VU01-2026-000123 minutos antes."
        ),
        aprobada_por="Luz Marina Castaño Arango, coordinadora de correspondencia",
        anulada_en=datetime(2026, 11, 23, 14, 5, tzinfo=BOGOTA),
        punto="Ventanilla Única CAM, módulo 1",
        serie="VU01",
    )


def turno_de_muestra(*, preferencial: bool = False) -> DatosTurno:
    return DatosTurno(
        entidad=ENTIDAD,
        codigo="P-007" if preferencial else "A-023",
        servicio="Radicación de PQRSD",
        emitido_en=datetime(2026, 11, 23, 10, 38, tzinfo=BOGOTA),
        personas_antes=4,
        preferencial=preferencial,
        sede="CAM, Torre B, primer piso",
    )


def escribir_muestras(carpeta: Path) -> list[Path]:
    """Escribe en `carpeta` un PDF de muestra de cada documento y devuelve sus rutas."""
    from ventanilla import impresion

    reimpresion = datetime(2026, 11, 24, 8, 5, tzinfo=BOGOTA)
    radicado = radicado_de_muestra()
    documentos = {
        "constancia-carta": impresion.constancia(radicado),
        "constancia-a4-copia": impresion.constancia(radicado, "a4", copia=reimpresion),
        "constancia-letra-grande": impresion.constancia(radicado, letra_grande=True),
        "sticker": impresion.sticker(radicado),
        "recibo-80mm": impresion.recibo(radicado),
        "turno-80mm": impresion.ticket_turno(turno_de_muestra()),
        "turno-preferencial-80mm": impresion.ticket_turno(turno_de_muestra(preferencial=True)),
        "anulacion": impresion.constancia_anulacion(anulacion_de_muestra()),
    }
    carpeta.mkdir(parents=True, exist_ok=True)
    rutas = []
    for nombre, pdf in documentos.items():
        ruta = carpeta / f"{nombre}.pdf"
        ruta.write_bytes(pdf)
        rutas.append(ruta)
    return rutas


if __name__ == "__main__":
    for escrita in escribir_muestras(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(escrita)
