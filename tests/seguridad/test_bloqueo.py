"""Una sesión inactiva se bloquea y se desbloquea sin perder el formulario (reloj controlado)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ventanilla.gui.bloqueo import ESPERA_POR_DEFECTO_MS, VigilanteInactividad
from ventanilla.gui.qt import QFormLayout, QLineEdit, QPlainTextEdit, QWidget
from ventanilla.servicios.intentos import Intentos, PoliticaEspera
from ventanilla.servicios.sesion import CredencialesInvalidas

MINUTO = 60_000


class RelojFalso:
    def __init__(self) -> None:
        self.ms = 1_000_000

    def __call__(self) -> int:
        return self.ms

    def avanzar(self, ms: int) -> None:
        self.ms += ms


class FormularioMuestra(QWidget):
    """Un formulario de radicación a medio llenar, como el que dejaría un funcionario."""

    def __init__(self) -> None:
        super().__init__()
        self.nombre = QLineEdit()
        self.documento = QLineEdit()
        self.asunto = QPlainTextEdit()
        forma = QFormLayout(self)
        forma.addRow("Nombre", self.nombre)
        forma.addRow("Documento", self.documento)
        forma.addRow("Asunto", self.asunto)


def _preparar(qtbot: QtBot, **opciones: object) -> tuple[FormularioMuestra, VigilanteInactividad, RelojFalso]:
    reloj = RelojFalso()
    formulario = FormularioMuestra()
    qtbot.addWidget(formulario)
    formulario.resize(500, 300)
    formulario.show()
    qtbot.waitExposed(formulario)
    vigilante = VigilanteInactividad(
        formulario, verificar=lambda clave: clave == "clave-correcta", usuario="Ana Ríos", reloj=reloj, **opciones  # type: ignore[arg-type]
    )
    formulario.documento.setFocus()
    qtbot.keyClicks(formulario.documento, "7507")
    return formulario, vigilante, reloj


def test_por_defecto_bloquea_a_los_cinco_minutos_sin_uso(qtbot: QtBot) -> None:
    formulario, vigilante, reloj = _preparar(qtbot)
    assert vigilante.espera_ms == ESPERA_POR_DEFECTO_MS == 5 * MINUTO
    reloj.avanzar(4 * MINUTO)
    vigilante.revisar()
    assert not vigilante.activo
    qtbot.keyClicks(formulario.documento, "1234")  # la actividad reinicia la cuenta
    reloj.avanzar(4 * MINUTO)
    vigilante.revisar()
    assert not vigilante.activo
    with qtbot.waitSignal(vigilante.bloqueado, timeout=1000):
        reloj.avanzar(1 * MINUTO)
        vigilante.revisar()
    assert vigilante.activo and vigilante.capa.isVisible()
    assert vigilante.capa.geometry() == formulario.rect(), "la capa tapa la ventana entera"
    assert "Ana Ríos" in vigilante.capa.titulo.text()


def test_bloqueada_no_deja_tocar_el_formulario_y_al_volver_esta_intacto(qtbot: QtBot) -> None:
    formulario, vigilante, reloj = _preparar(qtbot, espera_ms=2 * MINUTO)
    formulario.nombre.setText("María Gómez Ñáñez")
    formulario.asunto.setPlainText("Poda del árbol del andén")
    formulario.documento.setFocus()
    reloj.avanzar(2 * MINUTO)
    vigilante.revisar()
    assert vigilante.activo

    qtbot.keyClicks(formulario.documento, "999")
    assert formulario.documento.text() == "7507", "el teclado no llega al formulario bloqueado"
    qtbot.keyClicks(vigilante.capa.clave, "equivocada")
    vigilante.capa.boton.click()
    assert vigilante.activo
    assert "no es correcta" in vigilante.capa.mensaje.text()

    with qtbot.waitSignal(vigilante.desbloqueado, timeout=1000):
        qtbot.keyClicks(vigilante.capa.clave, "clave-correcta")
        vigilante.capa.boton.click()
    assert not vigilante.activo and not vigilante.capa.isVisible()
    assert formulario.nombre.text() == "María Gómez Ñáñez"
    assert formulario.documento.text() == "7507"
    assert formulario.asunto.toPlainText() == "Poda del árbol del andén"
    assert formulario.focusWidget() is formulario.documento, "el foco vuelve al campo donde estaba"
    assert vigilante.capa.clave.text() == "", "la clave escrita no queda en el campo"


def test_al_desbloquear_la_cuenta_empieza_de_nuevo(qtbot: QtBot) -> None:
    _formulario, vigilante, reloj = _preparar(qtbot, espera_ms=MINUTO)
    reloj.avanzar(MINUTO)
    vigilante.revisar()
    assert vigilante.desbloquear("clave-correcta")
    reloj.avanzar(MINUTO - 1)
    vigilante.revisar()
    assert not vigilante.activo


def test_varias_claves_equivocadas_imponen_espera_en_la_capa(qtbot: QtBot) -> None:
    reloj_segundos = RelojFalso()
    intentos = Intentos(PoliticaEspera(libres=2, base_segundos=30), reloj=lambda: reloj_segundos.ms / 1000)

    def verificar(clave: str) -> bool:
        def entrar() -> bool:
            if clave != "clave-correcta":
                raise CredencialesInvalidas("Usuario o clave incorrectos.")
            return True

        return intentos.proteger("ana", entrar)

    formulario = FormularioMuestra()
    qtbot.addWidget(formulario)
    vigilante = VigilanteInactividad(formulario, verificar=verificar, reloj=reloj_segundos, espera_ms=MINUTO)
    vigilante.bloquear()
    for _ in range(2):
        assert not vigilante.desbloquear("mala")
        assert "incorrectos" in vigilante.capa.mensaje.text()
    assert not vigilante.desbloquear("clave-correcta")
    assert "Espere" in vigilante.capa.mensaje.text()
    reloj_segundos.avanzar(30_000)
    assert vigilante.desbloquear("clave-correcta")
