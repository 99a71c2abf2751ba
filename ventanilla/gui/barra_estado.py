"""La barra de estado de la ventana principal: quién, dónde, la conexión, lo pendiente y la hora.

La conexión y los envíos pendientes vienen de la sincronización (`estado_sincronizacion`), leídos
cada pocos segundos fuera del hilo de la interfaz; un equipo sin servidor muestra «Sin servidor».
Un reloj atrasado o desfasado se avisa aquí mismo: la fecha de un radicado es prueba. Mientras
una operación corre, la barra dice cuál («Radicando…»).
"""

from __future__ import annotations

from datetime import datetime

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.gui.fechas import fecha_con_dia
from ventanilla.gui.operaciones import avisos
from ventanilla.gui.qt import QLabel, QStatusBar, QTimer, QWidget

__all__ = ["BarraEstado"]

_SEPARADOR = "  ·  "


class BarraEstado(QStatusBar):
    def __init__(self, usuario: str, punto: str, serie: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.setAccessibleName("Barra de estado")
        self.quien = QLabel(f"{usuario}{_SEPARADOR}{punto} ({serie})")
        self.quien.setAccessibleName("Usuario y punto")
        self.conexion = QLabel()
        self.conexion.setAccessibleName("Conexión")
        self.ocupado = QLabel()
        self.ocupado.setAccessibleName("Actividad")
        self.ocupado.setProperty("rol", "secundario")
        self.aviso = QLabel()
        self.aviso.setAccessibleName("Aviso")
        self.aviso.setProperty("rol", "aviso")
        self.aviso.hide()
        self.reloj = QLabel()
        self.reloj.setAccessibleName("Fecha y hora")
        # Con el texto al 200 % las cuatro partes no caben en una línea de 1366 px: cada una se parte
        # en renglones antes que ensanchar la ventana o cortar letras.
        for etiqueta in (self.quien, self.conexion, self.aviso, self.reloj):
            etiqueta.setWordWrap(True)
        self.addWidget(self.quien)
        self.addWidget(self.conexion)
        self.addWidget(self.aviso)
        self.addWidget(self.ocupado, 1)
        self.addPermanentWidget(self.reloj)
        self.fijar_conexion(None, None)
        avisos().ocupado.connect(self.ocupado.setText)
        self._temporizador = QTimer(self)
        self._temporizador.timeout.connect(self.actualizar_reloj)
        self._temporizador.start(1000)
        self.actualizar_reloj()

    def fijar_conexion(self, en_linea: bool | None, pendientes: int | None) -> None:
        """`en_linea` None: equipo sin servidor. Los pendientes son eventos por enviar."""
        if en_linea is None:
            texto = "○ Sin servidor"
        else:
            texto = "● En línea" if en_linea else "○ Sin conexión"
            if pendientes is not None:
                texto += f"{_SEPARADOR}{pendientes} pendiente{'' if pendientes == 1 else 's'}"
        self.conexion.setText(texto)

    def fijar_aviso(self, texto: str | None) -> None:
        """Un aviso que debe quedar a la vista (el reloj del equipo desfasado, rechazos)."""
        self.aviso.setText(texto or "")
        self.aviso.setVisible(bool(texto))

    def actualizar_reloj(self) -> None:
        ahora = datetime.now(BOGOTA)
        self.reloj.setText(f"{ahora:%H:%M}{_SEPARADOR}{fecha_con_dia(ahora.date())}")
