"""El panel de turnos de una ventanilla, para la ventana principal del funcionario.

Muestra cuántos esperan en cada servicio y el turno de esta ventanilla, y da las acciones del
día con su tecla: Llamar siguiente (F5), Volver a llamar (F6), No se presentó (F7), Finalizar
(F8), además de iniciar la atención, transferir a otro servicio o ventanilla, devolver a la cola,
llamar un turno concreto (con su motivo) y pausar. Los mensajes van en el panel, sin diálogos.
La ventana principal escucha `turno_actual` para mostrar «turno A-023 en atención» y vincular los
radicados que se hagan mientras tanto (`vincular_radicado`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ventanilla.dominio.turnos import CATEGORIAS_PREFERENCIALES
from ventanilla.gui.accesibilidad import anunciar, nombrar
from ventanilla.gui.qt import (
    QComboBox,
    QFont,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.gui.reacomodo import ESCALA_DOS_COLUMNAS, apilar, seguir_la_escala
from ventanilla.turnos.fuentes import FuenteTurnos

__all__ = ["PanelTurnos"]

_ESTADOS = {"llamado": "Llamado: esperando que se acerque", "en_atencion": "En atención"}


class PanelTurnos(QWidget):
    """Las acciones de turnos de la ventanilla `ventanilla`, a nombre de `usuario`."""

    turno_actual = Signal(object)
    ventanilla_cambiada = Signal(int)
    """Quien atiende eligió otro número de ventanilla para este equipo (para guardarlo)."""
    """El turno llamado o en atención en esta ventanilla (un dict), o None."""
    turno_emitido = Signal(object, str)
    """Un turno dado desde este panel (dict) y el nombre de su servicio: para imprimirlo."""

    def __init__(self, fuente: FuenteTurnos, ventanilla: int, usuario: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fuente = fuente
        self.ventanilla = ventanilla
        self.usuario = usuario
        self._actual: dict[str, Any] | None = None
        self._en_espera: dict[str, dict[str, Any]] = {}
        self._pausada = False
        self._servicios: dict[str, dict[str, Any]] = {}
        self._pedidos: Counter[str] = Counter()
        self._teclas: list[tuple[str, QPushButton]] = []
        self._atajos: list[QShortcut] = []

        self._titulo = titulo = QLabel(f"Turnos · Ventanilla {ventanilla}")
        titulo.setProperty("rol", "titulo")
        self._ultima_foto: dict[str, Any] = {}
        self._mi_ventanilla = QComboBox()
        self._mi_ventanilla.addItem(f"Ventanilla {ventanilla}", ventanilla)
        self._mi_ventanilla.activated.connect(self._elegir_ventanilla)
        etiqueta_mia = QLabel("&Este equipo es la")
        etiqueta_mia.setBuddy(self._mi_ventanilla)
        nombrar(self._mi_ventanilla, "Número de ventanilla de este equipo", "La pantalla de turnos lo anuncia al llamar")
        self._conexion = QLabel()
        self._conexion.setWordWrap(True)
        nombrar(self._conexion, "Estado de la cola de turnos")

        self._codigo = QLabel("Sin turno")
        fuente_codigo = QFont()
        fuente_codigo.setPointSizeF(fuente_codigo.pointSizeF() * 3)
        fuente_codigo.setBold(True)
        self._codigo.setFont(fuente_codigo)
        self._detalle = QLabel("Pulse F5 para llamar al siguiente.")
        self._detalle.setWordWrap(True)
        nombrar(self._codigo, "Turno de esta ventanilla")
        nombrar(self._detalle, "Estado del turno de esta ventanilla")
        tarjeta = QFrame()
        tarjeta.setProperty("rol", "panel")
        caja_tarjeta = QVBoxLayout(tarjeta)
        caja_tarjeta.addWidget(self._codigo)
        caja_tarjeta.addWidget(self._detalle)

        self._llamar = self._boton("Llamar siguiente", "F5", "llamar_siguiente", primario=True)
        self._rellamar = self._boton("Volver a llamar", "F6", "volver_a_llamar")
        self._iniciar = self._boton("Iniciar atención", None, "iniciar")
        self._no_vino = self._boton("No se presentó", "F7", "no_se_presento")
        self._finalizar = self._boton("Finalizar", "F8", "finalizar")
        self._devolver = self._boton("Devolver a la cola", None, "devolver")
        self._pausar = QPushButton("Pausar")
        self._pausar.clicked.connect(self._alternar_pausa)
        nombrar(self._pausar, "Pausar la ventanilla")
        self._acciones = QGridLayout()
        self._botones_accion = (
            self._llamar, self._rellamar, self._iniciar, self._no_vino, self._finalizar, self._devolver, self._pausar
        )
        acciones = self._acciones

        self._servicio_destino = QComboBox()
        self._ventanilla_destino = QComboBox()
        self._transferir = QPushButton("Transferir")
        self._transferir.clicked.connect(self._transferir_turno)
        nombrar(self._servicio_destino, "Servicio al que se transfiere")
        nombrar(self._ventanilla_destino, "Ventanilla a la que se transfiere")
        nombrar(self._transferir, "Transferir el turno")
        grupo_transferir = QGroupBox("Transferir el turno")
        fila_transferir = QHBoxLayout(grupo_transferir)
        fila_transferir.addWidget(self._servicio_destino, 2)
        fila_transferir.addWidget(self._ventanilla_destino, 1)
        fila_transferir.addWidget(self._transferir)

        self._turno_elegido = QComboBox()
        self._motivo = QLineEdit()
        self._motivo.setPlaceholderText("Motivo (obligatorio)")
        self._llamar_este = QPushButton("Llamar este turno")
        self._llamar_este.clicked.connect(self._llamar_especifico)
        nombrar(self._turno_elegido, "Turno en espera para llamar fuera de orden")
        nombrar(self._motivo, "Motivo para llamar fuera de orden")
        nombrar(self._llamar_este, "Llamar este turno fuera de orden")
        grupo_especifico = QGroupBox("Llamar un turno fuera de orden")
        fila_especifico = QHBoxLayout(grupo_especifico)
        fila_especifico.addWidget(self._turno_elegido, 1)
        fila_especifico.addWidget(self._motivo, 2)
        fila_especifico.addWidget(self._llamar_este)

        self._servicio_nuevo = QComboBox()
        self._categoria_nueva = QComboBox()
        # La categoría preferencial tiene textos largos: sin un mínimo propio le quita todo el ancho
        # al servicio, que se corta («A · Radic»). Su lista desplegada los muestra completos.
        self._categoria_nueva.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._categoria_nueva.setMinimumContentsLength(24)
        self._categoria_nueva.addItem("Sin atención preferencial", None)
        for clave, nombre in CATEGORIAS_PREFERENCIALES.items():
            self._categoria_nueva.addItem(f"Preferencial: {nombre}", clave)
        self._dar_turno = QPushButton("Dar turno")
        self._dar_turno.clicked.connect(self._emitir)
        nombrar(self._servicio_nuevo, "Servicio del turno nuevo")
        nombrar(self._categoria_nueva, "Atención preferencial del turno nuevo")
        nombrar(self._dar_turno, "Dar un turno nuevo")
        grupo_emitir = QGroupBox("Dar un turno (entrada)")
        fila_emitir = QHBoxLayout(grupo_emitir)
        fila_emitir.addWidget(self._servicio_nuevo, 2)
        fila_emitir.addWidget(self._categoria_nueva, 2)
        fila_emitir.addWidget(self._dar_turno)

        self._espera = QGridLayout()
        self._espera.setColumnStretch(1, 1)
        self._filas_espera: dict[str, tuple[QLabel, QLabel]] = {}
        grupo_espera = QGroupBox("En espera")
        nombrar(grupo_espera, "Personas en espera por servicio")
        caja_espera = QVBoxLayout(grupo_espera)
        caja_espera.addLayout(self._espera)
        caja_espera.addStretch(1)

        self._mensaje = QLabel()
        self._mensaje.setWordWrap(True)
        nombrar(self._mensaje, "Mensaje del panel de turnos")

        izquierda = QVBoxLayout()
        izquierda.addWidget(tarjeta)
        izquierda.addLayout(acciones)
        izquierda.addWidget(grupo_transferir)
        izquierda.addWidget(grupo_especifico)
        izquierda.addWidget(grupo_emitir)
        izquierda.addWidget(self._mensaje)
        izquierda.addStretch(1)
        self._cuerpo = cuerpo = QHBoxLayout()
        cuerpo.addLayout(izquierda, 3)
        cuerpo.addWidget(grupo_espera, 2, Qt.AlignmentFlag.AlignTop)
        encabezado = QHBoxLayout()
        encabezado.addWidget(titulo, 1)
        encabezado.addWidget(etiqueta_mia)
        encabezado.addWidget(self._mi_ventanilla)
        self._filas = (encabezado, fila_transferir, fila_especifico, fila_emitir)
        # Con el texto grande el panel apilado es más alto que la pantalla: se desplaza a lo alto.
        contenido = QWidget()
        raiz = QVBoxLayout(contenido)
        raiz.addLayout(encabezado)
        raiz.addWidget(self._conexion)
        raiz.addLayout(cuerpo, 1)
        desplazable = QScrollArea()
        desplazable.setWidgetResizable(True)
        desplazable.setFrameShape(QFrame.Shape.NoFrame)
        # Tab ya desplaza hasta el control enfocado: el área no es una parada sin nombre.
        desplazable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        desplazable.setWidget(contenido)
        marco = QVBoxLayout(self)
        marco.setContentsMargins(0, 0, 0, 0)
        marco.addWidget(desplazable)
        nombrar(self, f"Panel de turnos de la ventanilla {ventanilla}")

        seguir_la_escala(self._al_cambiar_escala)

        fuente.foto.connect(self._foto)
        fuente.cambio.connect(self._cambio)
        fuente.conexion.connect(self._al_conectar)
        fuente.resultado.connect(self._resultado)
        self._refrescar()

    def _al_cambiar_escala(self, _tema: str, escala: int) -> None:
        """Con el texto grande el panel se apila: la espera va debajo, los botones de dos en dos y
        cada grupo en columna, para caber a lo ancho sin barra de desplazamiento."""
        grande = escala >= ESCALA_DOS_COLUMNAS
        columnas = 2 if grande else 4
        for boton in self._botones_accion:
            self._acciones.removeWidget(boton)
        for i, boton in enumerate(self._botones_accion):
            self._acciones.addWidget(boton, i // columnas, i % columnas)
        apilar((self._cuerpo, *self._filas), escala)

    def _boton(self, texto: str, tecla: str | None, accion: str, *, primario: bool = False) -> QPushButton:
        boton = QPushButton(f"{texto} ({tecla})" if tecla else texto)
        if primario:
            boton.setProperty("rol", "primario")
        boton.clicked.connect(lambda: self.pedir(accion))
        nombrar(boton, texto, f"Tecla {tecla}" if tecla else None)
        if tecla:
            self._teclas.append((tecla, boton))
            self._atajos.append(self._atajo(tecla, boton, self))
        return boton

    @staticmethod
    def _atajo(tecla: str, boton: QPushButton, dueno: QWidget) -> QShortcut:
        atajo = QShortcut(QKeySequence(tecla), dueno)
        atajo.activated.connect(boton.click)
        return atajo

    def instalar_atajos(self, ventana: QWidget) -> None:
        """Pone F5–F8 en `ventana` (la principal): así sirven en cualquier sección, no solo aquí."""
        for atajo in self._atajos:
            atajo.setEnabled(False)
            atajo.deleteLater()
        self._atajos = [self._atajo(tecla, boton, ventana) for tecla, boton in self._teclas]

    @property
    def actual(self) -> dict[str, Any] | None:
        return self._actual

    @property
    def mensaje(self) -> str:
        return self._mensaje.text()

    @property
    def espera_por_servicio(self) -> dict[str, int]:
        cuentas: dict[str, int] = {}
        for turno in self._en_espera.values():
            cuentas[turno["servicio"]] = cuentas.get(turno["servicio"], 0) + 1
        return cuentas

    def pedir(self, accion: str, **args: Any) -> None:
        """Manda una orden de esta ventanilla a la cola; el resultado llega a `_resultado`."""
        if accion == "finalizar" and self._actual is not None:
            args.setdefault("servicio_prestado", self._actual["servicio"])
        self._pedidos[accion] += 1
        self._fuente.pedir(accion, ventanilla=self.ventanilla, usuario=self.usuario, **args)

    def vincular_radicado(self, solicitud_id: str) -> None:
        """Une al turno en atención una solicitud radicada mientras se le atendía."""
        if self._actual is not None:
            self.pedir("vincular_radicado", solicitud_id=solicitud_id)

    def _transferir_turno(self) -> None:
        self.pedir(
            "transferir",
            servicio=self._servicio_destino.currentData(),
            a_ventanilla=self._ventanilla_destino.currentData(),
        )

    def _emitir(self) -> None:
        self._pedidos["emitir"] += 1
        self._fuente.pedir(
            "emitir",
            servicio=self._servicio_nuevo.currentData(),
            preferencial=self._categoria_nueva.currentData(),
            usuario=self.usuario,
        )

    def _llamar_especifico(self) -> None:
        self.pedir("llamar_especifico", turno_id=self._turno_elegido.currentData(), motivo=self._motivo.text())

    def _alternar_pausa(self) -> None:
        if self._pausada:
            self.pedir("reanudar")
        else:
            self.pedir("pausar", motivo="Pausa")

    def _elegir_ventanilla(self) -> None:
        numero = int(self._mi_ventanilla.currentData())
        if numero == self.ventanilla:
            return
        if self._actual is not None:
            self._mi_ventanilla.setCurrentIndex(self._mi_ventanilla.findData(self.ventanilla))
            self._mensaje.setText(
                f"Termine o devuelva el turno {self._actual['codigo']} antes de cambiar el número de esta ventanilla."
            )
            anunciar(self, self._mensaje.text())
            return
        self.ventanilla = numero
        self._titulo.setText(f"Turnos · Ventanilla {numero}")
        nombrar(self, f"Panel de turnos de la ventanilla {numero}")
        self._mensaje.setText(f"Este equipo es ahora la ventanilla {numero}.")
        self._foto(self._ultima_foto)
        self.ventanilla_cambiada.emit(numero)

    def _llenar_mi_ventanilla(self, puestos: list[int]) -> None:
        self._mi_ventanilla.clear()
        for numero in sorted({*puestos, self.ventanilla}):
            self._mi_ventanilla.addItem(f"Ventanilla {numero}", numero)
        self._mi_ventanilla.setCurrentIndex(self._mi_ventanilla.findData(self.ventanilla))

    def _foto(self, foto: dict[str, Any]) -> None:
        self._ultima_foto = foto
        self._llenar_mi_ventanilla([int(n) for n in foto.get("puestos", [])])
        self._servicios = {s["clave"]: s for s in foto.get("servicios", [])}
        self._en_espera = {t["id"]: t for t in foto.get("cola", [])}
        self._actual = foto.get("ventanillas", {}).get(str(self.ventanilla))
        self._pausada = str(self.ventanilla) in foto.get("pausadas", {})
        for numero, nombre in self._filas_espera.values():
            numero.deleteLater()
            nombre.deleteLater()
        self._filas_espera = {}
        for i, (clave, servicio) in enumerate(self._servicios.items()):
            numero = QLabel("0")
            numero.setProperty("rol", "subtitulo")
            numero.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            nombre = QLabel(f"{servicio['letra']} · {servicio['nombre']}")
            nombre.setWordWrap(True)
            self._espera.addWidget(numero, i, 0)
            self._espera.addWidget(nombre, i, 1)
            self._filas_espera[clave] = (numero, nombre)
        self._servicio_destino.clear()
        self._servicio_nuevo.clear()
        for clave, servicio in self._servicios.items():
            self._servicio_destino.addItem(f"{servicio['letra']} · {servicio['nombre']}", clave)
            self._servicio_nuevo.addItem(f"{servicio['letra']} · {servicio['nombre']}", clave)
        self._ventanilla_destino.clear()
        self._ventanilla_destino.addItem("Cualquier ventanilla", None)
        for numero in foto.get("puestos", []):
            if numero != self.ventanilla:
                self._ventanilla_destino.addItem(f"Ventanilla {numero}", numero)
        self._refrescar()
        self.turno_actual.emit(self._actual)

    def _cambio(self, cambio: dict[str, Any]) -> None:
        evento, turno = cambio["evento"], cambio.get("turno")
        propia = evento.startswith("ventanilla.") and int(cambio["datos"]["ventanilla"]) == self.ventanilla
        if propia:
            self._pausada = evento == "ventanilla.pausada"
        if turno is not None:
            if turno["estado"] == "en_espera":
                self._en_espera[turno["id"]] = turno
            else:
                self._en_espera.pop(turno["id"], None)
            es_mio = turno["ventanilla"] == self.ventanilla and turno["estado"] in _ESTADOS
            antes = self._actual
            if es_mio:
                self._actual = turno
            elif antes is not None and antes["id"] == turno["id"]:
                self._actual = None
            if self._actual != antes:
                self.turno_actual.emit(self._actual)
        self._refrescar()

    def _al_conectar(self, disponible: bool, mensaje: str) -> None:
        self._conexion.setText("" if disponible else mensaje)
        self._conexion.setProperty("rol", "aviso" if not disponible else "secundario")
        self._conexion.style().polish(self._conexion)
        self.setEnabled(True)
        for boton in (self._llamar, self._rellamar, self._iniciar, self._no_vino, self._finalizar,
                      self._devolver, self._pausar, self._transferir, self._llamar_este):
            boton.setEnabled(disponible)
        if disponible:
            self._refrescar()

    def _resultado(self, accion: str, turno: Any, error: str) -> None:
        # La fuente puede servir también a un kiosco en este proceso: solo se atiende lo pedido aquí.
        if self._pedidos[accion] <= 0:
            return
        self._pedidos[accion] -= 1
        if error:
            self._decir(error, error=True)
        elif accion == "llamar_siguiente" and turno is None:
            self._decir("No hay nadie esperando en los servicios de esta ventanilla.")
        elif accion in ("llamar_siguiente", "llamar_especifico") and turno:
            self._motivo.clear()
            self._decir(f"Llamó el turno {turno['codigo']}.")
        elif accion == "iniciar" and turno:
            self._decir(f"Atendiendo el turno {turno['codigo']}.")
        elif accion == "volver_a_llamar" and turno:
            self._decir(f"Volvió a llamar el turno {turno['codigo']}.")
        elif accion == "finalizar" and turno:
            self._decir(f"Terminó la atención del turno {turno['codigo']}.")
        elif accion == "transferir" and turno:
            self._decir(f"Transfirió el turno {turno['codigo']}.")
        elif accion == "emitir" and turno:
            nombre = self._servicios.get(turno["servicio"], {}).get("nombre", turno["servicio"])
            antes = int(turno.get("personas_antes", 0))
            self._decir(f"Dio el turno {turno['codigo']} ({nombre}); {antes} antes en la fila.")
            self._categoria_nueva.setCurrentIndex(0)
            self.turno_emitido.emit(turno, nombre)
        elif accion == "no_se_presento" and turno:
            self._decir(f"El turno {turno['codigo']} quedó como no presentado.")

    def _decir(self, texto: str, *, error: bool = False) -> None:
        self._mensaje.setText(texto)
        self._mensaje.setProperty("rol", "error" if error else "exito")
        self._mensaje.style().polish(self._mensaje)
        anunciar(self, texto, asertivo=error)

    def _refrescar(self) -> None:
        actual = self._actual
        if actual is None:
            self._codigo.setText("Sin turno")
            self._detalle.setText("En pausa: pulse Reanudar para volver a llamar." if self._pausada
                                  else "Pulse F5 para llamar al siguiente.")
        else:
            servicio = self._servicios.get(actual["servicio"], {}).get("nombre", actual["servicio"])
            partes = [servicio, _ESTADOS[actual["estado"]]]
            if actual.get("preferencial"):
                partes.append("Preferencial: " + CATEGORIAS_PREFERENCIALES.get(actual["preferencial"], ""))
            if actual.get("llamadas", 0) > 1:
                partes.append(f"Llamado {actual['llamadas']} veces")
            self._codigo.setText(actual["codigo"])
            self._detalle.setText(" · ".join(partes))
        libre = actual is None and not self._pausada
        self._llamar.setEnabled(libre)
        self._llamar_este.setEnabled(libre and bool(self._en_espera))
        self._rellamar.setEnabled(actual is not None and actual["estado"] == "llamado")
        self._iniciar.setEnabled(actual is not None and actual["estado"] == "llamado")
        self._no_vino.setEnabled(actual is not None and actual["estado"] == "llamado")
        self._devolver.setEnabled(actual is not None and actual["estado"] == "llamado")
        self._finalizar.setEnabled(actual is not None)
        self._transferir.setEnabled(actual is not None)
        self._pausar.setEnabled(actual is None)
        self._pausar.setText("Reanudar" if self._pausada else "Pausar")
        self._pausar.setAccessibleName("Reanudar la ventanilla" if self._pausada else "Pausar la ventanilla")
        cuentas = self.espera_por_servicio
        for clave, (numero, nombre) in self._filas_espera.items():
            n = cuentas.get(clave, 0)
            numero.setText(str(n))
            numero.setAccessibleName(f"{nombre.text()}: {n} en espera")
        # Un primario deshabilitado se vería activo: solo lleva el papel mientras se puede usar.
        self._llamar.setProperty("rol", "primario" if libre else "")
        self._llamar.style().polish(self._llamar)
        elegido = self._turno_elegido.currentData()
        self._turno_elegido.clear()
        for turno in self._en_espera.values():
            marca = " (preferencial)" if turno.get("preferencial") else ""
            self._turno_elegido.addItem(f"{turno['codigo']}{marca}", turno["id"])
        indice = self._turno_elegido.findData(elegido)
        if indice >= 0:
            self._turno_elegido.setCurrentIndex(indice)
