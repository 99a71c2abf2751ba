"""La ventana de entrada: usuario y clave, comprobados contra este equipo (sirve sin red).

Cada clave equivocada hace esperar más antes del siguiente intento (`servicios.intentos`).

Quien aún no tiene clave (un usuario nuevo que llegó del servidor o que creó el
administrador) la elige aquí la primera vez: la ventana lo detecta al salir del campo de
usuario y pide confirmarla.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import QWidget, Signal
from ventanilla.servicios.errores import ErrorDeServicio
from ventanilla.servicios.intentos import ARCHIVO_INTENTOS, Intentos
from ventanilla.servicios.sesion import (
    LARGO_MINIMO,
    fijar_primera_clave,
    iniciar_sesion,
    necesita_primera_clave,
)

__all__ = ["VentanaInicioSesion"]


class VentanaInicioSesion(QWidget):
    """Emite `sesion_iniciada` con la `SesionUsuario` de quien entró."""

    sesion_iniciada = Signal(object)

    def __init__(self, almacen: Almacen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self._primera_vez = False
        self._intentos = Intentos(archivo=almacen.directorio / ARCHIVO_INTENTOS)
        self.form = cargar_formulario("inicio_sesion", self)
        ajustes = almacen.ajustes
        self.setWindowTitle(f"Ventanilla · {ajustes.punto}")
        self.form.lugar.setText(f"{ajustes.entidad_nombre}\n{ajustes.punto} · serie {ajustes.serie}")
        self._modo_primera_vez(False)
        self.form.usuario.editingFinished.connect(self._revisar_usuario)
        self.form.usuario.returnPressed.connect(self.form.clave.setFocus)
        self.form.clave.returnPressed.connect(self._al_enter_en_clave)
        self.form.confirmacion.returnPressed.connect(self._entrar)
        self.form.entrar.clicked.connect(self._entrar)
        self.form.usuario.setFocus()

    @property
    def primera_vez(self) -> bool:
        """Verdadero si el usuario escrito todavía no tiene clave y la está eligiendo."""
        return self._primera_vez

    def _modo_primera_vez(self, activo: bool) -> None:
        self._primera_vez = activo
        self.form.e_confirmacion.setVisible(activo)
        self.form.confirmacion.setVisible(activo)
        self.form.e_clave.setText("&Clave nueva" if activo else "&Clave")
        self.form.indicacion.setVisible(activo)
        self.form.indicacion.setText(
            f"Es la primera vez que entra en este equipo: elija su clave (al menos {LARGO_MINIMO} "
            "caracteres) y escríbala dos veces."
            if activo
            else ""
        )
        self.form.entrar.setText("Guardar clave y entrar" if activo else "Entrar")

    def _revisar_usuario(self) -> None:
        login = self.form.usuario.text().strip()
        if not login:
            return
        primera = necesita_primera_clave(self._almacen, login)
        if primera != self._primera_vez:
            self._modo_primera_vez(primera)
            if primera:
                anunciar(self, self.form.indicacion.text())

    def _al_enter_en_clave(self) -> None:
        if self._primera_vez:
            self.form.confirmacion.setFocus()
        else:
            self._entrar()

    def _entrar(self) -> None:
        self._revisar_usuario()
        login, clave = self.form.usuario.text().strip(), self.form.clave.text()
        if not login:
            self._mostrar_error("Escriba su usuario.")
            self.form.usuario.setFocus()
            return
        self.form.mensaje.setText("")
        self.form.entrar.setEnabled(False)
        if self._primera_vez:
            confirmacion = self.form.confirmacion.text()
            trabajo = lambda: fijar_primera_clave(self._almacen, login, clave, confirmacion)
        else:
            trabajo = lambda: self._intentos.proteger(login, lambda: iniciar_sesion(self._almacen, login, clave))
        ejecutar(self, trabajo, al_terminar=self.sesion_iniciada.emit, al_fallar=self._fallo, descripcion="Entrando…")

    def _fallo(self, error: Exception) -> None:
        if not isinstance(error, ErrorDeServicio):
            raise error
        self._mostrar_error(str(error))
        self.form.clave.selectAll()
        self.form.clave.setFocus()

    def _mostrar_error(self, texto: str) -> None:
        self.form.entrar.setEnabled(True)
        self.form.mensaje.setText(texto)
        anunciar(self, texto, asertivo=True)
