"""F1: las teclas de la ventanilla, en una lista que se cierra con Esc."""

from __future__ import annotations

from ventanilla.gui.qt import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

__all__ = ["TECLAS", "DialogoTeclas"]

TECLAS: tuple[tuple[str, str], ...] = (
    ("F2", "Nueva solicitud"),
    ("F3", "Buscar"),
    ("Ctrl+Enter", "Radicar (revisar y confirmar)"),
    ("Esc", "Limpiar el formulario o volver"),
    ("Ctrl+P", "Imprimir la constancia"),
    ("F5", "Llamar siguiente turno"),
    ("F6", "Volver a llamar"),
    ("F7", "No se presentó"),
    ("F8", "Finalizar atención"),
    ("Ctrl+Shift+C", "Cambiar el tema de color"),
    ("Ctrl+= / Ctrl+-", "Agrandar o achicar el texto"),
    ("F1", "Esta ayuda"),
)


class DialogoTeclas(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Teclas de Ventanilla")
        disposicion = QVBoxLayout(self)
        filas = "".join(
            f"<tr><td style='padding:3px 18px 3px 0'><b>{tecla}</b></td><td>{accion}</td></tr>" for tecla, accion in TECLAS
        )
        tabla = QLabel(f"<table>{filas}</table>")
        tabla.setAccessibleName("Teclas: " + "; ".join(f"{t}, {a}" for t, a in TECLAS))
        disposicion.addWidget(tabla)
        botones = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        botones.button(QDialogButtonBox.StandardButton.Close).setText("Cerrar")
        botones.rejected.connect(self.reject)
        disposicion.addWidget(botones)
