"""El borrador del formulario en el disco: cifrado, el de una versión anterior vuelve, y uno
alterado deja el formulario vacío con un aviso claro, sin borrar el archivo."""

from __future__ import annotations

import json
from typing import Any

from shiboken6 import isValid

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import esperar_todas
from ventanilla.gui.qt import Qt
from ventanilla.gui.ventana_principal import VentanaPrincipal
from ventanilla.seguridad.archivos import MAGIA
from ventanilla.servicios.borradores import guardar_borrador, leer_borrador, ruta_borrador
from ventanilla.servicios.sesion import SesionUsuario


def _escribir_y_esperar_el_borrador(ventana: VentanaPrincipal, almacen: Almacen, login: str, qtbot: Any) -> dict[str, Any]:
    f = ventana.registro.form
    f.numero_documento.setText("75071234")
    f.nombres.setText("María José")
    f.asunto.setText("Ruido de un establecimiento")
    qtbot.waitUntil(lambda: "establecimiento" in str(leer_borrador(almacen.directorio, login)))
    esperar_todas()
    datos = leer_borrador(almacen.directorio, login)
    assert datos is not None
    return datos


def _abrir(almacen: Almacen, sesion: SesionUsuario, qtbot: Any) -> VentanaPrincipal:
    ventana = VentanaPrincipal(almacen, sesion)
    qtbot.addWidget(ventana)
    return ventana


def test_un_borrador_en_claro_de_una_version_anterior_vuelve_al_formulario(
    app: Any, almacen: Almacen, funcionario: SesionUsuario, qtbot: Any
) -> None:
    primera = VentanaPrincipal(almacen, funcionario)
    datos = _escribir_y_esperar_el_borrador(primera, almacen, funcionario.login, qtbot)
    primera.deleteLater()
    qtbot.waitUntil(lambda: not isValid(primera))
    ruta = ruta_borrador(almacen.directorio, funcionario.login)
    assert ruta.read_bytes().startswith(MAGIA) and b"75071234" not in ruta.read_bytes()
    ruta.write_text(json.dumps(datos, ensure_ascii=False), encoding="utf-8")  # como lo dejaba la versión anterior
    f = _abrir(almacen, funcionario, qtbot).registro.form
    assert (f.numero_documento.text(), f.nombres.text()) == ("75071234", "María José")
    assert "recuperó" in f.franja_texto.text()
    assert ruta.read_bytes().startswith(MAGIA) and b"75071234" not in ruta.read_bytes()
    qtbot.mouseClick(f.franja_boton, Qt.MouseButton.LeftButton)  # «Descartar borrador»
    assert f.nombres.text() == "" and not ruta.exists()


def test_un_borrador_alterado_deja_el_formulario_vacio_y_lo_dice(
    app: Any, almacen: Almacen, funcionario: SesionUsuario, qtbot: Any
) -> None:
    ruta = guardar_borrador(almacen.directorio, funcionario.login,
                            {"asunto": "Poda", "borrador": {"numero_documento": "75071234", "nombres": "María"}})
    alterado = bytearray(ruta.read_bytes())
    alterado[-1] ^= 1
    ruta.write_bytes(bytes(alterado))

    ventana = _abrir(almacen, funcionario, qtbot)
    ventana.show()
    f = ventana.registro.form
    assert (f.numero_documento.text(), f.nombres.text(), f.asunto.text()) == ("", "", "")
    assert f.franja.isVisible() and f.franja_boton.text() == "Entendido"
    texto = f.franja_texto.text()
    assert texto.startswith("No se pudo leer el borrador guardado: fue alterado o es de otro equipo.")
    (apartado,) = ruta.parent.glob(f"{ruta.name}.ilegible-*")
    assert f"«{apartado.name}»" in texto and apartado.read_bytes() == bytes(alterado)

    f.asunto.setText("Alumbrado público")
    qtbot.mouseClick(f.franja_boton, Qt.MouseButton.LeftButton)
    assert not f.franja.isVisible() and f.asunto.text() == "Alumbrado público", "«Entendido» no borra lo escrito"
    qtbot.waitUntil(lambda: (leer_borrador(almacen.directorio, funcionario.login) or {}).get("asunto") == "Alumbrado público")
    esperar_todas()
    assert apartado.read_bytes() == bytes(alterado)
