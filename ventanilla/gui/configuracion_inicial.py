"""El primer arranque de un equipo sin configurar: un administrador fija su punto y su serie.

Dos caminos: inscribir el equipo con el servidor de la entidad (con el código de un solo uso
que da el administrador del servidor: punto, serie y usuarios llegan de allá) o dejarlo
trabajando sin servidor, confirmando punto y serie y eligiendo la clave del administrador.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.radicados import Plantilla, validar_serie
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import QWidget, Signal
from ventanilla.servicios.sesion import ClaveNoValida, configurar_equipo

__all__ = ["Inscribir", "VentanaConfiguracionInicial"]

Inscribir = Callable[[Almacen, str, str], Any]
"""Canjea el código de inscripción con el servidor (`sincronizacion.inscripcion.inscribir`)."""


class VentanaConfiguracionInicial(QWidget):
    """Se muestra una sola vez por equipo. Emite `configurado` con la sesión del administrador
    (sin servidor) o con None (inscrito: cada usuario entra luego con su clave)."""

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
            for widget in (self.form.servidor, self.form.codigo, self.form.inscribir):
                widget.setEnabled(False)
            self.form.inscribir.setToolTip("Esta instalación no trae la sincronización con un servidor.")
        else:
            self.form.inscribir.clicked.connect(self._inscribir_con_servidor)
            self.form.codigo.returnPressed.connect(self._inscribir_con_servidor)
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
        inscribir = self._inscribir
        servidor, codigo = self.form.servidor.text().strip(), self.form.codigo.text().strip()
        if not servidor or not codigo:
            self._mostrar_error("Escriba la dirección del servidor y el código de inscripción.")
            (self.form.servidor if not servidor else self.form.codigo).setFocus()
            return
        self.form.mensaje.setText("")
        self.form.inscribir.setEnabled(False)

        def listo(_inscripcion: Any) -> None:
            self.form.inscribir.setEnabled(True)
            self.configurado.emit(None)

        def fallo(error: Exception) -> None:
            from ventanilla.sincronizacion.errores import ErrorDeSincronizacion

            if not isinstance(error, ErrorDeSincronizacion):
                raise error
            self.form.inscribir.setEnabled(True)
            self._mostrar_error(str(error))
            self.form.codigo.setFocus()

        ejecutar(self, lambda: inscribir(self._almacen, servidor, codigo), al_terminar=listo, al_fallar=fallo,
                 cambia={"ajustes"}, descripcion="Inscribiendo el equipo…")
