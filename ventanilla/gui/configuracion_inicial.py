"""El primer arranque de un equipo sin configurar: un administrador fija su punto y su serie.

Dos caminos: inscribir el equipo con el servidor de la entidad (la función la da el módulo de
sincronización; mientras no exista el botón queda deshabilitado y dice por qué) o dejarlo
trabajando sin servidor, confirmando punto y serie y eligiendo la clave del administrador.
"""

from __future__ import annotations

from collections.abc import Callable

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.radicados import Plantilla, validar_serie
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import QWidget, Signal
from ventanilla.servicios.sesion import ClaveNoValida, SesionUsuario, configurar_equipo

__all__ = ["VentanaConfiguracionInicial", "Inscribir"]

Inscribir = Callable[[QWidget, Almacen], SesionUsuario | None]
"""Inscribe el equipo con un servidor (diálogo propio) y devuelve la sesión del administrador."""


class VentanaConfiguracionInicial(QWidget):
    """Se muestra una sola vez por equipo; emite `configurado` con la sesión del administrador."""

    configurado = Signal(object)

    def __init__(self, almacen: Almacen, inscribir: Inscribir | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self._inscribir = inscribir
        self.form = cargar_formulario("configuracion_inicial", self)
        self.setWindowTitle("Ventanilla · Configurar este equipo")
        ajustes = almacen.ajustes
        self.form.punto.setText(ajustes.punto)
        self.form.serie.setText(ajustes.serie)
        self.form.serie.textChanged.connect(self._mostrar_ejemplo)
        self.form.guardar.clicked.connect(self._guardar)
        self.form.confirmacion.returnPressed.connect(self._guardar)
        if inscribir is None:
            self.form.inscribir.setEnabled(False)
            self.form.inscribir.setToolTip(
                "La inscripción con un servidor todavía no está disponible en esta versión."
            )
        else:
            self.form.inscribir.clicked.connect(self._inscribir_con_servidor)
        self._mostrar_ejemplo(ajustes.serie)
        self.form.punto.setFocus()

    def _mostrar_ejemplo(self, serie: str) -> None:
        ajustes = self._almacen.ajustes
        try:
            limpia = validar_serie(serie)
        except ValueError as error:
            self.form.ejemplo.setText(str(error))
            return
        ejemplo = Plantilla(ajustes.plantilla).formatear(
            entidad=ajustes.entidad, serie=limpia, serie_num=ajustes.serie_num, anio=2026, consecutivo=1
        )
        self.form.ejemplo.setText(f"Radicados como {ejemplo}")

    def _mostrar_error(self, texto: str) -> None:
        self.form.mensaje.setText(texto)
        anunciar(self, texto, asertivo=True)
        self.form.guardar.setEnabled(True)

    def _guardar(self) -> None:
        self.form.mensaje.setText("")
        self.form.guardar.setEnabled(False)
        punto, serie = self.form.punto.text(), self.form.serie.text()
        clave, confirmacion = self.form.clave.text(), self.form.confirmacion.text()

        def fallo(error: Exception) -> None:
            if not isinstance(error, (ValueError, ClaveNoValida)):
                raise error
            self._mostrar_error(str(error))
            campo = self.form.clave if isinstance(error, ClaveNoValida) else (
                self.form.serie if "serie" in str(error).lower() else self.form.punto
            )
            campo.setFocus()

        ejecutar(
            self,
            lambda: configurar_equipo(self._almacen, punto=punto, serie=serie, clave=clave, confirmacion=confirmacion),
            al_terminar=self.configurado.emit,
            al_fallar=fallo,
            cambia={"ajustes"},
            descripcion="Guardando la configuración…",
        )

    def _inscribir_con_servidor(self) -> None:
        assert self._inscribir is not None
        sesion = self._inscribir(self, self._almacen)
        if sesion is not None:
            self.configurado.emit(sesion)
