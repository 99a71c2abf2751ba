"""`ventanilla informe`: un informe de un periodo en PDF, XLSX o CSV."""

from __future__ import annotations

import argparse

from ventanilla.ordenes._comun import fallar

NOMBRE = "informe"
AYUDA = "genera un informe (diario, semanal, oportunidad, traslados, pqrsd-trimestral, anual, ...)"
TIPOS = ("diario", "semanal", "oportunidad", "traslados", "pqrsd-trimestral", "anual", "satisfaccion",
         "turnos", "acceso-informacion")


def configurar(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("tipo", choices=TIPOS, help="el informe")
    parser.add_argument("--desde", required=True, help="primer día del periodo (AAAA-MM-DD)")
    parser.add_argument("--hasta", required=True, help="último día del periodo, incluido (AAAA-MM-DD)")
    parser.add_argument("--formato", choices=("pdf", "xlsx", "csv"), default=None,
                        help="pdf, xlsx o csv (por defecto, el de la extensión de --salida)")
    parser.add_argument("--salida", required=True, help="archivo que se escribe")


def ejecutar(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ventanilla.informes import Periodo, PeriodoInvalido, generar
    from ventanilla.ordenes._comun import abrir_almacen

    try:
        periodo = Periodo.de_texto(args.desde, args.hasta)
    except PeriodoInvalido as error:
        fallar(f"--desde/--hasta: {error}")
    salida = Path(args.salida)
    formato = args.formato or salida.suffix.lstrip(".").lower()
    if formato not in ("pdf", "xlsx", "csv"):
        fallar(f"--formato: diga pdf, xlsx o csv (la extensión «{salida.suffix}» no lo dice).")
    if not salida.parent.is_dir():
        fallar(f"--salida: la carpeta «{salida.parent}» no existe.")
    almacen = abrir_almacen()
    contenido = generar(almacen, args.tipo, periodo, formato)
    salida.write_bytes(contenido)
    print(f"{salida} ({len(contenido):,} bytes)".replace(",", "."))
    return 0
