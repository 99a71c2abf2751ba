"""Imprimir desde la ventana: arma el PDF fuera del hilo de la interfaz y abre la vista previa.

Imprimir de verdad (y anotar `documento.impreso`, que marca las reimpresiones como copia) lo
hace `servicios.impresion.imprimir`, llamado desde la vista previa en un hilo de trabajo. Los
módulos de impresión (reportlab) se importan en ese hilo la primera vez, no al arrancar.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import QWidget
from ventanilla.servicios.consultas import ficha
from ventanilla.servicios.errores import ErrorDeServicio
from ventanilla.servicios.sesion import SesionUsuario

__all__ = ["TITULOS", "Impresor"]

TITULOS = {"constancia": "Constancia de radicación", "sticker": "Rótulo", "anulacion": "Constancia de anulación"}


class Impresor:
    """Abre la vista previa de un documento de una solicitud, con la impresión real detrás."""

    def __init__(self, almacen: Almacen, sesion: SesionUsuario) -> None:
        self._almacen = almacen
        self._sesion = sesion

    def __call__(self, padre: QWidget, radicado: str, documento: str = "constancia") -> None:
        almacen, login = self._almacen, self._sesion.login

        def armar() -> bytes:
            from ventanilla.servicios.impresion import documento_pdf

            return documento_pdf(almacen, ficha(almacen, radicado), documento)

        def enviar(_pdf: bytes, impresora: str) -> None:
            from ventanilla.servicios.impresion import imprimir

            imprimir(almacen, radicado, documento, login, impresora=impresora)

        def mostrar(pdf: bytes) -> None:
            from ventanilla.gui.vista_previa import VistaPrevia

            dialogo = VistaPrevia(
                pdf,
                f"{TITULOS.get(documento, documento)} {radicado}",
                imprimir=enviar,
                nombre_archivo=f"{documento}-{radicado}.pdf",
                parent=padre,
            )
            dialogo.setObjectName("vista_previa")
            dialogo.open()

        def fallo(error: Exception) -> None:
            if not isinstance(error, ErrorDeServicio):
                raise error
            from ventanilla.gui.accesibilidad import anunciar

            anunciar(padre, str(error), asertivo=True)

        ejecutar(padre, armar, al_terminar=mostrar, al_fallar=fallo, descripcion="Preparando la vista previa…")
