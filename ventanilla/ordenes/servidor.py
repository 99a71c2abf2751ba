"""`ventanilla servidor`: sirve el servidor central; sus subórdenes lo administran en su máquina.

Sin suborden, arranca uvicorn con la base de `VENTANILLA_DB_URL` (PostgreSQL) o la embebida en el
directorio de datos. `crear-usuario` y `codigo-inscripcion` trabajan directo sobre esa base, como
cualquier orden local de administración; el código sale en la última línea, para los scripts.
"""

from __future__ import annotations

import argparse
import os

NOMBRE = "servidor"
AYUDA = "sirve el servidor central de sincronización (y lo administra con sus subórdenes)"


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="dirección donde escuchar (por defecto 127.0.0.1)")
    parser.add_argument("--puerto", type=int, default=8765, help="puerto (por defecto 8765)")
    acciones = parser.add_subparsers(dest="accion", metavar="ACCION")
    usuario = acciones.add_parser("crear-usuario", help="crea o cambia un usuario del servidor")
    usuario.add_argument("--login", required=True)
    usuario.add_argument("--nombre", required=True)
    usuario.add_argument(
        "--rol", action="append", dest="roles", default=None,
        help="funcionario, supervisor, administrador o correspondencia (repetible; por defecto administrador)",
    )
    usuario.add_argument("--clave", help="la clave (si no, VENTANILLA_CLAVE o se pregunta sin eco)")
    codigo = acciones.add_parser("codigo-inscripcion", help="crea un código de un solo uso para inscribir un equipo")
    codigo.add_argument("--serie", required=True, help="la serie que tendrá el equipo (VU01, BRIG1...)")
    codigo.add_argument("--punto", default="", help="el punto de radicación (por defecto, el nombre de la serie)")
    codigo.add_argument("--serie-num", type=int, default=100, help="código numérico de la serie (para Orfeo)")
    codigo.add_argument("--por", default="admin", help="quién crea el código (queda anotado)")


def _clave(args: argparse.Namespace) -> str:
    import getpass

    return str(args.clave or os.environ.get("VENTANILLA_CLAVE") or getpass.getpass("Clave: "))


def ejecutar(args: argparse.Namespace) -> int:
    from ventanilla.central.bd import Central
    from ventanilla.ordenes._comun import fallar

    if args.accion is None:
        import uvicorn

        from ventanilla.central.app import crear_app
        from ventanilla.central.seguridad import ConfigSeguridad, ErrorDeConfiguracion, parametros_tls

        config = ConfigSeguridad.desde_entorno()
        try:
            tls = parametros_tls(config)
        except ErrorDeConfiguracion as error:
            fallar(str(error))
        uvicorn.run(
            crear_app(seguridad=config), host=args.host, port=args.puerto, log_level="warning", ws="websockets-sansio",
            **tls,  # type: ignore[arg-type]
        )
        return 0
    central = Central.abrir()
    try:
        if args.accion == "crear-usuario":
            from fastapi import HTTPException
            from pydantic import ValidationError

            from ventanilla.central.modelos_api import CambioUsuario
            from ventanilla.central.rutas_administracion import guardar_usuario

            try:
                cambio = CambioUsuario(nombre=args.nombre, roles=args.roles or ["administrador"], clave=_clave(args))
                guardado = guardar_usuario(central, args.login, cambio)
            except ValidationError as error:
                fallar("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()))
            except HTTPException as error:
                fallar(str(error.detail))
            print(f"usuario «{guardado['login']}» guardado con roles: {', '.join(guardado['roles'])}")
            return 0
        from ventanilla.central.equipos import crear_codigo
        from ventanilla.central.recepcion import Rechazo

        try:
            with central.escribir() as conexion:
                texto, vence = crear_codigo(
                    conexion, serie=args.serie, punto=args.punto or args.serie, serie_num=args.serie_num, creado_por=args.por
                )
        except Rechazo as rechazo:
            fallar(rechazo.mensaje)
        print(f"código de inscripción para la serie {args.serie.upper()} (vence {vence}):")
        print(texto)
        return 0
    finally:
        central.cerrar()
