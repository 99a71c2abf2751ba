"""La migración del índice de prefijos (`busqueda_0001`): un almacén del esquema anterior, con
solicitudes radicadas por el servicio real, sube y encuentra exactamente lo mismo que encontraba,
y reconstruir sigue coincidiendo."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select, text

from ventanilla.datos import almacen as modulo_almacen
from ventanilla.datos.ajustes import calendario_de
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.esquema import MIGRACIONES
from ventanilla.datos.modelos import CiudadanoFila, Dependencia, SolicitudFila
from ventanilla.datos.motor import MODO_ESCRITURA
from ventanilla.servicios.consultas import Resultado, _clasificar, buscar, consulta_fts
from ventanilla.servicios.radicacion import radicar
from ventanilla.servicios.reconstruccion import reconstruir

REVISION = "busqueda_0001"
AHORA = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
HOY = date(2026, 11, 23)
NOMBRES = ["María", "Mariana", "Marina", "Mario", "Marisol", "José", "Josefina", "Ángela", "Ana", "Andrés"]
APELLIDOS = ["Gómez Ñáñez", "Peña Ríos", "Rodríguez", "Rodas Marín", "Martínez", "Martín Zuluaga"]
ASUNTOS = [
    "Solicitud de poda de árbol en {lugar}", "Alumbrado público dañado en {lugar}", "Certificado de residencia",
    "Paz y salvo de impuesto predial", "Reparación de vía en {lugar}", "Podado de césped en {lugar}",
    "Alumbrados navideños en {lugar}", "Publicación de edicto", "Vías terciarias de {lugar}", "Oficio 5555 sobre {lugar}",
]
LUGARES = ["La Enea", "Chipre", "Villamaría", "El Cable", "Palermo", "Milán"]


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRACIONES))
    return config


def _migrar_al_esquema_anterior(motor: Engine) -> None:
    """Sube a todas las cabezas menos las que ya tienen el índice de prefijos: el esquema de antes."""
    config = _config()
    script = ScriptDirectory.from_config(config)
    cabezas = [
        cabeza for cabeza in script.get_heads()
        if REVISION not in {r.revision for r in script.iterate_revisions(cabeza, "base")}
    ]
    with motor.connect().execution_options(**{MODO_ESCRITURA: True}) as conexion:
        config.attributes["connection"] = conexion
        for cabeza in cabezas:
            command.upgrade(config, cabeza)
        conexion.commit()


def _tabla_busqueda(almacen: Almacen) -> str:
    with almacen.leer() as sesion:
        return str(sesion.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'busqueda'")))


def _filas_busqueda(almacen: Almacen) -> list[tuple[Any, ...]]:
    with almacen.leer() as sesion:
        return [tuple(f) for f in sesion.execute(text("SELECT rowid, * FROM busqueda ORDER BY rowid"))]


def _buscar_como_antes(almacen: Almacen, texto: str) -> list[Resultado]:
    """`buscar` tal como era antes de la migración: cada palabra como prefijo, directo sobre FTS5."""
    consulta = consulta_fts(texto)
    if not consulta:
        return []
    with almacen.leer() as sesion:
        exacta = sesion.scalar(select(SolicitudFila.fila).where(SolicitudFila.radicado == texto.strip().upper()))
        filas_ids = [exacta] if exacta else list(
            sesion.scalars(
                text("SELECT rowid FROM busqueda WHERE busqueda MATCH :q ORDER BY rowid DESC LIMIT 50"), {"q": consulta}
            )
        )
        if not filas_ids:
            return []
        calendario = calendario_de(sesion, almacen.ajustes)
        dependencias = {c: n for c, n in sesion.execute(select(Dependencia.codigo, Dependencia.nombre))}
        s, c = SolicitudFila, CiudadanoFila
        filas = sesion.execute(
            select(
                s.radicado, s.recibido_en, s.tipo, s.asunto, s.dependencia, s.vence_el, s.estado,
                s.respondida_el, c.nombres, c.apellidos, c.tipo_documento, c.numero_documento,
            )
            .outerjoin(c, c.id == s.ciudadano_id)
            .where(s.fila.in_(filas_ids))
            .order_by(s.fila.desc())
        )
        return [
            Resultado(
                radicado=f.radicado,
                recibido_en=f.recibido_en,
                tipo=f.tipo,
                asunto=f.asunto,
                peticionario=" ".join(p for p in (f.nombres, f.apellidos) if p) if f.tipo_documento else "Anónimo",
                documento=f"{f.tipo_documento} {f.numero_documento or ''}".strip() if f.tipo_documento else "",
                dependencia=dependencias.get(f.dependencia, f.dependencia),
                vence_el=f.vence_el,
                estado=f.estado,
                estado_termino=_clasificar(f, HOY, calendario, almacen.ajustes.dias_por_vencer),
            )
            for f in filas
        ]


def _radicar_varias(almacen: Almacen, solicitud_valida: dict[str, Any], cuantas: int) -> None:
    """Solicitudes por el servicio real, con palabras que comparten prefijos («mari…», «poda»/«podado»,
    «alumbrado»/«alumbrados»), tildes, anónimas y 40 documentos que empiezan por «5555», que también
    es una palabra de algunos asuntos."""
    azar = random.Random(20261123)
    for numero in range(cuantas):
        solicitud = dict(solicitud_valida, recibido=None)
        solicitud["tipo"] = azar.choice(["peticion", "queja", "documentos", "consulta", "felicitacion"])
        solicitud["asunto"] = azar.choice(ASUNTOS).format(lugar=azar.choice(LUGARES))
        solicitud["dependencia"] = azar.choice(["Hacienda", "Planeación", "Medio Ambiente", "Movilidad"])
        persona = numero % 60
        if solicitud["tipo"] == "queja" and azar.random() < 0.3:
            solicitud["ciudadano"] = None
        else:
            solicitud["ciudadano"] = dict(
                solicitud_valida["ciudadano"],
                numero_documento=f"5555{persona:04d}" if persona < 40 else str(70_000_000 + persona * 7919),
                nombres=NOMBRES[persona % len(NOMBRES)],
                apellidos=APELLIDOS[persona % len(APELLIDOS)],
            )
        radicar(almacen, solicitud, usuario="admin", ahora=AHORA - timedelta(days=cuantas - numero))


def _textos(almacen: Almacen) -> list[str]:
    """Lo que la gente escribe: palabras enteras y a medias, combinadas, y radicados completos."""
    azar = random.Random(7)
    textos = [
        "poda", "podad", "alumbrado público", "alumbrado", "mari", "maría", "MARIANA", "Ñáñez", "nanez maria",
        "rodr", "rodríguez", "martín", "5555", "55550", "555500", "5555003", "certificado residencia", "vía",
        "via", "publ", "m", "ma", "mar", "2026", "MZL-VU01-2026", "inexistente", "x_y", "Ærø", '"; DROP TABLE',
    ]
    with almacen.leer() as sesion:
        filas = list(sesion.execute(text("SELECT radicado, documento, nombre, asunto FROM busqueda")))
    textos += [azar.choice(filas).radicado for _ in range(5)]
    for _ in range(150):
        palabras = " ".join(azar.choice(filas)).split()
        elegidas = azar.sample(palabras, min(len(palabras), azar.randint(1, 3)))
        textos.append(" ".join(p[: azar.randint(1, len(p))] for p in elegidas))
    return textos


@pytest.fixture
def almacen_anterior(directorio_datos: Path, monkeypatch: pytest.MonkeyPatch, solicitud_valida: dict[str, Any]) -> Path:
    """Un almacén creado y llenado con el esquema de antes del índice de prefijos."""
    almacen = _abrir_sin_subir(directorio_datos, monkeypatch)
    assert "prefix" not in _tabla_busqueda(almacen)
    _radicar_varias(almacen, solicitud_valida, 300)
    almacen.cerrar()
    return directorio_datos


def _abrir_sin_subir(directorio: Path, monkeypatch: pytest.MonkeyPatch) -> Almacen:
    with monkeypatch.context() as parche:
        parche.setattr(modulo_almacen, "migrar", _migrar_al_esquema_anterior)
        return Almacen.abrir(directorio)


def test_un_almacen_migrado_encuentra_lo_mismo_y_reconstruir_coincide(
    almacen_anterior: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    almacen = _abrir_sin_subir(almacen_anterior, monkeypatch)
    textos = _textos(almacen)
    antes = {t: _buscar_como_antes(almacen, t) for t in textos}
    filas_antes = _filas_busqueda(almacen)
    almacen.cerrar()
    assert sum(len(r) == 50 for r in antes.values()) > 5, "algunas búsquedas deben llegar al límite"

    almacen = Almacen.abrir(almacen_anterior)  # sube a todas las cabezas
    try:
        assert "prefix='1 2 3'" in _tabla_busqueda(almacen)
        assert _filas_busqueda(almacen) == filas_antes
        for texto in textos:
            assert buscar(almacen, texto, hoy=HOY) == antes[texto], texto

        resultado = reconstruir(almacen)
        assert resultado.coincide, resultado.diferencias
        assert _filas_busqueda(almacen) == filas_antes
        for texto in textos:
            assert buscar(almacen, texto, hoy=HOY) == antes[texto], texto
    finally:
        almacen.cerrar()


def test_la_migracion_se_deshace_sin_perder_filas(almacen_anterior: Path) -> None:
    almacen = Almacen.abrir(almacen_anterior)
    filas = _filas_busqueda(almacen)
    config = _config()
    with almacen.motor.connect().execution_options(**{MODO_ESCRITURA: True}) as conexion:
        config.attributes["connection"] = conexion
        command.downgrade(config, "busqueda@-1")
        conexion.commit()
    try:
        with almacen.leer() as sesion:
            versiones = set(sesion.scalars(text("SELECT version_num FROM alembic_version")))
        assert REVISION not in versiones and "turnos_0001" in versiones
        assert "prefix" not in _tabla_busqueda(almacen)
        assert _filas_busqueda(almacen) == filas
        with almacen.leer() as sesion:
            assert sesion.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'busqueda_terminos'")) == 0
    finally:
        almacen.cerrar()


def test_un_almacen_nuevo_nace_con_el_indice_de_prefijos(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    assert "prefix='1 2 3'" in _tabla_busqueda(almacen)
    assert buscar(almacen, "poda") == []
    radicado = radicar(almacen, solicitud_valida, usuario="admin", ahora=AHORA).radicado
    for texto in ("poda", "pod", "p", "árbol andén", "maria gomez", "75071234", "7507", radicado):
        assert [r.radicado for r in buscar(almacen, texto)] == [radicado], texto
