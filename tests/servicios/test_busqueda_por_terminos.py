"""`buscar` cambia los prefijos largos por sus términos completos (o por sus ramas de una letra
más): las filas y su orden tienen que ser exactamente los de `"palabra"*`."""

from __future__ import annotations

import random
import re

import pytest
from sqlalchemy import text

from ventanilla.datos.almacen import Almacen
from ventanilla.servicios import consultas
from ventanilla.servicios.consultas import _consulta_por_terminos, _plegada, consulta_fts

_CONSULTA = text("SELECT rowid FROM busqueda WHERE busqueda MATCH :q ORDER BY rowid DESC LIMIT 50")
SILABAS = ["ma", "ri", "a", "na", "so", "l", "po", "da", "do", "ro", "dri", "guez", "ñá", "é", "ü", "5", "55", "0", "12"]


def test_el_plegado_es_el_del_tokenizador(almacen: Almacen) -> None:
    """Cada letra que `buscar` pliega por su cuenta sale igual del tokenizador de la tabla."""
    with almacen.motor.connect() as conexion:
        definicion = conexion.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'busqueda'").scalar_one()
        argumentos = re.search(r"fts5\((.*)\)", str(definicion), flags=re.DOTALL)
        assert argumentos is not None
        conexion.exec_driver_sql(f"CREATE VIRTUAL TABLE temp.letras USING fts5({argumentos.group(1)})")
        conexion.exec_driver_sql("CREATE VIRTUAL TABLE temp.letras_terminos USING fts5vocab(temp, letras, instance)")
        letras = "".join(map(chr, consultas._PLEGAR))
        for letra in letras + letras.upper() + "AZaz09":
            palabra = f"x{letra}y"
            conexion.exec_driver_sql("DELETE FROM letras")
            conexion.exec_driver_sql("INSERT INTO letras (asunto) VALUES (?)", (palabra,))
            terminos = [t for (t,) in conexion.exec_driver_sql("SELECT DISTINCT term FROM letras_terminos")]
            assert terminos == [_plegada(palabra)], letra
        conexion.rollback()


def _palabra(azar: random.Random) -> str:
    return "".join(azar.choice(SILABAS) for _ in range(azar.randint(1, 5)))


@pytest.fixture
def indice(almacen: Almacen) -> Almacen:
    """Filas de búsqueda con muchos prefijos compartidos; algunas borradas y vueltas a escribir,
    como hace la proyección al corregir un ciudadano (el vocabulario guarda términos sin filas)."""
    azar = random.Random(11)
    with almacen.escribir() as sesion:
        for fila in range(1, 601):
            sesion.execute(
                text("INSERT INTO busqueda (rowid, radicado, documento, nombre, asunto) VALUES (:f, :r, :d, :n, :a)"),
                {
                    "f": fila,
                    "r": f"MZL-VU01-2026-{fila:06d}",
                    "d": f"5555{azar.randint(0, 999)}" if azar.random() < 0.5 else str(azar.randint(10**6, 10**9)),
                    "n": " ".join(_palabra(azar).capitalize() for _ in range(3)),
                    "a": " ".join(_palabra(azar) for _ in range(azar.randint(1, 6))),
                },
            )
    with almacen.escribir() as sesion:
        for fila in azar.sample(range(1, 601), 150):
            sesion.execute(text("DELETE FROM busqueda WHERE rowid = :f"), {"f": fila})
            if fila % 2:
                sesion.execute(
                    text("INSERT INTO busqueda (rowid, radicado, documento, nombre, asunto) VALUES (:f, :r, '', 'Anónimo', :a)"),
                    {"f": fila, "r": f"MZL-VU01-2026-{fila:06d}", "a": _palabra(azar)},
                )
        # Letras que Python pliega distinto que el tokenizador: «ΟΔΟΣ».lower() termina en «ς».
        sesion.execute(
            text("INSERT INTO busqueda (rowid, radicado, documento, nombre, asunto) VALUES (700, 'X', '', '', :a)"),
            {"a": "Οδός ΟΔΟΣ Straße ǅemal"},
        )
    return almacen


def _textos(almacen: Almacen) -> list[str]:
    azar = random.Random(5)
    with almacen.leer() as sesion:
        filas = [" ".join(f) for f in sesion.execute(text("SELECT radicado, documento, nombre, asunto FROM busqueda"))]
    textos = ["5555", "55551", "2026", "mari", "Ñáñez", "zzzz", "x_y", "Ærø", "ma_ri", "İstanbul", "MARÍA", "poDA", "ΟΔΟΣ", "οδός", "STRASSE", "ǅem"]
    for _ in range(300):
        palabras = azar.choice(filas).split()
        elegidas = azar.sample(palabras, min(len(palabras), azar.randint(1, 3)))
        textos.append(" ".join(p[: azar.randint(1, len(p))] for p in elegidas))
    return textos


@pytest.mark.parametrize(("max_terminos", "max_ramas"), [(16, 40), (3, 40), (2, 3), (0, 0)])
def test_las_mismas_filas_que_con_prefijos(
    indice: Almacen, monkeypatch: pytest.MonkeyPatch, max_terminos: int, max_ramas: int
) -> None:
    """Con topes pequeños se recorren todos los caminos: términos, ramas y el prefijo tal cual."""
    monkeypatch.setattr(consultas, "_MAX_TERMINOS", max_terminos)
    monkeypatch.setattr(consultas, "_MAX_RAMAS", max_ramas)
    formas: set[str] = set()
    with indice.leer() as sesion:
        for texto in _textos(indice):
            esperado = list(sesion.scalars(_CONSULTA, {"q": consulta_fts(texto)})) if consulta_fts(texto) else []
            consulta = _consulta_por_terminos(sesion, texto)
            obtenido = list(sesion.scalars(_CONSULTA, {"q": consulta})) if consulta else []
            assert obtenido == esperado, (texto, consulta)
            if consulta and re.search(r'\("[^"*]+"( OR "[^"*]+")*\)', consulta):
                formas.add("términos")
            if consulta and re.search(r'\([^)]*"\*', consulta):
                formas.add("ramas")
            if consulta and re.search(r'(^| )"\w{4,}"\*', consulta):
                formas.add("prefijo")
    if (max_terminos, max_ramas) == (3, 40):
        assert {"términos", "ramas"} <= formas
    if (max_terminos, max_ramas) == (0, 0):
        assert "prefijo" in formas and "ramas" not in formas
