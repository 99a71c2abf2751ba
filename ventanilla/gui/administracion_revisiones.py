"""La sección «Revisiones» de la ventana de administración: lo que el servidor dejó para una persona.

Cada revisión pendiente aparece en palabras, con el equipo, la fecha y a quién o a qué se refiere.
Al elegir dos cambios a la misma persona, una tabla muestra lado a lado la actual y la propuesta,
solo en los datos que difieren. Cada decisión lleva un motivo obligatorio, y aplicar la propuesta
se confirma aquí mismo antes de enviarla: cambia los datos de la persona en todos los equipos.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ventanilla.gui.accesibilidad import anunciar, etiquetar, nombrar
from ventanilla.gui.administracion_seccion import SeccionAdministracion
from ventanilla.gui.qt import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from ventanilla.gui.revisiones_texto import (
    HECHO,
    diferencias,
    explicacion,
    nombre_equipo,
    persona,
    renglon,
)
from ventanilla.sincronizacion.administracion import ClienteAdministracion
from ventanilla.sincronizacion.errores import Conflicto

if TYPE_CHECKING:
    from ventanilla.gui.administracion import VentanaAdministracion

__all__ = ["SeccionRevisiones"]

MAX_MOTIVO = 500


def _cuantas(pendientes: int) -> str:
    if pendientes == 0:
        return "No hay revisiones pendientes."
    return "1 revisión pendiente." if pendientes == 1 else f"{pendientes} revisiones pendientes."


def _traer(cliente: ClienteAdministracion, todas: bool) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, str]]:
    """Las revisiones, los equipos (para nombrarlos) y las comunas (para leer los datos de una persona)."""
    comunas = {e["clave"]: str(e["datos"].get("nombre") or e["clave"]) for e in cliente.catalogo("comunas")}
    return cliente.revisiones(todas), {e["id"]: e for e in cliente.equipos()}, comunas


class SeccionRevisiones(SeccionAdministracion):
    def __init__(self, ventana: VentanaAdministracion) -> None:
        super().__init__(ventana)
        self._equipos: dict[str, Any] = {}
        self._comunas: dict[str, str] = {}
        nombrar(self.lista, "Revisiones")
        self.lista.setWordWrap(True)
        self.todas = QCheckBox("Mostrar también las &resueltas", self)
        self.explicacion = QLabel(self)
        self.explicacion.setWordWrap(True)
        self.comparacion = QTableWidget(0, 3, self)
        nombrar(self.comparacion, "Datos que difieren", "La actual y la propuesta, lado a lado, solo donde difieren")
        self.comparacion.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparacion.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.comparacion.setTabKeyNavigation(False)
        self.comparacion.setWordWrap(False)
        self.comparacion.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.comparacion.verticalHeader().hide()
        cabecera = self.comparacion.horizontalHeader()
        cabecera.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        cabecera.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        cabecera.setStyleSheet("QHeaderView { padding: 0px; border: none; }")
        self.comparacion.hide()
        self.motivo = QLineEdit(self)
        self.motivo.setMaxLength(MAX_MOTIVO)
        self.motivo.setPlaceholderText("Por qué decide así: queda anotado con la decisión")
        etiqueta = QLabel("&Motivo (obligatorio)", self)
        etiquetar(etiqueta, self.motivo)
        self.formulario.addRow(etiqueta, self.motivo)
        self.aplicar = self.boton("&Aplicar la propuesta", self.pedir_confirmacion)
        self.conservar = self.boton("&Conservar la actual", lambda: self.resolver("conservar"))
        self.revisada = self.boton("Marcar como re&visada", lambda: self.resolver("revisada"))
        self.botones.addStretch(1)
        self.confirmacion, self.pregunta, self.confirmar, self.cancelar = self._armar_confirmacion()
        for boton in (self.aplicar, self.conservar, self.revisada, self.cancelar):
            # Enter en el motivo no debe disparar una decisión sin que se elija el botón.
            boton.setAutoDefault(False)
        self.disposicion.insertWidget(1, self.todas)
        self.disposicion.insertWidget(2, self.explicacion)
        self.disposicion.insertWidget(3, self.comparacion, 2)
        self.disposicion.insertWidget(self.disposicion.indexOf(self.mensaje), self.confirmacion)
        self.todas.toggled.connect(lambda _: self.cargar())
        self.lista.currentItemChanged.connect(lambda *_: self._mostrar(self.elegido()))
        self._mostrar(None)

    def _armar_confirmacion(self) -> tuple[QFrame, QLabel, QPushButton, QPushButton]:
        marco = QFrame(self)
        marco.setProperty("rol", "panel")
        nombrar(marco, "Confirmar la propuesta")
        pregunta = QLabel(marco)
        pregunta.setWordWrap(True)
        cancelar = QPushButton("Ca&ncelar", marco)
        confirmar = QPushButton("&Sí, aplicar la propuesta", marco)
        confirmar.setProperty("rol", "primario")
        confirmar.clicked.connect(lambda: self.resolver("aplicar"))
        cancelar.clicked.connect(self._cancelar)
        botones = QHBoxLayout()
        botones.addStretch(1)
        botones.addWidget(cancelar)
        botones.addWidget(confirmar)
        disposicion = QVBoxLayout(marco)
        disposicion.addWidget(pregunta)
        disposicion.addLayout(botones)
        marco.hide()
        return marco, pregunta, confirmar, cancelar

    def cargar(self, aviso: str = "") -> None:
        todas = self.todas.isChecked()
        self.pedir(lambda c: _traer(c, todas), lambda traido: self._llenar(traido, aviso))

    def fallar(self, error: Exception) -> None:
        super().fallar(error)
        anunciar(self, str(error), asertivo=True)

    def _llenar(self, traido: tuple[list[dict[str, Any]], dict[str, Any], dict[str, str]], aviso: str) -> None:
        revisiones, equipos, self._comunas = traido
        self._equipos = equipos
        anterior = self.elegido()
        self.llenar([(renglon(r, equipos), r) for r in revisiones])
        for fila, revision in enumerate(revisiones):
            self.lista.item(fila).setData(Qt.ItemDataRole.AccessibleDescriptionRole, explicacion(revision, equipos))
        ids = [r["id"] for r in revisiones]
        if ids:
            self.lista.setCurrentRow(ids.index(anterior["id"]) if anterior and anterior["id"] in ids else 0)
        else:
            self._mostrar(None)
        pendientes = _cuantas(sum(not r["resuelta"] for r in revisiones))
        self.mensaje.setText(f"{aviso} {pendientes}".strip())

    def _mostrar(self, revision: dict[str, Any] | None) -> None:
        self.confirmacion.hide()
        decisiones = set(revision["decisiones"]) if revision else set()
        self.aplicar.setEnabled("aplicar" in decisiones)
        self.conservar.setEnabled("conservar" in decisiones)
        self.revisada.setEnabled("revisada" in decisiones)
        self.explicacion.setText(explicacion(revision, self._equipos) if revision else "")
        if revision is None or revision["tipo"] != "ciudadano_concurrente":
            self.comparacion.hide()
            return
        detalle = revision["detalle"]
        actual = revision.get("actual") or {"version": detalle["version_servidor"], "datos": detalle["vigente"]}
        filas = diferencias(actual["datos"], detalle["propuesta"], self._comunas)
        self.comparacion.setHorizontalHeaderLabels(
            ["Dato", f"Actual (versión {actual['version']})", f"Propuesta de {nombre_equipo(revision['dispositivo'], self._equipos)}"]
        )
        self.comparacion.setRowCount(len(filas))
        for numero, diferencia in enumerate(filas):
            for columna, texto in enumerate((diferencia.dato, diferencia.actual, diferencia.propuesta)):
                celda = QTableWidgetItem(texto)
                celda.setToolTip(texto)
                self.comparacion.setItem(numero, columna, celda)
        self.comparacion.setVisible(bool(filas))
        if not filas:
            self.explicacion.setText(self.explicacion.text() + "\nLa actual y la propuesta ya coinciden.")

    def _elegida_y_motivo(self) -> tuple[dict[str, Any], str] | None:
        """La revisión elegida y el motivo escrito; si falta alguno, lo dice y lleva el foco allí."""
        revision = self.elegido()
        motivo = self.motivo.text().strip()
        falta = "Elija primero una revisión de la lista." if revision is None else (
            "" if motivo else "Escriba el motivo de su decisión: queda anotado con ella.")
        if falta:
            self.mensaje.setText(falta)
            anunciar(self, falta, asertivo=True)
            (self.lista if revision is None else self.motivo).setFocus()
            return None
        return revision, motivo

    def pedir_confirmacion(self) -> None:
        elegida = self._elegida_y_motivo()
        if elegida is None:
            return
        revision = elegida[0]
        quien = persona((revision.get("actual") or {}).get("datos") or revision["detalle"]["propuesta"])
        self.pregunta.setText(
            f"¿Aplicar la propuesta de {nombre_equipo(revision['dispositivo'], self._equipos)}? Los datos de {quien} "
            "pasarán a ser los de la columna «Propuesta», en el servidor y en cada equipo cuando sincronice."
        )
        self.confirmacion.show()
        self.confirmar.setFocus()
        anunciar(self, self.pregunta.text())

    def _cancelar(self) -> None:
        self.confirmacion.hide()
        self.aplicar.setFocus()

    def resolver(self, decision: str) -> None:
        elegida = self._elegida_y_motivo()
        if elegida is None:
            return
        revision, motivo = elegida
        self.confirmacion.hide()
        vista = (revision.get("actual") or {}).get("version") if decision == "aplicar" else None

        def listo(_resuelta: dict[str, Any]) -> None:
            self.motivo.clear()
            hecho = f"Revisión {revision['id']} resuelta: {HECHO[decision]}."
            anunciar(self, hecho)
            self.cargar(hecho)

        def negada(error: Exception) -> None:
            self.fallar(error)
            if isinstance(error, Conflicto):
                # Otra persona la resolvió o la persona cambió: se vuelve a leer, con el motivo intacto.
                self.cargar(str(error))

        self.pedir(lambda c: c.resolver_revision(revision["id"], decision, motivo, version_vista=vista), listo, negada)
