"""La sección «Revisiones» de la ventana de administración, con dos equipos reales que cambian a la
misma persona y un servidor real sobre PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from apoyo_sync import ServidorVivo, inscrito
from pytestqt.qtbot import QtBot

from ventanilla.central.bd import Central
from ventanilla.central.modelos_api import CambioUsuario
from ventanilla.central.rutas_administracion import guardar_usuario
from ventanilla.datos.almacen import Almacen
from ventanilla.gui.accesibilidad import orden_de_tabulacion, revisar_accesibilidad, textos_recortados
from ventanilla.gui.administracion import SECCIONES, VentanaAdministracion
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.qt import Qt
from ventanilla.servicios.ciudadanos import buscar_ciudadano
from ventanilla.servicios.radicacion import radicar
from ventanilla.sincronizacion.administracion import entrar
from ventanilla.sincronizacion.motor import sincronizar

pytestmark = pytest.mark.lento

ANA, PEDRO = "24331208", "10203040"
PLAZO_MS = 30_000


def _atender(almacen: Almacen, documento: str, nombres: str, telefono: str) -> None:
    """Radica una petición para la persona: si ya la conoce, cambia su teléfono (y su versión)."""
    radicar(almacen, {
        "tipo": "peticion", "canal": "presencial", "asunto": "Poda del árbol del andén", "dependencia": "Medio Ambiente",
        "folios": 1, "recibido": "2026-11-20T09:00:00",
        "ciudadano": {"tipo_documento": "CC", "numero_documento": documento, "nombres": nombres, "telefono": telefono},
    }, usuario="admin")


def _dos_conflictos(servidor: ServidorVivo, carpeta: Path) -> Almacen:
    """La ventanilla y la brigada cambian a Ana y a Pedro desde la misma versión; entra la ventanilla."""
    ventanilla = inscrito(servidor, carpeta / "vu01", "VU01")
    brigada = inscrito(servidor, carpeta / "brig1", "BRIG1")
    _atender(ventanilla, ANA, "Ana María", "3001112233")
    _atender(ventanilla, PEDRO, "Pedro", "3005556677")
    sincronizar(ventanilla)
    sincronizar(brigada)
    _atender(ventanilla, ANA, "Ana María", "3001112244")
    _atender(ventanilla, PEDRO, "Pedro", "3005556688")
    _atender(brigada, ANA, "Ana María", "3104445566")
    _atender(brigada, PEDRO, "Pedro", "3109998877")
    sincronizar(ventanilla)
    assert sincronizar(brigada).conflictos == 2
    return ventanilla


def _administradores(servidor: ServidorVivo) -> None:
    central = Central.abrir(servidor.url_bd, servidor.directorio)
    for login in ("jefe", "otra"):
        guardar_usuario(central, login, CambioUsuario(nombre=login.capitalize(), roles=["administrador"], clave="clave-segura-1"))
    central.cerrar()


def test_la_seccion_revisiones_compara_y_aplica_la_propuesta_sin_perder_el_motivo(
    qtbot: QtBot, servidor: ServidorVivo, tmp_path: Path
) -> None:
    ventanilla = _dos_conflictos(servidor, tmp_path)
    _administradores(servidor)
    ventana = VentanaAdministracion(entrar(servidor.url, "jefe", "clave-segura-1"))
    qtbot.addWidget(ventana)
    ventana.resize(1100, 760)
    ventana.show()
    seccion = ventana.revisiones
    ventana.secciones_lista.setCurrentRow(SECCIONES.index("Revisiones"))
    qtbot.waitUntil(lambda: seccion.lista.count() == 2, timeout=PLAZO_MS)
    textos = [seccion.lista.item(i).text() for i in range(2)]
    assert all(t.startswith("Dos equipos cambiaron a la misma persona · ") and "Punto BRIG1 (serie BRIG1)" in t for t in textos)
    assert f"Ana María · CC {ANA}" in textos[0] and f"Pedro · CC {PEDRO}" in textos[1]
    assert seccion.mensaje.text() == "2 revisiones pendientes."

    # Otra administradora resuelve la de Pedro mientras aquí se escribe el motivo: la negativa se
    # muestra, la lista se vuelve a leer y lo escrito sigue ahí.
    seccion.lista.setCurrentRow(1)
    qtbot.keyClicks(seccion.motivo, "Pedro dio su celular nuevo en la brigada")
    otra = entrar(servidor.url, "otra", "clave-segura-1")
    otra.resolver_revision(seccion.elegido()["id"], "conservar", "Lo confirmé por teléfono con Pedro.")
    otra.cerrar()
    qtbot.mouseClick(seccion.conservar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seccion.lista.count() == 1 and "ya la resolvió «otra»" in seccion.mensaje.text(), timeout=PLAZO_MS)
    assert seccion.motivo.text() == "Pedro dio su celular nuevo en la brigada"

    # La de Ana: la actual y la propuesta lado a lado, solo en lo que difiere.
    assert seccion.elegido()["actual"]["datos"]["numero_documento"] == ANA
    filas = [tuple(seccion.comparacion.item(f, c).text() for c in range(3)) for f in range(seccion.comparacion.rowCount())]
    assert ("Teléfono", "3001112244", "3104445566") in filas
    assert all(actual != propuesta for _, actual, propuesta in filas)
    assert seccion.comparacion.horizontalHeaderItem(2).text() == "Propuesta de Punto BRIG1 (serie BRIG1)"
    assert (seccion.aplicar.isEnabled(), seccion.conservar.isEnabled(), seccion.revisada.isEnabled()) == (True, True, False)
    assert revisar_accesibilidad(ventana) == []
    orden = orden_de_tabulacion(seccion)
    posiciones = [orden.index(w) for w in (seccion.lista, seccion.todas, seccion.comparacion, seccion.motivo,
                                           seccion.aplicar, seccion.conservar)]
    assert posiciones == sorted(posiciones)

    seccion.motivo.clear()
    qtbot.mouseClick(seccion.aplicar, Qt.MouseButton.LeftButton)
    assert "Escriba el motivo" in seccion.mensaje.text() and not seccion.confirmacion.isVisible()
    motivo = "Ana dio en la brigada su celular nuevo"
    qtbot.keyClicks(seccion.motivo, motivo)
    qtbot.mouseClick(seccion.aplicar, Qt.MouseButton.LeftButton)
    assert seccion.confirmacion.isVisible() and "Punto BRIG1" in seccion.pregunta.text()
    assert revisar_accesibilidad(ventana) == [] and ventana.focusWidget() is seccion.confirmar
    assert textos_recortados(seccion) == []
    orden = orden_de_tabulacion(seccion)
    assert orden.index(seccion.conservar) < orden.index(seccion.cancelar) < orden.index(seccion.confirmar)
    qtbot.mouseClick(seccion.confirmar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seccion.lista.count() == 0 and "resuelta" in seccion.mensaje.text(), timeout=PLAZO_MS)
    assert seccion.mensaje.text().endswith("No hay revisiones pendientes.") and seccion.motivo.text() == ""
    assert not seccion.comparacion.isVisible() and not seccion.aplicar.isEnabled()

    resueltas = servidor.consultar("SELECT decision, resuelta_por, nota FROM revisiones ORDER BY id")
    assert [tuple(f) for f in resueltas] == [("aplicar", "jefe", motivo), ("conservar", "otra", "Lo confirmé por teléfono con Pedro.")]
    seccion.todas.setChecked(True)
    qtbot.waitUntil(lambda: seccion.lista.count() == 2, timeout=PLAZO_MS)
    assert seccion.lista.item(0).text().endswith("resuelta: se aplicó la propuesta")
    assert f"Motivo: {motivo}" in seccion.explicacion.text() and not seccion.aplicar.isEnabled()

    sincronizar(ventanilla)
    ana = buscar_ciudadano(ventanilla, "CC", ANA)
    assert ana is not None and ana.telefono == "3104445566"
    esperar_todas()
