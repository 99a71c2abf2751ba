"""La vista de una solicitud: sus datos, el estado del término, su línea de tiempo y las
acciones que su estado y el rol de quien la mira permiten.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.solicitudes import CANALES
from ventanilla.dominio.terminos import TERMINOS
from ventanilla.gui import estado_termino
from ventanilla.gui.acciones_solicitud import PanelAcciones
from ventanilla.gui.fechas import fecha_corta, fecha_hora
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.qt import QListWidgetItem, QVBoxLayout, QWidget, Signal
from ventanilla.servicios.bitacora import describir
from ventanilla.servicios.consultas import Ficha
from ventanilla.servicios.sesion import SesionUsuario

__all__ = ["VistaSolicitud"]


class VistaSolicitud(QWidget):
    """Emite `volver` (Esc o el botón) y `cambiada` con el radicado cuando una acción lo cambia."""

    volver = Signal()
    cambiada = Signal(str)

    def __init__(self, almacen: Almacen, sesion: SesionUsuario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self.ficha: Ficha | None = None
        self.form = cargar_formulario("ficha", self)
        self.acciones = PanelAcciones(almacen, sesion)
        contenedor = QVBoxLayout(self.form.acciones)
        contenedor.setContentsMargins(0, 0, 0, 0)
        contenedor.addWidget(self.acciones)
        self.form.volver.clicked.connect(self.volver.emit)
        self.acciones.hecha.connect(lambda _t: self.cambiada.emit(self.ficha.solicitud.radicado if self.ficha else ""))

    def mostrar(self, ficha: Ficha) -> None:
        self.ficha = ficha
        s, f = ficha.solicitud, self.form
        f.radicado.setText(s.radicado)
        estado = ficha.estado_termino
        f.termino.setText(f"{estado_termino.texto(estado)}")
        f.termino.setStyleSheet(f"color: {estado_termino.color(estado).name()};")
        f.termino.setAccessibleName(f"Estado del término: {estado_termino.texto(estado)}")
        f.asunto.setText(s.asunto)
        f.descripcion.setText(s.descripcion or "Sin descripción.")
        c = ficha.ciudadano
        f.peticionario.setText(c.nombre_completo if c else "Anónimo")
        f.documento.setText(f"{c.tipo_documento} {c.numero_documento or ''}".strip() if c else "—")
        f.tipo.setText(TERMINOS[s.tipo].nombre if s.tipo in TERMINOS else s.tipo)
        f.canal.setText(CANALES.get(s.canal, s.canal) + (" (verbal)" if s.verbal else ""))
        f.recibida.setText(fecha_hora(s.recibido_en))
        vence = fecha_corta(s.vence_el) if s.vence_el else "Sin término legal"
        f.vence.setText(vence + (" (ampliado)" if s.ampliada else ""))
        f.dependencia.setText(ficha.dependencia_nombre)
        f.funcionario.setText(ficha.funcionario_nombre)
        f.folios.setText(f"{s.folios} folios · {len(s.anexos)} anexos")
        pendiente = " · anulación pendiente de aprobar" if s.anulacion_pendiente else ""
        f.estado.setText(s.estado.capitalize() + pendiente)
        self._linea_de_tiempo(ficha)
        self.acciones.mostrar(ficha)

    def _linea_de_tiempo(self, ficha: Ficha) -> None:
        dependencias = self._almacen.dependencias()
        lista = self.form.linea
        lista.clear()
        for evento in ficha.eventos:
            accion, detalle = describir(evento.tipo, evento.datos, dependencias)
            texto = f"{fecha_hora(evento.ocurrido_en)}  ·  {accion}" + (f": {detalle}" if detalle else "") + f"  ·  {evento.usuario}"
            elemento = QListWidgetItem(texto)
            elemento.setToolTip(texto)
            lista.addItem(elemento)

    def escape(self) -> bool:
        """Esc: cierra el editor de una acción si está abierto; si no, vuelve a los resultados."""
        if self.acciones.editor_abierto:
            self.acciones.cerrar_editor()
            return True
        self.volver.emit()
        return True
