"""La ventana del funcionario: riel de secciones a la izquierda, el trabajo al centro y la
barra de estado abajo (quién, qué punto, la conexión, lo pendiente y la hora).

Las secciones dependen del rol: Radicar, Buscar, Turnos y Bitácora para todos; Supervisión
para supervisores; Administración para administradores. Las teclas de INTERFAZ.md valen en
toda la ventana: F2 nueva solicitud, F3 buscar, F1 ayuda de teclas.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.ayuda_teclas import DialogoTeclas
from ventanilla.gui.barra_estado import BarraEstado
from ventanilla.gui.bitacora import PanelBitacora
from ventanilla.gui.bloqueo import VigilanteInactividad
from ventanilla.gui.busqueda import PanelBusqueda
from ventanilla.gui.estado_termino import precargar, preparar_iconos
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.imprimir import Impresor
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.preferencias_visuales import PreferenciasVisuales, instalar_atajos_globales
from ventanilla.gui.qt import (
    QApplication,
    QCloseEvent,
    QKeySequence,
    QListWidgetItem,
    QMainWindow,
    QShortcut,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from ventanilla.gui.registro import PanelRegistro
from ventanilla.gui.secciones import panel_administracion, panel_jornada, panel_supervision, panel_turnos
from ventanilla.servicios.preferencias import guardar_preferencias, leer_preferencias
from ventanilla.servicios.sesion import SesionUsuario, verificar_clave

__all__ = ["SECCIONES", "VentanaPrincipal"]

_SONDEO_MS = 5000
_PRECARGA_MS = 1500

SECCIONES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("radicar", "Radicar", ()),
    ("buscar", "Buscar", ()),
    ("turnos", "Turnos", ()),
    ("bitacora", "Bitácora", ()),
    ("jornada", "Jornada", ()),
    ("supervision", "Supervisión", ("supervisor",)),
    ("administracion", "Administración", ("administrador",)),
)
"""Clave, nombre y roles que la ven (vacío: todos)."""


class VentanaPrincipal(QMainWindow):
    """Emite `sesion_cerrada` cuando el funcionario sale (la aplicación vuelve a la entrada)."""

    sesion_cerrada = Signal()

    def __init__(self, almacen: Almacen, sesion: SesionUsuario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.almacen = almacen
        self.sesion = sesion
        ajustes = almacen.ajustes
        # Antes de crear los widgets: aplicar un tema a una ventana ya armada cuesta más.
        self.preferencias = PreferenciasVisuales(
            QApplication.instance(),
            lambda: leer_preferencias(almacen, sesion.login),
            lambda datos: guardar_preferencias(almacen, sesion.login, datos),
            self,
        )
        self.preferencias.cargar()
        self.setWindowTitle(f"Ventanilla · {ajustes.entidad_nombre}")
        centro = QWidget()
        self.setCentralWidget(centro)
        self.form = cargar_formulario("ventana_principal", centro)
        self.form.titulo.setText(f"Ventanilla · {ajustes.entidad_nombre}")
        self.barra = BarraEstado(sesion.nombre, ajustes.punto, ajustes.serie, self)
        self.setStatusBar(self.barra)
        self.registro = PanelRegistro(almacen, sesion)
        self.registro.imprimir_constancia = Impresor(almacen, sesion)
        self.busqueda = PanelBusqueda(almacen, sesion)
        self.bitacora = PanelBitacora(almacen)
        self._secciones: dict[str, QWidget] = {}
        self._pendientes: dict[str, Callable[[], QWidget]] = {}
        paneles: dict[str, QWidget | Callable[[], QWidget]] = {
            "radicar": self.registro,
            "buscar": self.busqueda,
            "turnos": self._armar_turnos,
            "bitacora": self.bitacora,
            "jornada": lambda: panel_jornada(almacen, sesion),
            "supervision": lambda: panel_supervision(almacen, sesion),
            "administracion": lambda: panel_administracion(almacen),
        }
        for clave, nombre, roles in SECCIONES:
            if roles and not sesion.tiene(*roles):
                continue
            self.agregar_seccion(clave, nombre, paneles[clave])
        self.form.navegacion.currentRowChanged.connect(self.form.secciones.setCurrentIndex)
        self.form.navegacion.currentRowChanged.connect(self._al_cambiar_seccion)
        self.form.salir.clicked.connect(self.cerrar_sesion)
        self.form.teclas.clicked.connect(self.mostrar_teclas)
        self._atajos()
        instalar_atajos_globales(self, self.preferencias)
        self.bloqueo = VigilanteInactividad(
            self, verificar=lambda clave: verificar_clave(almacen, sesion.login, clave), usuario=sesion.nombre
        )
        self._sondeo = QTimer(self)
        self._sondeo.setInterval(_SONDEO_MS)
        self._sondeo.timeout.connect(self.actualizar_conexion)
        self._sondeo.start()
        self.actualizar_conexion()
        # Lo que solo hará falta después (iconos, impresión) se importa cuando la ventana ya responde.
        QTimer.singleShot(_PRECARGA_MS, self, lambda: ejecutar(self, precargar, al_terminar=self._precargado))
        self.mostrar("radicar")

    # -- secciones --------------------------------------------------------------------------

    def agregar_seccion(self, clave: str, nombre: str, panel: QWidget | Callable[[], QWidget]) -> None:
        """Agrega (o reemplaza) una sección del riel; la usan los módulos que llegan después.

        `panel` puede ser una función que lo arma: se llama la primera vez que se abre la sección,
        así el arranque no paga por secciones que quizá no se usen.
        """
        if not isinstance(panel, QWidget):
            self._pendientes[clave] = panel
            panel = QWidget()
        if clave in self._secciones:
            indice = self.form.secciones.indexOf(self._secciones[clave])
            self.form.secciones.removeWidget(self._secciones[clave])
            self.form.secciones.insertWidget(indice, panel)
        else:
            elemento = QListWidgetItem(nombre)
            elemento.setData(Qt.ItemDataRole.UserRole, clave)
            elemento.setData(Qt.ItemDataRole.AccessibleTextRole, nombre)
            self.form.navegacion.addItem(elemento)
            self.form.secciones.addWidget(panel)
        self._secciones[clave] = panel

    @property
    def secciones(self) -> list[str]:
        return list(self._secciones)

    @property
    def seccion_actual(self) -> str:
        return list(self._secciones)[self.form.secciones.currentIndex()]

    def mostrar(self, clave: str) -> None:
        self.form.navegacion.setCurrentRow(list(self._secciones).index(clave))

    def panel(self, clave: str) -> QWidget:
        """El panel de una sección, armándolo si aún no se ha abierto."""
        fabrica = self._pendientes.pop(clave, None)
        if fabrica is not None:
            self.agregar_seccion(clave, "", fabrica())
        return self._secciones[clave]

    def _armar_turnos(self) -> QWidget:
        turnos = panel_turnos(self.almacen, self.sesion)
        if hasattr(turnos, "turno_actual"):
            turnos.turno_actual.connect(self._mostrar_turno)
            self.registro.radicada.connect(lambda r: turnos.vincular_radicado(r.id))
        return turnos

    def _al_cambiar_seccion(self, fila: int) -> None:
        clave = list(self._secciones)[fila]
        if clave in self._pendientes:
            self.panel(clave)
            self.form.secciones.setCurrentIndex(fila)
        if clave == "bitacora":
            self.bitacora.actualizar()
        anunciar(self, self.form.navegacion.item(fila).text())

    def _precargado(self, _nada: object) -> None:
        preparar_iconos()
        self.busqueda.modelo.refrescar_iconos()
        # Lo importado hasta aquí vive lo que dure el proceso: sacarlo del recolector de ciclos
        # evita pausas de cientos de milisegundos del hilo de la interfaz al recorrerlo entero.
        gc.freeze()

    def _mostrar_turno(self, turno: dict[str, Any] | None) -> None:
        if not turno:
            self.form.turno.setText("")
            return
        estado = "en atención" if turno.get("estado") == "en_atencion" else "llamado"
        self.form.turno.setText(f"Turno {turno.get('codigo', '')} {estado}")

    def actualizar_conexion(self) -> None:
        """Lee el estado de la sincronización (fuera del hilo de la interfaz) y lo muestra."""
        from ventanilla.sincronizacion.estado import estado_sincronizacion

        almacen = self.almacen
        ejecutar(self, lambda: estado_sincronizacion(almacen), al_terminar=self._mostrar_conexion)

    def _mostrar_conexion(self, estado: Any) -> None:
        if not estado.inscrito:
            self.barra.fijar_conexion(None, None)
        else:
            self.barra.fijar_conexion(bool(estado.en_linea), estado.pendientes)
        avisos = [a for a in (estado.reloj_desfasado,) if a]
        if estado.rechazos:
            avisos.append(f"{estado.rechazos} envío{'s' if estado.rechazos > 1 else ''} rechazado{'s' if estado.rechazos > 1 else ''} por el servidor")
        self.barra.fijar_aviso(" · ".join(avisos) or None)

    # -- teclas -----------------------------------------------------------------------------

    def _atajos(self) -> None:
        for tecla, accion in (("F2", self.nueva_solicitud), ("F3", self.buscar), ("F1", self.mostrar_teclas)):
            atajo = QShortcut(QKeySequence(tecla), self)
            atajo.setContext(Qt.ShortcutContext.WindowShortcut)
            atajo.activated.connect(accion)

    def nueva_solicitud(self) -> None:
        self.mostrar("radicar")
        self.registro.nueva()

    def buscar(self) -> None:
        self.mostrar("buscar")
        self.busqueda.enfocar()

    def mostrar_teclas(self) -> None:
        DialogoTeclas(self).exec()

    # -- salida -----------------------------------------------------------------------------

    def cerrar_sesion(self) -> None:
        self.registro.guardar_borrador_ya()
        self.sesion_cerrada.emit()
        self.close()

    def closeEvent(self, evento: QCloseEvent) -> None:
        self.registro.guardar_borrador_ya()
        super().closeEvent(evento)
