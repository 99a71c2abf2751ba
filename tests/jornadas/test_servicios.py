"""Casos de uso de las jornadas sobre un almacén real: asistencia, radicar, turnos, encuestas, compromisos."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila, EventoFila, Usuario
from ventanilla.datos.modelos_jornadas import AsistenciaFila
from ventanilla.datos.registro import a_evento, anotar, incorporar
from ventanilla.dominio.eventos import nuevo_id
from ventanilla.dominio.jornadas import EncuestaInvalida
from ventanilla.servicios.asistencia import (
    AsistenciaInvalida,
    completar_desde_turnos,
    lista_asistencia,
    radicar_en_jornada,
    registrar_asistencia,
)
from ventanilla.servicios.compromisos import actualizar_compromiso, adquirir_compromiso, compromisos
from ventanilla.servicios.encuestas import (
    cuestionario_vigente,
    publicar_cuestionario,
    responder_encuesta,
)
from ventanilla.servicios.errores import AccionNoPermitida, PermisoDenegado
from ventanilla.servicios.jornadas import Jornada, cerrar_jornada, jornada, programar_jornada
from ventanilla.servicios.reconstruccion import reconstruir
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.motor import MotorTurnos

PERSONA = {
    "tipo_documento": "CC", "numero_documento": "24.331.908", "nombres": "Gloria Inés", "apellidos": "Arango",
    "servicio": "orientacion", "dependencia": "SAL", "aviso_privacidad": True,
}
RESPUESTAS = {"atencion": 5, "claridad": 4, "espera": 3, "resuelto": True, "volveria": True}


def _eventos(almacen: Almacen, tipo: str) -> list[EventoFila]:
    with almacen.leer() as sesion:
        return list(sesion.scalars(select(EventoFila).where(EventoFila.tipo == tipo)))


def test_solo_un_supervisor_programa_jornadas(almacen: Almacen, datos_jornada: dict[str, Any]) -> None:
    with almacen.escribir() as sesion:
        sesion.add(Usuario(login="ana", nombre="Ana Ríos", roles=["funcionario"], clave_hash=None, activo=True))
    with pytest.raises(PermisoDenegado, match="supervisor"):
        programar_jornada(almacen, datos_jornada, usuario="ana")
    assert programar_jornada(almacen, datos_jornada, usuario="admin").estado == "programada"


def test_la_asistencia_exige_el_aviso_y_no_repite_personas(almacen: Almacen, jornada_abierta: Jornada) -> None:
    with pytest.raises(AsistenciaInvalida, match="aviso de privacidad") as error:
        registrar_asistencia(almacen, jornada_abierta.id, {**PERSONA, "aviso_privacidad": False}, usuario="admin")
    assert error.value.campo == "aviso_privacidad"
    with pytest.raises(AsistenciaInvalida, match="cédula"):
        registrar_asistencia(almacen, jornada_abierta.id, {**PERSONA, "numero_documento": "12"}, usuario="admin")
    primera = registrar_asistencia(almacen, jornada_abierta.id, PERSONA, usuario="admin")
    segunda = registrar_asistencia(almacen, jornada_abierta.id, {**PERSONA, "servicio": "hacienda"}, usuario="admin")
    assert (primera.nueva, segunda.nueva, segunda.id) == (True, False, primera.id)
    assert [a.nombre for a in lista_asistencia(almacen, jornada_abierta.id)] == ["Gloria Inés Arango"]
    assert len(_eventos(almacen, "asistencia.registrada")) == 1
    evento = _eventos(almacen, "asistencia.registrada")[0]
    assert "24331908" not in str(evento.datos) and "Gloria" not in str(evento.datos)


def test_la_caracterizacion_solo_se_guarda_con_autorizacion(almacen: Almacen, jornada_abierta: Jornada) -> None:
    caracterizacion = {"grupo_etnico": "indigena", "rango_edad": "60+"}
    sin = registrar_asistencia(almacen, jornada_abierta.id, {**PERSONA, "caracterizacion": caracterizacion},
                               usuario="admin")
    otra = {**PERSONA, "numero_documento": "30111222", "autoriza_caracterizacion": True,
            "caracterizacion": caracterizacion}
    con = registrar_asistencia(almacen, jornada_abierta.id, otra, usuario="admin")
    with almacen.leer() as sesion:
        sin_fila = sesion.get(CiudadanoFila, sin.ciudadano_id)
        con_fila = sesion.get(CiudadanoFila, con.ciudadano_id)
        assert sin_fila is not None and con_fila is not None
        assert sin_fila.caracterizacion is None
        assert sin_fila.autorizaciones["aviso_privacidad"]["version"]
        assert sin_fila.autorizaciones["tratamiento_adicional"]["otorgada"] is False
        assert con_fila.caracterizacion == caracterizacion


def test_radicar_en_la_jornada_la_ata_y_llena_la_lista(
    almacen: Almacen, jornada_abierta: Jornada, solicitud_valida: dict[str, Any]
) -> None:
    solicitud_valida.pop("canal")
    solicitud_valida.pop("recibido")
    radicacion = radicar_en_jornada(almacen, jornada_abierta.id, solicitud_valida, usuario="admin")
    anonima = {"tipo": "queja", "asunto": "Ruido en el parque", "dependencia": "Interior", "ciudadano": None}
    radicar_en_jornada(almacen, jornada_abierta.id, anonima, usuario="admin")
    radicadas = _eventos(almacen, "solicitud.radicada")
    assert {e.datos["canal"] for e in radicadas} == {"brigada"}
    assert len(_eventos(almacen, "jornada.solicitud_vinculada")) == 2
    lista = lista_asistencia(almacen, jornada_abierta.id)
    assert [(a.origen, a.dependencia, a.ciudadano_id) for a in lista] == [
        ("radicacion", "AMB", radicacion.ciudadano_id)
    ]


def test_radicar_en_la_jornada_es_una_sola_transaccion(
    almacen: Almacen, jornada_abierta: Jornada, solicitud_valida: dict[str, Any]
) -> None:
    """El radicado y su vínculo con la jornada quedan juntos o no queda ninguno: un solo COMMIT."""
    solicitud_valida.pop("canal")
    solicitud_valida.pop("recibido")
    confirmaciones: list[object] = []

    def contar(conexion: object) -> None:
        confirmaciones.append(conexion)

    event.listen(almacen.motor, "commit", contar)
    try:
        radicacion = radicar_en_jornada(almacen, jornada_abierta.id, solicitud_valida, usuario="admin")
    finally:
        event.remove(almacen.motor, "commit", contar)
    assert len(confirmaciones) == 1
    vinculos = _eventos(almacen, "jornada.solicitud_vinculada")
    assert [e.datos["solicitud_id"] for e in vinculos] == [radicacion.id]


def test_quien_tomo_turno_con_documento_entra_a_la_lista(almacen: Almacen, jornada_abierta: Jornada) -> None:
    persona = registrar_asistencia(almacen, jornada_abierta.id, PERSONA, usuario="admin")
    with almacen.escribir() as sesion:
        otro = CiudadanoFila(id=nuevo_id(), version=1, tipo_documento="CC", numero_documento="1053800900",
                             nombres="Jhon", apellidos="Marín", telefono="", correo="", direccion="", comuna="",
                             caracterizacion=None, autorizaciones={}, actualizado_en=datetime.now(UTC))
        sesion.add(otro)

    def registrar(tipo: str, datos: dict[str, Any], usuario: str, instante: datetime) -> None:
        with almacen.escribir() as sesion:
            anotar(sesion, dispositivo=almacen.ajustes.dispositivo, usuario=usuario, tipo=tipo, datos=datos,
                   ahora=instante)

    motor = MotorTurnos(catalogo_por_defecto(2), registrar=registrar, jornada=jornada_abierta.id)
    motor.emitir("hacienda", ciudadano_id=otro.id)
    motor.emitir("orientacion", ciudadano_id=persona.ciudadano_id)
    motor.emitir("orientacion")
    assert completar_desde_turnos(almacen, jornada_abierta.id, usuario="admin") == 1
    assert completar_desde_turnos(almacen, jornada_abierta.id, usuario="admin") == 0
    origenes = {a.nombre: (a.origen, a.servicio) for a in lista_asistencia(almacen, jornada_abierta.id)}
    assert origenes == {"Gloria Inés Arango": ("manual", "orientacion"), "Jhon Marín": ("turno", "hacienda")}


def test_la_encuesta_es_anonima_y_una_por_atencion(
    almacen: Almacen, jornada_abierta: Jornada, solicitud_valida: dict[str, Any]
) -> None:
    solicitud_valida.pop("recibido")
    radicacion = radicar_en_jornada(almacen, jornada_abierta.id, solicitud_valida, usuario="admin")
    responder_encuesta(almacen, {**RESPUESTAS, "comentario": "Gracias"}, atencion="radicado",
                       atencion_id=radicacion.id, jornada_id=jornada_abierta.id, usuario="admin")
    with pytest.raises(AccionNoPermitida, match="ya tiene su encuesta"):
        responder_encuesta(almacen, RESPUESTAS, atencion="radicado", atencion_id=radicacion.id,
                           jornada_id=jornada_abierta.id, usuario="admin")
    with pytest.raises(EncuestaInvalida, match="No existe"):
        responder_encuesta(almacen, RESPUESTAS, atencion="turno", atencion_id=nuevo_id(), usuario="admin")
    [evento] = _eventos(almacen, "encuesta.respondida")
    texto = str(evento.datos)
    assert "ciudadano" not in texto and "75071234" not in texto and "Gómez" not in texto
    assert evento.datos["respuestas"]["comentario"] == "Gracias"


def test_un_cuestionario_publicado_queda_vigente_y_no_se_cambia(almacen: Almacen) -> None:
    nuevo = {"version": "2027-1", "titulo": "Encuesta breve",
             "preguntas": [{"clave": "atencion", "tipo": "escala", "texto": "¿Cómo lo atendimos?"}]}
    publicar_cuestionario(almacen, nuevo, usuario="admin")
    assert cuestionario_vigente(almacen).version == "2027-1"
    with pytest.raises(AccionNoPermitida, match="ya existe"):
        publicar_cuestionario(almacen, nuevo, usuario="admin")


def test_cerrada_no_admite_asistencia_pero_si_encuestas_de_papel(almacen: Almacen, jornada_abierta: Jornada) -> None:
    cerrar_jornada(almacen, jornada_abierta.id, usuario="admin")
    with pytest.raises(AccionNoPermitida, match="abierta"):
        registrar_asistencia(almacen, jornada_abierta.id, PERSONA, usuario="admin")
    responder_encuesta(almacen, RESPUESTAS, atencion="jornada", jornada_id=jornada_abierta.id, medio="papel",
                       usuario="admin")
    assert jornada(almacen, jornada_abierta.id).estado == "cerrada"


def test_el_compromiso_sigue_el_estado_mas_reciente(almacen: Almacen, jornada_abierta: Jornada) -> None:
    compromiso = adquirir_compromiso(
        almacen, jornada_abierta.id,
        {"descripcion": "Reparar el alumbrado del parque Liborio", "dependencia": "PLA", "vence_el": "2027-03-01"},
        usuario="admin",
    )
    assert compromiso.estado == "sin_iniciar"
    actualizar_compromiso(almacen, compromiso.id, "en_curso", nota="Contrato firmado", usuario="admin")
    actualizar_compromiso(almacen, compromiso.id, "cumplido", nota="Luminarias instaladas", usuario="admin")
    # Un cambio más viejo que llega tarde desde otro equipo no pisa el último.
    viejo = a_evento(_eventos(almacen, "compromiso.actualizado")[0])
    tardio = replace(viejo, id=nuevo_id(), dispositivo=nuevo_id(), seq=1,
                     ocurrido_en=viejo.ocurrido_en - timedelta(days=1))
    with almacen.escribir() as sesion:
        incorporar(sesion, tardio)
    [final] = compromisos(almacen, jornada_abierta.id)
    assert (final.estado, final.nota) == ("cumplido", "Luminarias instaladas")


def test_dos_portatiles_que_registran_a_la_misma_persona_la_listan_una_vez(
    almacen: Almacen, jornada_abierta: Jornada, tmp_path: Path
) -> None:
    registrar_asistencia(almacen, jornada_abierta.id, PERSONA, usuario="admin")
    with almacen.leer() as sesion:
        propio = a_evento(sesion.scalars(select(EventoFila).where(EventoFila.tipo == "asistencia.registrada")).one())
    del_otro = replace(propio, id=nuevo_id(), dispositivo=nuevo_id(), seq=1,
                       datos={**propio.datos, "asistencia_id": nuevo_id(), "origen": "turno"},
                       ocurrido_en=propio.ocurrido_en + timedelta(minutes=3))
    with almacen.escribir() as sesion:
        incorporar(sesion, del_otro)
        filas = sesion.scalars(select(AsistenciaFila)).all()
    assert [(f.id, f.origen) for f in filas] == [(propio.datos["asistencia_id"], "manual")]
    assert reconstruir(almacen).coincide
