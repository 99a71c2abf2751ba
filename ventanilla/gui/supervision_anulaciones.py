"""La pestaña «Anulaciones»: las anulaciones pedidas que esperan a la unidad de correspondencia
(Acuerdo 060 de 2001: el número anulado queda usado para siempre). Quien tiene el rol aprueba
o rechaza cada una con su justificación; quien no lo tiene, ve la lista y por qué no puede.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from ventanilla.gui.supervision_tabla import ModeloTabla
from ventanilla.gui.supervision_terminos import nueva_vista
from ventanilla.informes.modelo import Columna, Tabla, Tipo
from ventanilla.informes.supervision import (
    Pendiente,
    anulaciones_pendientes,
    puede_resolver_anulaciones,
)
from ventanilla.servicios.tramite import resolver_anulacion

__all__ = ["MINIMO_JUSTIFICACION", "PestanaAnulaciones"]

MINIMO_JUSTIFICACION = 10


def _tabla(pendientes: list[Pendiente]) -> Tabla:
    return Tabla(
        "Anulaciones por resolver",
        [Columna("Radicado", ancho=2), Columna("Recibida", Tipo.FECHA_HORA), Columna("Tipo"), Columna("Dependencia"),
         Columna("Pedida por"), Columna("Justificación", ancho=3)],
        [[p.radicado, p.recibido_en, p.tipo, p.dependencia, p.solicitante, p.justificacion] for p in pendientes],
    )


class PestanaAnulaciones(QWidget):
    def __init__(self, almacen: Almacen, usuario: str) -> None:
        super().__init__()
        self.almacen = almacen
        self.usuario = usuario
        self.puede = False
        self.modelo = ModeloTabla(self, _tabla([]))
        self.vista = nueva_vista(self.modelo, "Anulaciones por resolver")
        self.vista.setSortingEnabled(False)
        self.seleccion = QLabel("Elija una anulación de la lista.")
        self.seleccion.setWordWrap(True)
        self.motivo = QPlainTextEdit()
        self.motivo.setPlaceholderText("Justificación de la decisión (se guarda en el registro y se le informa a quien la pidió)")
        self.motivo.setAccessibleName("Justificación de la decisión")
        self.motivo.setMaximumHeight(90)
        self.aprobar = QPushButton("&Aprobar la anulación")
        self.rechazar = QPushButton("&Rechazar")
        self.mensaje = QLabel()
        self.mensaje.setWordWrap(True)
        botones = QHBoxLayout()
        botones.addWidget(self.mensaje, 1)
        botones.addWidget(self.rechazar)
        botones.addWidget(self.aprobar)
        capa = QVBoxLayout(self)
        capa.addWidget(self.vista, 1)
        capa.addWidget(self.seleccion)
        capa.addWidget(self.motivo)
        capa.addLayout(botones)
        self.vista.selectionModel().selectionChanged.connect(lambda *_: self._al_elegir())
        self.aprobar.clicked.connect(lambda: self.resolver(True))
        self.rechazar.clicked.connect(lambda: self.resolver(False))
        self._habilitar()
        ejecutar(self, lambda: puede_resolver_anulaciones(almacen, usuario), al_terminar=self._poner_permiso)

    def _poner_permiso(self, puede: bool) -> None:
        self.puede = puede
        if not puede:
            self.mensaje.setText(
                f"«{self.usuario}» puede ver las anulaciones pendientes, pero solo la unidad de correspondencia "
                "las aprueba o rechaza."
            )
        self._habilitar()

    def _elegida(self) -> str | None:
        filas = self.vista.selectionModel().selectedRows()
        if not filas:
            return None
        return str(self.vista.model().index(filas[0].row(), 0).data())

    def _al_elegir(self) -> None:
        filas = self.vista.selectionModel().selectedRows()
        if filas:
            fila = self.modelo.fila(self.vista.model().mapToSource(filas[0]).row())  # type: ignore[attr-defined]
            self.seleccion.setText(f"{fila[0]} · pedida por {fila[4]}: «{fila[5]}»")
        self._habilitar()

    def _habilitar(self) -> None:
        listo = self.puede and self._elegida() is not None
        self.aprobar.setEnabled(listo)
        self.rechazar.setEnabled(listo)
        self.motivo.setEnabled(self.puede)

    def actualizar(self) -> None:
        ejecutar(self, lambda: anulaciones_pendientes(self.almacen), al_terminar=self._mostrar,
                 al_fallar=lambda e: self.mensaje.setText(f"No se pudieron leer las anulaciones: {e}"))

    def _mostrar(self, pendientes: list[Pendiente]) -> None:
        self.modelo.cambiar(_tabla(pendientes))
        self.seleccion.setText("Elija una anulación de la lista." if pendientes else "No hay anulaciones pendientes.")
        self._habilitar()

    def resolver(self, aprobar: bool) -> None:
        radicado = self._elegida()
        motivo = self.motivo.toPlainText().strip()
        if radicado is None:
            return
        if len(motivo) < MINIMO_JUSTIFICACION:
            self.mensaje.setText(f"Escriba la justificación de la decisión (al menos {MINIMO_JUSTIFICACION} caracteres).")
            self.motivo.setFocus()
            return
        self.aprobar.setEnabled(False)
        self.rechazar.setEnabled(False)

        def hecho(_: object) -> None:
            self.motivo.clear()
            self.mensaje.setText(f"Anulación de {radicado} {'aprobada' if aprobar else 'rechazada'}.")
            self.actualizar()

        ejecutar(
            self, lambda: resolver_anulacion(self.almacen, radicado, aprobar, motivo, usuario=self.usuario),
            al_terminar=hecho, al_fallar=self._fallo, cambia={"solicitudes", "eventos"},
            descripcion="Aprobando la anulación…" if aprobar else "Rechazando la anulación…",
        )

    def _fallo(self, error: Exception) -> None:
        self.mensaje.setText(str(error))
        self._habilitar()
