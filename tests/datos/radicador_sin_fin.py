"""Proceso de prueba: radica sin parar e imprime cada radicado después de confirmarlo."""

from __future__ import annotations

import sys

from ventanilla.datos.almacen import Almacen
from ventanilla.servicios.radicacion import radicar

SOLICITUD = {
    "tipo": "peticion",
    "canal": "presencial",
    "asunto": "Prueba de resistencia a cortes",
    "dependencia": "HAC",
    "folios": 1,
    "ciudadano": {"tipo_documento": "CC", "numero_documento": "75071234", "nombres": "María", "apellidos": "Gómez"},
}


def main() -> None:
    almacen = Almacen.abrir()
    print("listo", flush=True)
    while True:
        print(radicar(almacen, SOLICITUD, usuario="admin").radicado, flush=True)


if __name__ == "__main__":
    sys.exit(main())
