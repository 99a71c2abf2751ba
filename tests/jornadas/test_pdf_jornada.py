"""Los PDF de la jornada: la lista de asistencia que se firma y el informe de cierre, leídos con pdftotext."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from pathlib import Path

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.impresion.asistencia import DatosAsistencia, FilaAsistencia, lista_asistencia_pdf
from ventanilla.impresion.cierre_jornada import CompromisoCierre, DatosCierre, informe_cierre_pdf
from ventanilla.impresion.muestras import ENTIDAD

HORA = datetime(2026, 11, 28, 15, 30, tzinfo=BOGOTA)


def _texto(pdf: bytes, carpeta: Path) -> tuple[str, int]:
    archivo = carpeta / "documento.pdf"
    archivo.write_bytes(pdf)
    texto = subprocess.run(["pdftotext", "-layout", str(archivo), "-"], capture_output=True, text=True, check=True)
    info = subprocess.run(["pdfinfo", str(archivo)], capture_output=True, text=True, check=True).stdout
    paginas = int(next(linea.split()[-1] for linea in info.splitlines() if linea.startswith("Pages:")))
    return texto.stdout, paginas


def test_la_lista_de_asistencia_lleva_cada_persona_filas_en_blanco_y_conteos(tmp_path: Path) -> None:
    filas = tuple(
        FilaAsistencia(f"Persona Ñáñez {i}", f"CC {1000000 + i}", "Orientación e información" if i % 3 else "Radicación de PQRSD",
                       "Salud" if i % 2 else "Hacienda", True)
        for i in range(40)
    )
    datos = DatosAsistencia(ENTIDAD, "Gobierno en la Calle, corregimiento Río Blanco", date(2026, 11, 28),
                            "Escuela Río Blanco", "Río Blanco", ("Salud", "Hacienda"), filas, "Andrés Ocampo", HORA,
                            filas_en_blanco=8, aviso="Aviso de privacidad de prueba.")
    texto, paginas = _texto(lista_asistencia_pdf(datos), tmp_path)
    assert paginas == 3
    assert all(f"Persona Ñáñez {i}" in texto for i in range(40))
    numeros = [int(n) for n in re.findall(r"^\s*(\d{1,3})\s", texto, re.MULTILINE)]
    assert max(numeros) == 48, "40 personas y 8 filas en blanco, numeradas"
    assert "Firma" in texto and "Personas registradas en el equipo: 40" in texto
    assert "Salud: 20" in texto and "Hacienda: 20" in texto
    assert "Río Blanco" in texto and "28 de noviembre de 2026" in texto


def test_el_informe_de_una_jornada_sin_encuestas_lo_dice(tmp_path: Path) -> None:
    datos = DatosCierre(
        entidad=ENTIDAD, jornada="Gobierno en la Calle, comuna La Macarena", fecha=date(2026, 11, 28),
        lugar="Salón comunal", comuna="La Macarena", dependencias=("Salud",), servicios=("Orientación e información",),
        equipo=("ana",), portatiles=1, estado="abierta", abierta_en=HORA, cerrada_en=None, asistentes=2,
        asistencia_por_servicio=(("Orientación e información", 2),), asistencia_por_dependencia=(("Salud", 2),),
        asistencia_por_origen=(("Registro en la lista", 2),), solicitudes=0, solicitudes_anonimas=0,
        solicitudes_por_tipo=(), solicitudes_por_dependencia=(), turnos_emitidos=0, turnos_atendidos=0,
        turnos_no_se_presento=0, turnos_por_servicio=(), encuestas=0, encuestas_por_medio=(), resultados=(),
        comentarios=(), compromisos=(CompromisoCierre("Poda del parque", "Medio Ambiente", date(2027, 1, 15), "en_curso"),),
        generado_en=HORA, generado_por="Ana Ríos",
    )
    texto, _ = _texto(informe_cierre_pdf(datos), tmp_path)
    assert "Sigue abierta: cifras parciales" in texto
    assert "No se respondieron encuestas" in texto
    assert "Poda del parque" in texto and "En curso" in texto and "15 de enero de 2027" in texto
