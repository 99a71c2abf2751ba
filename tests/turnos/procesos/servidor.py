"""Servidor de la cola de la sede para las pruebas: una app FastAPI con las rutas de turnos."""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI

from ventanilla.central.turnos import adjuntar
from ventanilla.turnos.catalogo import catalogo_por_defecto
from ventanilla.turnos.motor import MotorTurnos


def main() -> None:
    puerto = int(sys.argv[1])
    app = FastAPI()
    adjuntar(app, MotorTurnos(catalogo_por_defecto(4)))
    uvicorn.run(app, host="127.0.0.1", port=puerto, log_level="warning", ws="websockets-sansio")


if __name__ == "__main__":
    main()
