"""Habeas data: exportar, corregir y anonimizar a un ciudadano, cada acción con su evento sin datos."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import select

from tests.seguridad.conftest import AHORA, abrir_crudo, radicar_varias
from ventanilla.cli import main
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import EventoFila, Usuario
from ventanilla.dominio.eventos import TIPOS_EVENTO, canonico
from ventanilla.seguridad.cadena import verificar_cadena
from ventanilla.seguridad.clave import clave_del_almacen
from ventanilla.seguridad.habeas import anonimizar_ciudadano, corregir_ciudadano, exportar_ciudadano
from ventanilla.servicios.consultas import buscar
from ventanilla.servicios.errores import AccionNoPermitida, PermisoDenegado
from ventanilla.servicios.tramite import cerrar, responder

MOTIVO = "Solicitud del titular, radicado MZL-VU01-2026-000009"


def _eventos(almacen: Almacen, tipo: str) -> list[EventoFila]:
    with almacen.leer() as sesion:
        return list(sesion.scalars(select(EventoFila).where(EventoFila.tipo == tipo)))


def _paginas_descifradas(archivo: Path, clave: str) -> bytes:
    """Todas las páginas del archivo en claro, también las libres (formato de SQLCipher 4:
    AES-256-CBC, páginas de 4096 bytes, 80 de reserva: IV de 16 y HMAC de 64; sal en la página 1)."""
    llave = bytes.fromhex(clave)
    crudo = archivo.read_bytes()
    paginas = []
    for inicio in range(0, len(crudo), 4096):
        pagina = crudo[inicio : inicio + 4096]
        desde = 16 if inicio == 0 else 0
        vector = pagina[4096 - 80 : 4096 - 64]
        descifrador = Cipher(algorithms.AES(llave), modes.CBC(vector)).decryptor()
        paginas.append(descifrador.update(pagina[desde : 4096 - 80]) + descifrador.finalize())
    return b"".join(paginas)


def _funcionario(almacen: Almacen) -> None:
    with almacen.escribir() as sesion:
        sesion.add(Usuario(login="ana", nombre="Ana Ríos", roles=["funcionario"], clave_hash=None, activo=True))


def test_los_tipos_de_habeas_estan_declarados() -> None:
    assert {"ciudadano.exportado", "ciudadano.corregido", "ciudadano.anonimizado"} <= TIPOS_EVENTO.keys()


def test_exportar_entrega_el_registro_y_sus_solicitudes(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    datos = exportar_ciudadano(almacen, "CC:75.071.234", usuario="admin", motivo=MOTIVO, ahora=AHORA)
    assert datos["ciudadano"]["apellidos"] == "Gómez Ñáñez"
    assert [s["radicado"] for s in datos["solicitudes"]] == [radicacion.radicado]
    (evento,) = _eventos(almacen, "ciudadano.exportado")
    assert evento.usuario == "admin" and evento.datos == {"ciudadano_id": radicacion.ciudadano_id, "motivo": MOTIVO}


def test_el_motivo_no_puede_llevar_datos_del_titular(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicar_varias(almacen, solicitud_valida, 1)
    for motivo in ("Lo pidió María Gómez en persona", "Titular con cédula 75071234", "corto"):
        with pytest.raises(AccionNoPermitida):
            exportar_ciudadano(almacen, "CC:75071234", usuario="admin", motivo=motivo)
    assert _eventos(almacen, "ciudadano.exportado") == []


def test_corregir_cambia_el_registro_sube_la_version_y_la_busqueda_lo_sigue(
    almacen: Almacen, solicitud_valida: dict[str, Any]
) -> None:
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    fila = corregir_ciudadano(
        almacen, "CC:75071234", {"apellidos": "Gómez Ñañez", "telefono": "3109876543"}, usuario="admin", motivo=MOTIVO
    )
    assert (fila.apellidos, fila.telefono, fila.version) == ("Gómez Ñañez", "3109876543", 2)
    (evento,) = _eventos(almacen, "ciudadano.corregido")
    assert evento.datos["campos"] == ["apellidos", "telefono"]
    assert "3109876543" not in canonico(evento.datos) and "Ñañez" not in canonico(evento.datos)
    assert [r.radicado for r in buscar(almacen, "3109876543 nanez", hoy=AHORA.date())] in ([], [radicacion.radicado])
    assert [r.documento for r in buscar(almacen, "gomez", hoy=AHORA.date())] == ["CC 75071234"]


def test_corregir_valida_el_documento_y_los_campos(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    radicar_varias(almacen, solicitud_valida, 2)
    casos = [
        ({"numero_documento": "abc"}, "no es válido"),
        ({"numero_documento": "75071235"}, "otro ciudadano"),
        ({"clave": "x"}, "No se pueden corregir"),
        ({"nombres": ""}, "no puede quedar vacío"),
        ({"telefono": 3001}, "debe ser texto"),
        ({"telefono": "3001234567"}, "iguales"),
    ]
    for cambios, mensaje in casos:
        with pytest.raises(AccionNoPermitida, match=mensaje):
            corregir_ciudadano(almacen, "CC:75071234", cambios, usuario="admin", motivo=MOTIVO)


def test_anonimizar_exige_rol_y_solicitudes_terminadas(almacen: Almacen, solicitud_valida: dict[str, Any]) -> None:
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    _funcionario(almacen)
    with pytest.raises(PermisoDenegado, match="anonimizar"):
        anonimizar_ciudadano(almacen, "CC:75071234", usuario="ana", motivo=MOTIVO)
    with pytest.raises(AccionNoPermitida, match=radicacion.radicado):
        anonimizar_ciudadano(almacen, "CC:75071234", usuario="admin", motivo=MOTIVO)
    responder(almacen, radicacion.radicado, "correo", usuario="admin", ahora=AHORA)
    cerrar(almacen, radicacion.radicado, usuario="admin", ahora=AHORA)
    fila = anonimizar_ciudadano(almacen, "CC:75071234", usuario="admin", motivo=MOTIVO)
    assert (fila.nombres, fila.numero_documento, fila.telefono, fila.correo) == ("Anonimizado", None, "", "")
    assert buscar(almacen, "Ñáñez", hoy=AHORA.date()) == []
    assert [r.peticionario for r in buscar(almacen, radicacion.radicado, hoy=AHORA.date())] == ["Anonimizado"]
    (evento,) = _eventos(almacen, "ciudadano.anonimizado")
    assert evento.usuario == "admin" and evento.datos["ciudadano_id"] == radicacion.ciudadano_id
    assert verificar_cadena(almacen).integro


def test_anonimizado_el_nombre_no_queda_en_las_paginas_del_almacen(
    almacen: Almacen, solicitud_valida: dict[str, Any]
) -> None:
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    responder(almacen, radicacion.radicado, "correo", usuario="admin", ahora=AHORA)
    anonimizar_ciudadano(almacen, "CC:75071234", usuario="admin", motivo=MOTIVO)
    almacen.cerrar()
    conexion = abrir_crudo(almacen.directorio)
    conexion.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conexion.close()
    paginas = _paginas_descifradas(almacen.archivo, clave_del_almacen(almacen.directorio, crear=False))
    assert b"CREATE TABLE ciudadanos" in paginas, "el descifrado de páginas funciona"
    assert "Ñáñez".encode() not in paginas and b"75071234" not in paginas


def test_la_orden_habeas_exporta_corrige_y_anonimiza(
    almacen: Almacen, solicitud_valida: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (radicacion,) = radicar_varias(almacen, solicitud_valida, 1)
    salida = tmp_path / "titular.json"
    assert main(["habeas", "exportar", "CC:75071234", "--motivo", MOTIVO, "--salida", str(salida)]) == 0
    assert stat.S_IMODE(salida.stat().st_mode) == 0o600
    assert json.loads(salida.read_text())["ciudadano"]["id"] == radicacion.ciudadano_id
    cambios = tmp_path / "cambios.json"
    cambios.write_text('{"correo": "nuevo@example.co"}')
    assert main(["habeas", "corregir", "CC:75071234", str(cambios), "--motivo", MOTIVO]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["version"] == 2
    monkeypatch.setenv("VENTANILLA_USUARIO", "admin")
    with pytest.raises(SystemExit) as salida_error:
        main(["habeas", "anonimizar", "CC:75071234", "--motivo", MOTIVO])
    assert salida_error.value.code == 2
    assert "solicitudes en trámite" in capsys.readouterr().err
