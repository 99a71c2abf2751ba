"""Las acciones sobre una solicitud radicada, según su estado y el rol de quien la mira.

Cada acción abre, en el mismo lugar, lo que necesita (una dependencia, un motivo, una fecha)
y se confirma con Enter o con su botón; la negativa del caso de uso (estado, plazo, permiso)
aparece ahí mismo, en sus palabras. Aprobar o rechazar una anulación solo lo ve la unidad de
correspondencia; el caso de uso lo vuelve a comprobar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.terminos import EstadoSolicitud as E
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.servicios import tramite
from ventanilla.servicios.consultas import Ficha
from ventanilla.servicios.errores import ErrorDeServicio
from ventanilla.servicios.sesion import SesionUsuario

__all__ = ["ACCIONES", "Accion", "PanelAcciones", "acciones_permitidas"]

_ABIERTAS = {E.RADICADA, E.ASIGNADA}
_POR_FILA = 4


@dataclass(frozen=True)
class Accion:
    clave: str
    boton: str
    campo: str
    """Qué pide: "dependencia", "texto", "fecha_motivo", "medio" o "" (nada)."""
    pregunta: str
    hecho: str


ACCIONES: tuple[Accion, ...] = (
    Accion("asignar", "Asignar", "dependencia", "Dependencia a la que se asigna", "Asignada"),
    Accion("trasladar", "Trasladar por competencia", "texto", "Autoridad competente a la que se traslada", "Trasladada"),
    Accion("ampliar", "Ampliar término", "fecha_motivo", "Motivo de la ampliación (se comunica al ciudadano)", "Término ampliado"),
    Accion("incompleta", "Marcar incompleta", "texto", "Qué le falta a la petición (se comunica al ciudadano)", "Marcada incompleta"),
    Accion("completar", "Registrar que se completó", "", "", "Término reactivado"),
    Accion("responder", "Registrar respuesta", "medio", "Resumen de la respuesta", "Respuesta registrada"),
    Accion("cerrar", "Cerrar", "", "", "Cerrada"),
    Accion("anular", "Solicitar anulación", "texto", "Justificación de la anulación (al menos 10 caracteres)", "Anulación solicitada"),
    Accion("aprobar", "Aprobar anulación", "texto", "Motivo de la aprobación", "Anulación aprobada"),
    Accion("rechazar", "Rechazar anulación", "texto", "Motivo del rechazo", "Anulación rechazada"),
)


def acciones_permitidas(ficha: Ficha, sesion: SesionUsuario, roles_correspondencia: tuple[str, ...]) -> list[str]:
    """Las claves de ACCIONES que tienen sentido para esta solicitud y esta persona."""
    s = ficha.solicitud
    estado = E(s.estado)
    permitidas: list[str] = []
    if estado in _ABIERTAS:
        permitidas += ["asignar", "trasladar"]
        if s.vence_el is not None and not s.ampliada:
            permitidas.append("ampliar")
        permitidas += ["incompleta", "responder"]
    if estado == E.INCOMPLETA:
        permitidas += ["completar", "trasladar"]
    if estado in (E.RESPONDIDA, E.TRASLADADA):
        permitidas.append("cerrar")
    if estado != E.ANULADA and not s.anulacion_pendiente:
        permitidas.append("anular")
    if s.anulacion_pendiente and sesion.tiene(*roles_correspondencia):
        permitidas += ["aprobar", "rechazar"]
    return permitidas


class PanelAcciones(QWidget):
    """Emite `hecha` con el texto de lo hecho cuando una acción termina bien."""

    hecha = Signal(str)

    def __init__(self, almacen: Almacen, sesion: SesionUsuario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self._sesion = sesion
        self._radicado = ""
        self._accion: Accion | None = None
        disposicion = QVBoxLayout(self)
        disposicion.setContentsMargins(0, 0, 0, 0)
        self._rejilla = QGridLayout()
        self.botones: dict[str, QPushButton] = {}
        for accion in ACCIONES:
            boton = QPushButton(accion.boton)
            boton.clicked.connect(lambda _c=False, a=accion: self.abrir(a.clave))
            boton.hide()
            self.botones[accion.clave] = boton
        disposicion.addLayout(self._rejilla)
        self.editor = QFrame()
        self.editor.setProperty("rol", "panel")
        forma = QFormLayout(self.editor)
        self.dependencia = QComboBox()
        self.fecha = QDateEdit()
        self.fecha.setCalendarPopup(True)
        self.fecha.setDisplayFormat("dd/MM/yyyy")
        self.medio = QComboBox()
        for codigo, texto in (("escrito", "Escrito"), ("correo_electronico", "Correo electrónico"), ("verbal", "Verbal"), ("aviso", "Notificación por aviso")):
            self.medio.addItem(texto, codigo)
        self.texto = QLineEdit()
        self.e_dependencia = QLabel("&Dependencia")
        self.e_fecha = QLabel("&Nueva fecha de vencimiento")
        self.e_medio = QLabel("&Medio")
        self.e_texto = QLabel()
        for etiqueta, campo in ((self.e_dependencia, self.dependencia), (self.e_fecha, self.fecha),
                                (self.e_medio, self.medio), (self.e_texto, self.texto)):
            etiqueta.setBuddy(campo)
            forma.addRow(etiqueta, campo)
        self.mensaje = QLabel()
        self.mensaje.setWordWrap(True)
        self.mensaje.setProperty("rol", "error")
        forma.addRow(self.mensaje)
        botones = QHBoxLayout()
        self.confirmar = QPushButton("Confirmar")
        self.confirmar.setProperty("rol", "primario")
        self.cancelar = QPushButton("Cancelar (Esc)")
        botones.addStretch(1)
        botones.addWidget(self.cancelar)
        botones.addWidget(self.confirmar)
        forma.addRow(botones)
        disposicion.addWidget(self.editor)
        self.editor.hide()
        self.confirmar.clicked.connect(self.confirmar_accion)
        self.cancelar.clicked.connect(self.cerrar_editor)
        self.texto.returnPressed.connect(self.confirmar_accion)

    def mostrar(self, ficha: Ficha) -> None:
        self._radicado = ficha.solicitud.radicado
        self.cerrar_editor()
        permitidas = acciones_permitidas(ficha, self._sesion, self._almacen.ajustes.roles_correspondencia)
        for boton in self.botones.values():
            self._rejilla.removeWidget(boton)
            boton.hide()
        for i, clave in enumerate(permitidas):
            self._rejilla.addWidget(self.botones[clave], i // _POR_FILA, i % _POR_FILA)
            self.botones[clave].show()
        self._rejilla.setColumnStretch(_POR_FILA, 1)
        if self.dependencia.count() == 0:
            for codigo, nombre in self._almacen.dependencias().items():
                self.dependencia.addItem(nombre, codigo)
        indice = self.dependencia.findData(ficha.solicitud.dependencia)
        self.dependencia.setCurrentIndex(max(indice, 0))
        if ficha.solicitud.vence_el:
            v = ficha.solicitud.vence_el
            self.fecha.setDate(QDate(v.year, v.month, v.day))

    @property
    def editor_abierto(self) -> bool:
        return self.editor.isVisible()

    def abrir(self, clave: str) -> None:
        accion = next(a for a in ACCIONES if a.clave == clave)
        self._accion = accion
        if not accion.campo:
            self.confirmar_accion()
            return
        visibles = {
            "dependencia": (self.e_dependencia, self.dependencia),
            "fecha": (self.e_fecha, self.fecha),
            "medio": (self.e_medio, self.medio),
            "texto": (self.e_texto, self.texto),
        }
        quiere = {"dependencia": {"dependencia"}, "texto": {"texto"}, "fecha_motivo": {"fecha", "texto"}, "medio": {"medio", "texto"}}[accion.campo]
        for nombre, (etiqueta, campo) in visibles.items():
            etiqueta.setVisible(nombre in quiere)
            campo.setVisible(nombre in quiere)
        self.e_texto.setText(accion.pregunta)
        self.texto.clear()
        self.mensaje.clear()
        self.confirmar.setText(accion.boton)
        self.editor.show()
        primero = next(c for n, (_e, c) in visibles.items() if n in quiere)
        primero.setFocus()

    def cerrar_editor(self) -> None:
        self.editor.hide()
        self._accion = None

    def confirmar_accion(self) -> None:
        if self._accion is None:
            return
        accion, radicado, login = self._accion, self._radicado, self._sesion.login
        trabajo = self._trabajo(accion.clave, radicado, login)
        self.confirmar.setEnabled(False)

        def listo(_fila: Any) -> None:
            self.confirmar.setEnabled(True)
            self.cerrar_editor()
            texto = f"{accion.hecho}: {radicado}."
            anunciar(self, texto)
            self.hecha.emit(texto)

        def fallo(error: Exception) -> None:
            self.confirmar.setEnabled(True)
            if not isinstance(error, ErrorDeServicio):
                raise error
            self.mensaje.setText(str(error))
            if not self.editor.isVisible():
                self.editor.show()
                for widget in (self.e_dependencia, self.dependencia, self.e_fecha, self.fecha, self.e_medio, self.medio, self.e_texto, self.texto):
                    widget.hide()
            anunciar(self, str(error), asertivo=True)

        ejecutar(self, trabajo, al_terminar=listo, al_fallar=fallo, cambia={"solicitudes", "eventos"}, descripcion=f"{accion.boton}…")

    def _trabajo(self, clave: str, radicado: str, login: str) -> Callable[[], Any]:
        a, texto = self._almacen, self.texto.text()
        dependencia, medio = self.dependencia.currentData(), self.medio.currentData()
        q = self.fecha.date()
        fecha = date(q.year(), q.month(), q.day())
        return {
            "asignar": lambda: tramite.asignar(a, radicado, dependencia, usuario=login),
            "trasladar": lambda: tramite.trasladar(a, radicado, texto, usuario=login),
            "ampliar": lambda: tramite.ampliar(a, radicado, fecha, texto, usuario=login),
            "incompleta": lambda: tramite.marcar_incompleta(a, radicado, texto, usuario=login),
            "completar": lambda: tramite.completar(a, radicado, usuario=login),
            "responder": lambda: tramite.responder(a, radicado, medio, texto, usuario=login),
            "cerrar": lambda: tramite.cerrar(a, radicado, usuario=login),
            "anular": lambda: tramite.solicitar_anulacion(a, radicado, texto, usuario=login),
            "aprobar": lambda: tramite.resolver_anulacion(a, radicado, True, texto, usuario=login),
            "rechazar": lambda: tramite.resolver_anulacion(a, radicado, False, texto, usuario=login),
        }[clave]
