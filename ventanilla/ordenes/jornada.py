"""`ventanilla jornada`: las jornadas de Gobierno en la Calle desde la línea de órdenes.

Sirve para programar con un guion, para digitar listas y encuestas de papel en lote y para sacar
el informe de cierre sin abrir la aplicación. Las salidas son JSON; los errores, en español y con
código 2, sin escribir nada.
"""

from __future__ import annotations

import argparse
from typing import Any

from ventanilla.ordenes._comun import agregar_usuario

NOMBRE = "jornada"
AYUDA = "programa, prepara, abre y cierra jornadas de brigada; asistencia, encuestas, compromisos e informe"


def _jornada(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("jornada", help="id de la jornada (o sus primeros ocho caracteres)")


def configurar(parser: argparse.ArgumentParser) -> None:
    agregar_usuario(parser)
    acciones = parser.add_subparsers(dest="accion", metavar="ACCIÓN", required=True)
    crear = acciones.add_parser("crear", help="programa una jornada (supervisor)")
    crear.add_argument("--nombre", required=True)
    crear.add_argument("--fecha", required=True, help="AAAA-MM-DD")
    crear.add_argument("--lugar", required=True)
    crear.add_argument("--comuna", required=True, help="código de la comuna o corregimiento (C02, R07...)")
    crear.add_argument("--dependencias", required=True, help="códigos separados por comas (HAC,SAL)")
    crear.add_argument("--servicios", required=True, help="claves separadas por comas (radicacion,orientacion)")
    crear.add_argument("--equipo", default="", help="usuarios que van, separados por comas")
    crear.add_argument("--portatiles", type=int, default=1)
    acciones.add_parser("lista", help="las jornadas de este equipo")
    preparar = acciones.add_parser("preparar", help="anota la lista de chequeo para salir")
    _jornada(preparar)
    preparar.add_argument("--marcar", default="", help="ítems listos: bateria,impresora,papel,respaldo,sincronizado")
    for accion, ayuda in (("abrir", "abre la jornada en el sitio"), ("cerrar", "cierra la jornada")):
        _jornada(acciones.add_parser(accion, help=ayuda))
    asistencia = acciones.add_parser("asistencia", help="registra a una persona, o imprime la lista en PDF")
    _jornada(asistencia)
    asistencia.add_argument("--tipo-documento", default="CC")
    asistencia.add_argument("--documento", help="número de documento")
    asistencia.add_argument("--nombres")
    asistencia.add_argument("--apellidos", default="")
    asistencia.add_argument("--servicio", help="clave del servicio que recibió")
    asistencia.add_argument("--dependencia", default="")
    asistencia.add_argument("--aviso-informado", action="store_true", help="se le informó el aviso de privacidad")
    asistencia.add_argument("--papel", action="store_true", help="se digita desde la lista en papel")
    asistencia.add_argument("--pdf", help="en vez de registrar, escribe la lista de asistencia en este PDF")
    asistencia.add_argument("--filas-en-blanco", type=int, default=10)
    radicar = acciones.add_parser("radicar", help="radica por el canal brigada una solicitud en JSON y la ata")
    _jornada(radicar)
    radicar.add_argument("archivo", help="archivo JSON de la solicitud (formato de `ventanilla radicar`)")
    encuesta = acciones.add_parser("encuesta", help="guarda una encuesta (de papel, por omisión)")
    _jornada(encuesta)
    encuesta.add_argument("--atencion", default="", help="radicado o código de turno; vacío: la jornada")
    encuesta.add_argument("--respuestas", required=True, help="archivo JSON {clave: valor}")
    encuesta.add_argument("--medio", default="papel", choices=("papel", "pantalla"))
    compromiso = acciones.add_parser("compromiso", help="anota un compromiso con la comunidad")
    _jornada(compromiso)
    compromiso.add_argument("--descripcion", required=True)
    compromiso.add_argument("--dependencia", required=True)
    compromiso.add_argument("--vence", required=True, help="AAAA-MM-DD")
    seguimiento = acciones.add_parser("seguimiento", help="cambia el estado de un compromiso")
    seguimiento.add_argument("compromiso", help="id del compromiso")
    seguimiento.add_argument("--estado", required=True, choices=("sin_iniciar", "en_curso", "cumplido"))
    seguimiento.add_argument("--nota", default="")
    cuestionario = acciones.add_parser("cuestionario", help="publica una versión nueva del cuestionario (supervisor)")
    cuestionario.add_argument("archivo", help="archivo JSON con version, titulo, introduccion y preguntas")
    informe = acciones.add_parser("informe", help="las cifras del cierre en JSON y, con --pdf, el informe")
    _jornada(informe)
    informe.add_argument("--pdf", help="escribe el informe de cierre en este PDF")


def _resolver(almacen: Any, referencia: str) -> str:
    from ventanilla.ordenes._comun import fallar
    from ventanilla.servicios.jornadas import jornadas

    candidatas = [j.id for j in jornadas(almacen) if j.id == referencia or j.id.startswith(referencia)]
    if len(referencia) < 8 or len(candidatas) != 1:
        fallar(f"no hay una sola jornada que empiece por «{referencia}»; vea `ventanilla jornada lista`.")
    return candidatas[0]


def _leer_json(ruta: str) -> Any:
    import json

    from ventanilla.ordenes._comun import fallar

    try:
        with open(ruta, encoding="utf-8") as entrada:
            return json.load(entrada)
    except OSError as error:
        fallar(f"no se pudo leer «{ruta}»: {error.strerror}.")
    except json.JSONDecodeError as error:
        fallar(f"el JSON de «{ruta}» no es válido (línea {error.lineno}): {error.msg}.")


def _escribir(ruta: str, contenido: bytes) -> None:
    from pathlib import Path

    Path(ruta).write_bytes(contenido)


def _lista_coma(texto: str) -> list[str]:
    return [p.strip() for p in texto.split(",") if p.strip()]


def _ejecutar(args: argparse.Namespace, almacen: Any, usuario: str) -> Any:
    from ventanilla.servicios import asistencia, compromisos, encuestas, jornadas

    if args.accion == "crear":
        datos = {
            "nombre": args.nombre, "fecha": args.fecha, "lugar": args.lugar, "comuna": args.comuna,
            "dependencias": _lista_coma(args.dependencias), "servicios": _lista_coma(args.servicios),
            "equipo": _lista_coma(args.equipo), "portatiles": args.portatiles,
        }
        return jornadas.programar_jornada(almacen, datos, usuario=usuario).como_json()
    if args.accion == "lista":
        return [j.como_json() for j in jornadas.jornadas(almacen)]
    if args.accion == "cuestionario":
        return encuestas.publicar_cuestionario(almacen, _leer_json(args.archivo), usuario=usuario).como_dict()
    if args.accion == "seguimiento":
        return compromisos.actualizar_compromiso(almacen, args.compromiso, args.estado, nota=args.nota,
                                                 usuario=usuario).como_json()
    jornada_id = _resolver(almacen, args.jornada)
    if args.accion == "preparar":
        marcados = {item: True for item in _lista_coma(args.marcar)}
        return jornadas.preparar_jornada(almacen, jornada_id, marcados, usuario=usuario).como_json()
    if args.accion == "abrir":
        return jornadas.abrir_jornada(almacen, jornada_id, usuario=usuario).como_json()
    if args.accion == "cerrar":
        nuevos = asistencia.completar_desde_turnos(almacen, jornada_id, usuario=usuario)
        return {**jornadas.cerrar_jornada(almacen, jornada_id, usuario=usuario).como_json(),
                "asistentes_desde_turnos": nuevos}
    if args.accion == "asistencia":
        return _asistencia(args, almacen, jornada_id, usuario)
    if args.accion == "radicar":
        return asistencia.radicar_en_jornada(almacen, jornada_id, _leer_json(args.archivo), usuario=usuario).como_json()
    if args.accion == "encuesta":
        atencion, referencia = encuestas.atencion_por_codigo(almacen, jornada_id, args.atencion)
        encuesta_id = encuestas.responder_encuesta(
            almacen, _leer_json(args.respuestas), atencion=atencion, atencion_id=referencia,
            jornada_id=jornada_id, medio=args.medio, usuario=usuario,
        )
        return {"encuesta_id": encuesta_id, "atencion": atencion, "atencion_id": referencia}
    if args.accion == "compromiso":
        datos = {"descripcion": args.descripcion, "dependencia": args.dependencia, "vence_el": args.vence}
        return compromisos.adquirir_compromiso(almacen, jornada_id, datos, usuario=usuario).como_json()
    return _informe(args, almacen, jornada_id, usuario)


def _asistencia(args: argparse.Namespace, almacen: Any, jornada_id: str, usuario: str) -> Any:
    from ventanilla.impresion.asistencia import lista_asistencia_pdf
    from ventanilla.ordenes._comun import fallar
    from ventanilla.servicios import asistencia

    if args.pdf:
        datos = asistencia.datos_asistencia(almacen, jornada_id, usuario=usuario, filas_en_blanco=args.filas_en_blanco)
        _escribir(args.pdf, lista_asistencia_pdf(datos))
        return {"pdf": args.pdf, "personas": len(datos.filas)}
    if not (args.nombres and args.servicio):
        fallar("para registrar asistencia diga --nombres y --servicio (o use --pdf para imprimir la lista).")
    persona = asistencia.registrar_asistencia(
        almacen, jornada_id,
        {"tipo_documento": args.tipo_documento, "numero_documento": args.documento or "", "nombres": args.nombres,
         "apellidos": args.apellidos, "servicio": args.servicio, "dependencia": args.dependencia,
         "aviso_privacidad": args.aviso_informado, "origen": "papel" if args.papel else "manual"},
        usuario=usuario,
    )
    return {"asistencia_id": persona.id, "ciudadano_id": persona.ciudadano_id, "nueva": persona.nueva}


def _informe(args: argparse.Namespace, almacen: Any, jornada_id: str, usuario: str) -> Any:
    from ventanilla.impresion.cierre_jornada import informe_cierre_pdf
    from ventanilla.servicios.cierre_jornada import datos_cierre

    datos = datos_cierre(almacen, jornada_id, usuario=usuario)
    if args.pdf:
        _escribir(args.pdf, informe_cierre_pdf(datos))
    return {
        "jornada": datos.jornada,
        "estado": datos.estado,
        "asistentes": datos.asistentes,
        "asistencia_por_servicio": dict(datos.asistencia_por_servicio),
        "asistencia_por_dependencia": dict(datos.asistencia_por_dependencia),
        "solicitudes": datos.solicitudes,
        "solicitudes_por_tipo": dict(datos.solicitudes_por_tipo),
        "solicitudes_por_dependencia": dict(datos.solicitudes_por_dependencia),
        "turnos_emitidos": datos.turnos_emitidos,
        "turnos_atendidos": datos.turnos_atendidos,
        "encuestas": datos.encuestas,
        "promedios": {r.pregunta.clave: r.promedio for v in datos.resultados for r in v.preguntas if r.promedio},
        "compromisos": len(datos.compromisos),
        "pdf": args.pdf,
    }


def ejecutar(args: argparse.Namespace) -> int:
    from ventanilla.dominio.jornadas import EncuestaInvalida, JornadaInvalida
    from ventanilla.dominio.solicitudes import SolicitudInvalida
    from ventanilla.ordenes._comun import abrir_almacen, fallar, imprimir_json, usuario_de
    from ventanilla.servicios.errores import ErrorDeServicio

    almacen = abrir_almacen()
    try:
        resultado = _ejecutar(args, almacen, usuario_de(args, almacen))
    except (ErrorDeServicio, JornadaInvalida, EncuestaInvalida, SolicitudInvalida) as error:
        fallar(str(error))
    finally:
        almacen.cerrar()
    imprimir_json(resultado)
    return 0
