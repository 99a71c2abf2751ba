"""Seguridad ante cortes: matar con SIGKILL 20 veces un proceso que radica no deja huecos ni repetidos."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import SolicitudFila
from ventanilla.servicios.reconstruccion import reconstruir

RADICADOR = Path(__file__).with_name("radicador_sin_fin.py")


def _una_corrida(directorio: Path, lineas_antes_de_matar: int) -> list[str]:
    """Arranca el radicador, espera cierto número de radicados y lo mata sin aviso."""
    with subprocess.Popen(
        [sys.executable, str(RADICADOR)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "VENTANILLA_DATOS": str(directorio)},
    ) as proceso:
        assert proceso.stdout is not None
        assert proceso.stdout.readline().strip() == "listo"
        impresos = [proceso.stdout.readline().strip() for _ in range(lineas_antes_de_matar)]
        proceso.send_signal(signal.SIGKILL)
        # Lo que alcanzó a imprimir antes de morir también fue confirmado.
        impresos.extend(linea.strip() for linea in proceso.stdout if linea.strip())
    assert proceso.returncode == -signal.SIGKILL
    return impresos


def test_veinte_sigkill_sin_huecos_ni_repetidos(tmp_path: Path) -> None:
    directorio = tmp_path / "equipo"
    Almacen.abrir(directorio).cerrar()
    azar = random.Random(60)
    impresos: list[str] = []
    for _ in range(20):
        impresos.extend(_una_corrida(directorio, azar.randint(0, 12)))
    almacen = Almacen.abrir(directorio)
    with almacen.leer() as sesion:
        radicados = list(sesion.scalars(select(SolicitudFila.radicado).order_by(SolicitudFila.consecutivo)))
        consecutivos = list(sesion.scalars(select(SolicitudFila.consecutivo).order_by(SolicitudFila.consecutivo)))
    assert consecutivos == list(range(1, len(consecutivos) + 1)), "la serie tiene huecos"
    assert len(set(radicados)) == len(radicados)
    assert set(impresos) <= set(radicados), "un radicado entregado al usuario no está en el almacén"
    assert all(re.fullmatch(r"MZL-VU01-\d{4}-\d{6}", r) for r in radicados)
    assert len(impresos) > 20
    assert reconstruir(almacen).coincide
