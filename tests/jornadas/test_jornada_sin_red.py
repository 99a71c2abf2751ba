"""De punta a punta: jornada preparada en línea, trabajada sin red, cerrada con su informe y sincronizada."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from statistics import mean
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, EventoFila
from ventanilla.datos.registro import anotar
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.terminos import TERMINOS
from ventanilla.impresion.cierre_jornada import DatosCierre, informe_cierre_pdf
from ventanilla.servicios.asistencia import (
    completar_desde_turnos,
    radicar_en_jornada,
    registrar_asistencia,
)
from ventanilla.servicios.cierre_jornada import datos_cierre
from ventanilla.servicios.compromisos import actualizar_compromiso, adquirir_compromiso
from ventanilla.servicios.encuestas import responder_encuesta
from ventanilla.servicios.jornadas import (
    abrir_jornada,
    catalogo_servicios,
    cerrar_jornada,
    preparar_jornada,
    programar_jornada,
)
from ventanilla.sincronizacion.errores import SinConexion
from ventanilla.sincronizacion.motor import sincronizar
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.motor import MotorTurnos


def _cargar_accesorios_de_sincronizacion() -> ModuleType:
    """Los accesorios del servidor real (PostgreSQL y `ventanilla servidor`) de tests/sincronizacion."""
    ruta = Path(__file__).resolve().parents[1] / "sincronizacion" / "apoyo_sync.py"
    if "apoyo_sync" in sys.modules:
        return sys.modules["apoyo_sync"]
    spec = importlib.util.spec_from_file_location("apoyo_sync", ruta)
    assert spec is not None and spec.loader is not None
    modulo = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modulo
    spec.loader.exec_module(modulo)
    return modulo


_sync = _cargar_accesorios_de_sincronizacion()
sin_llavero = _sync.sin_llavero
servidor = _sync.servidor

DEPENDENCIAS = ("HAC", "SAL", "DSO", "PLA")
SERVICIOS = ("radicacion", "orientacion", "hacienda", "social")
JORNADA = {
    "nombre": "Gobierno en la Calle, comuna Ciudadela del Norte",
    "fecha": "2026-11-28",
    "lugar": "Polideportivo de Bosques del Norte",
    "comuna": "C05",
    "dependencias": list(DEPENDENCIAS),
    "servicios": list(SERVICIOS),
    "equipo": ["admin"],
    "portatiles": 1,
}
TIPOS = ("peticion", "queja", "reclamo", "documentos", "sugerencia")


class Bitacora:
    """Lo que la prueba hizo, contado por su cuenta: de aquí salen las cifras esperadas."""

    def __init__(self) -> None:
        self.asistencia: list[tuple[str, str, str]] = []
        self.solicitudes: list[tuple[str, str, bool]] = []
        self.turnos: list[str] = []
        self.atendidos = 0
        self.ausentes = 0
        self.encuestas: list[tuple[dict[str, Any], str]] = []
        self.compromisos: list[tuple[str, str]] = []


@pytest.fixture(autouse=True)
def _semilla_fija() -> Iterator[None]:
    random.seed(20261128)
    yield


def _persona(i: int) -> dict[str, Any]:
    return {"tipo_documento": "CC", "numero_documento": str(30_000_000 + i), "nombres": f"Persona {i}",
            "apellidos": "Brigada"}


def _asistencia(b: Almacen, jornada_id: str, bitacora: Bitacora) -> None:
    nombres = catalogo_servicios()
    dependencias = b.dependencias()
    for i in range(195):
        servicio, dependencia = random.choice(SERVICIOS), random.choice(DEPENDENCIAS)
        registrar_asistencia(b, jornada_id, {**_persona(i), "servicio": servicio, "dependencia": dependencia,
                                             "aviso_privacidad": True}, usuario="admin")
        bitacora.asistencia.append((nombres[servicio], dependencias[dependencia], "Registro en la lista"))


def _solicitudes(b: Almacen, jornada_id: str, bitacora: Bitacora) -> list[str]:
    dependencias = b.dependencias()
    ids = []
    for i in range(50):
        anonima = i >= 40
        tipo = "queja" if anonima else random.choice(TIPOS)
        dependencia = random.choice(DEPENDENCIAS)
        datos = {"tipo": tipo, "asunto": f"Solicitud de la jornada {i}", "dependencia": dependencias[dependencia],
                 "folios": 1, "ciudadano": None if anonima else _persona(i * 3)}
        ids.append(radicar_en_jornada(b, jornada_id, datos, usuario="admin").id)
        bitacora.solicitudes.append((TERMINOS[tipo].nombre, dependencias[dependencia], anonima))
    return ids


def _turnos(b: Almacen, jornada_id: str, bitacora: Bitacora) -> list[str]:
    """30 turnos: 24 atendidos, 4 no se presentaron, 2 esperando; 5 con documento de gente nueva."""
    def registrar(tipo: str, datos: dict[str, Any], usuario: str, instante: datetime) -> None:
        with b.escribir() as sesion:
            anotar(sesion, dispositivo=b.ajustes.dispositivo, usuario=usuario, tipo=tipo, datos=datos, ahora=instante)

    motor = MotorTurnos(catalogo_por_defecto(2), registrar=registrar, jornada=jornada_id)
    nombres = catalogo_servicios()
    atendidos = []
    for i in range(30):
        servicio = random.choice(SERVICIOS)
        ciudadano_id = None
        if i < 5:
            ciudadano_id = nuevo_id()
            with b.escribir() as sesion:
                sesion.add(CiudadanoFila(id=ciudadano_id, version=1, tipo_documento="CC",
                                         numero_documento=str(40_000_000 + i), nombres=f"Turno {i}", apellidos="",
                                         telefono="", correo="", direccion="", comuna="", caracterizacion=None,
                                         autorizaciones={}, actualizado_en=datetime.now(UTC)))
            bitacora.asistencia.append((nombres[servicio], "", "Tomó un turno"))
        motor.emitir(servicio, ciudadano_id=ciudadano_id, usuario="admin")
        bitacora.turnos.append(nombres[servicio])
    for i in range(28):
        turno = motor.llamar_siguiente(1 + i % 2, usuario="admin")
        assert turno is not None
        if i % 7 == 6:
            motor.no_se_presento(1 + i % 2, usuario="admin")
            bitacora.ausentes += 1
        else:
            motor.iniciar(1 + i % 2, usuario="admin")
            atendidos.append(motor.finalizar(1 + i % 2, usuario="admin").id)
            bitacora.atendidos += 1
    return atendidos


def _encuestas(b: Almacen, jornada_id: str, solicitudes: list[str], turnos: list[str], bitacora: Bitacora) -> None:
    atenciones = ([("radicado", s) for s in solicitudes[:40]] + [("turno", t) for t in turnos[:20]]
                  + [("jornada", None)] * 40)
    for n, (atencion, referencia) in enumerate(atenciones):
        respuestas: dict[str, Any] = {
            "atencion": random.randint(1, 5), "claridad": random.randint(2, 5), "espera": random.randint(1, 4),
            "resuelto": random.random() < 0.7, "volveria": random.random() < 0.9,
        }
        if n % 9 == 0:
            respuestas["comentario"] = f"Comentario número {n}"
        medio = "papel" if atencion == "jornada" and n % 4 else "pantalla"
        responder_encuesta(b, respuestas, atencion=atencion, atencion_id=referencia, jornada_id=jornada_id,
                           medio=medio, usuario="admin")
        bitacora.encuestas.append((respuestas, medio))


def _compromisos(b: Almacen, jornada_id: str, bitacora: Bitacora) -> None:
    for descripcion, dependencia, estado in (
        ("Reparar el alumbrado del polideportivo", "PLA", "en_curso"),
        ("Jornada de vacunación en el barrio", "SAL", "cumplido"),
        ("Revisar el cobro del predial del sector", "HAC", "sin_iniciar"),
    ):
        compromiso = adquirir_compromiso(b, jornada_id, {"descripcion": descripcion, "dependencia": dependencia,
                                                         "vence_el": "2027-03-31"}, usuario="admin")
        if estado != "sin_iniciar":
            actualizar_compromiso(b, compromiso.id, estado, nota="Avance", usuario="admin")
        bitacora.compromisos.append((descripcion, estado))


def _comparar(datos: DatosCierre, bitacora: Bitacora) -> None:
    """Cada cifra del informe contra la que la prueba contó por su cuenta."""
    assert datos.asistentes == len(bitacora.asistencia) == 200
    assert dict(datos.asistencia_por_servicio) == Counter(s for s, _, _ in bitacora.asistencia)
    assert dict(datos.asistencia_por_dependencia) == Counter(d for _, d, _ in bitacora.asistencia)
    assert dict(datos.asistencia_por_origen) == Counter(o for _, _, o in bitacora.asistencia)
    assert datos.solicitudes == len(bitacora.solicitudes) == 50
    assert datos.solicitudes_anonimas == sum(1 for *_, anonima in bitacora.solicitudes if anonima) == 10
    assert dict(datos.solicitudes_por_tipo) == Counter(t for t, _, _ in bitacora.solicitudes)
    assert dict(datos.solicitudes_por_dependencia) == Counter(d for _, d, _ in bitacora.solicitudes)
    assert (datos.turnos_emitidos, datos.turnos_atendidos, datos.turnos_no_se_presento) == (
        len(bitacora.turnos), bitacora.atendidos, bitacora.ausentes)
    assert dict(datos.turnos_por_servicio) == Counter(bitacora.turnos)
    assert datos.encuestas == len(bitacora.encuestas) == 100
    medios = Counter({"papel": "Digitada desde papel", "pantalla": "En la pantalla"}[m] for _, m in bitacora.encuestas)
    assert dict(datos.encuestas_por_medio) == medios
    [version] = datos.resultados
    resultados = {r.pregunta.clave: r for r in version.preguntas}
    respuestas = [r for r, _ in bitacora.encuestas]
    for clave in ("atencion", "claridad", "espera"):
        valores = [r[clave] for r in respuestas]
        assert resultados[clave].promedio == round(mean(valores), 2)
        assert resultados[clave].distribucion == {str(n): valores.count(n) for n in range(1, 6)}
    for clave in ("resuelto", "volveria"):
        si = sum(1 for r in respuestas if r[clave])
        assert resultados[clave].porcentaje_si == round(100 * si / len(respuestas), 1)
    assert sorted(datos.comentarios) == sorted(r["comentario"] for r in respuestas if "comentario" in r)
    assert sorted((c.descripcion, c.estado) for c in datos.compromisos) == sorted(bitacora.compromisos)


def _por_tipo(b: Almacen) -> Counter[str]:
    with b.leer() as sesion:
        return Counter(sesion.scalars(
            select(EventoFila.tipo).where(EventoFila.dispositivo == b.ajustes.dispositivo)
        ))


@pytest.mark.lento
def test_jornada_sin_red_de_punta_a_punta(servidor: Any, tmp_path: Path) -> None:
    # En línea: el supervisor programa la jornada en la sede; el portátil se prepara para salir.
    sede = _sync.inscrito(servidor, tmp_path / "sede", "SEDE")
    portatil = _sync.inscrito(servidor, tmp_path / "portatil", "BR01")
    jornada = programar_jornada(sede, JORNADA, usuario="admin")
    sincronizar(sede)
    assert sincronizar(portatil).recibidos >= 1
    preparar_jornada(portatil, jornada.id, {"bateria": True, "impresora": True, "papel": True, "respaldo": True,
                                             "sincronizado": True}, usuario="admin")
    sincronizar(portatil)
    antes = _por_tipo(portatil)

    # Sin red: el servidor se apaga y el portátil trabaja todo el día.
    servidor.matar()
    with pytest.raises(SinConexion):
        sincronizar(portatil)
    bitacora = Bitacora()
    abrir_jornada(portatil, jornada.id, usuario="admin")
    _asistencia(portatil, jornada.id, bitacora)
    solicitudes = _solicitudes(portatil, jornada.id, bitacora)
    turnos = _turnos(portatil, jornada.id, bitacora)
    _encuestas(portatil, jornada.id, solicitudes, turnos, bitacora)
    _compromisos(portatil, jornada.id, bitacora)
    assert completar_desde_turnos(portatil, jornada.id, usuario="admin") == 5
    cerrar_jornada(portatil, jornada.id, usuario="admin")
    cierre = datos_cierre(portatil, jornada.id, usuario="admin")
    _comparar(cierre, bitacora)
    pdf = tmp_path / "cierre.pdf"
    pdf.write_bytes(informe_cierre_pdf(cierre))
    texto = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for cifra in ("200\n", "personas en la lista", "Asistencia (200 personas)", "Solicitudes radicadas (50, 10 anónimas)",
                  "Encuestas de satisfacción (100)", "Compromisos con la comunidad (3)"):
        assert cifra.strip() in texto

    # De vuelta en línea: todo llega al servidor una sola vez.
    hechos_sin_red = _por_tipo(portatil) - antes
    servidor.iniciar()
    resumen = sincronizar(portatil)
    assert resumen.enviados == sum(hechos_sin_red.values())
    assert sincronizar(portatil).enviados == 0
    dispositivo = portatil.ajustes.dispositivo
    en_servidor = Counter({tipo: n for tipo, n in servidor.consultar(
        f"SELECT tipo, count(*) FROM eventos WHERE dispositivo = '{dispositivo}' GROUP BY tipo")})
    assert en_servidor == _por_tipo(portatil)
    assert hechos_sin_red["asistencia.registrada"] == 200 and hechos_sin_red["encuesta.respondida"] == 100
    assert hechos_sin_red["jornada.solicitud_vinculada"] == hechos_sin_red["solicitud.radicada"] == 50
    [(ciudadanos,)] = servidor.consultar(f"SELECT count(*) FROM ciudadanos WHERE dispositivo = '{dispositivo}'")
    assert ciudadanos == 200
    # La sede recibe la jornada entera y su informe da las mismas cifras.
    sincronizar(sede)
    en_sede = datos_cierre(sede, jornada.id, usuario="admin")
    _comparar(en_sede, bitacora)
    assert en_sede.fecha == date(2026, 11, 28)
