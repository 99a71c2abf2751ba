"""La forma común de cada sección de la ventana de administración.

Una lista arriba, un formulario, una fila de botones y una línea de mensajes. Toda llamada al
servidor pasa por `pedir`, fuera del hilo de la interfaz; si el servidor se niega, su mensaje va a
la línea de mensajes y lo escrito en el formulario no se toca.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ventanilla.sincronizacion.administracion import ClienteAdministracion

if TYPE_CHECKING:
    from ventanilla.gui.administracion import VentanaAdministracion

__all__ = ["SeccionAdministracion"]


class SeccionAdministracion(QWidget):
    def __init__(self, ventana: VentanaAdministracion) -> None:
        super().__init__(ventana)
        self.ventana = ventana
        self.lista = QListWidget(self)
        self.mensaje = QLabel(self)
        self.mensaje.setWordWrap(True)
        self.mensaje.setAccessibleName("Mensaje")
        self.formulario = QFormLayout()
        self.botones = QHBoxLayout()
        self.disposicion = QVBoxLayout(self)
        self.disposicion.addWidget(self.lista, 1)
        self.disposicion.addLayout(self.formulario)
        self.disposicion.addLayout(self.botones)
        self.disposicion.addWidget(self.mensaje)

    def boton(self, texto: str, accion: Callable[[], None]) -> QPushButton:
        boton = QPushButton(texto, self)
        boton.clicked.connect(accion)
        self.botones.addWidget(boton)
        return boton

    def pedir(
        self,
        trabajo: Callable[[ClienteAdministracion], Any],
        al_terminar: Callable[[Any], None],
        al_fallar: Callable[[Exception], None] | None = None,
    ) -> None:
        """Corre `trabajo` con el cliente fuera del hilo de la interfaz; una negativa va a `al_fallar`
        (por omisión, a la línea de mensajes)."""
        cliente = self.ventana.cliente
        self.mensaje.setText("Consultando el servidor…")
        ejecutar(self, lambda: trabajo(cliente), al_terminar=al_terminar, al_fallar=al_fallar or self.fallar)

    def fallar(self, error: Exception) -> None:
        self.mensaje.setText(str(error))

    def llenar(self, filas: list[tuple[str, Any]]) -> None:
        self.lista.clear()
        for texto, dato in filas:
            item = QListWidgetItem(texto)
            item.setData(Qt.ItemDataRole.UserRole, dato)
            self.lista.addItem(item)
        self.mensaje.setText(f"{len(filas)} en total.")

    def elegido(self) -> Any:
        item = self.lista.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def cargar(self) -> None:
        raise NotImplementedError
