"""La sección «Jornada» de la ventana del funcionario en una brigada de Gobierno en la Calle.

Arriba, la jornada elegida y su estado, con la lista de chequeo para salir y los botones
preparar, abrir y cerrar. En el centro, el registro rápido de asistencia (documento, nombre,
servicio, dependencia y la marca del aviso de privacidad) y la lista con sus conteos; luego los
compromisos con la comunidad y su seguimiento. Abajo, la encuesta que se le pasa al ciudadano y
los PDF de la lista y del informe de cierre. Todo
trabajo con el almacén va por `operaciones.ejecutar`, fuera del hilo de la interfaz.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import CiudadanoFila
from ventanilla.dominio.documentos import TIPOS_DOCUMENTO
from ventanilla.dominio.jornadas import (
    ITEMS_CHEQUEO,
    NOMBRES_COMPROMISO,
    NOMBRES_ESTADO,
    EstadoJornada,
)
from ventanilla.gui.accesibilidad import anunciar, etiquetar, nombrar
from ventanilla.gui.encuesta import EncuestaCiudadano
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.reacomodo import apilar, seguir_la_escala
from ventanilla.gui.vista_previa import VistaPrevia
from ventanilla.impresion.asistencia import lista_asistencia_pdf
from ventanilla.impresion.cierre_jornada import informe_cierre_pdf
from ventanilla.servicios import asistencia, compromisos, encuestas, jornadas
from ventanilla.servicios.cierre_jornada import datos_cierre
from ventanilla.servicios.ciudadanos import buscar_ciudadano
from ventanilla.servicios.errores import ErrorDeServicio
from ventanilla.turnos.voz import voz_por_defecto

__all__ = ["PanelJornada"]

CAMBIOS = frozenset({"jornadas", "eventos"})


class PanelJornada(QWidget):
    """La jornada de brigada en curso en este equipo, para el usuario que la atiende."""

    def __init__(self, almacen: Almacen, usuario: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel_jornada")
        self._almacen = almacen
        self._usuario = usuario
        self._jornadas: list[jornadas.Jornada] = []
        self._lista: list[asistencia.Asistente] = []
        self._compromisos: list[compromisos.Compromiso] = []
        self._encuesta: EncuestaCiudadano | None = None
        self.ultimo_pdf: bytes | None = None
        """El último PDF mostrado (lista o informe), para guardarlo o revisarlo."""
        self._filas_apilables: list[QHBoxLayout] = []
        self._construir()
        seguir_la_escala(self._al_cambiar_escala)
        self.recargar()

    def _al_cambiar_escala(self, _tema: str, escala: int) -> None:
        """Con el texto grande, las filas de botones y listas van en columna: no caben a lo ancho."""
        apilar(self._filas_apilables, escala)

    # Lo que otros leen (y las pruebas)

    @property
    def jornada(self) -> jornadas.Jornada | None:
        indice = self._elegir.currentIndex()
        return self._jornadas[indice] if 0 <= indice < len(self._jornadas) else None

    @property
    def asistentes(self) -> list[asistencia.Asistente]:
        return list(self._lista)

    @property
    def mensaje(self) -> str:
        return self._mensaje.text()

    @property
    def encuesta(self) -> EncuestaCiudadano | None:
        """La encuesta abierta para el ciudadano, si hay una."""
        return self._encuesta

    # Construcción

    def _construir(self) -> None:
        # Al 200 % el panel no cabe en la pantalla de un portátil: se desplaza entero.
        exterior = QVBoxLayout(self)
        exterior.setContentsMargins(0, 0, 0, 0)
        desplazable = QScrollArea()
        desplazable.setWidgetResizable(True)
        desplazable.setFrameShape(QFrame.Shape.NoFrame)
        # Tab recorre los controles y el área sigue al foco; ella misma no necesita detenerlo.
        desplazable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        contenido = QWidget()
        desplazable.setWidget(contenido)
        exterior.addWidget(desplazable)
        disposicion = QVBoxLayout(contenido)
        disposicion.setContentsMargins(16, 16, 16, 16)
        titulo = QLabel("Jornada de Gobierno en la Calle")
        titulo.setProperty("rol", "titulo")
        disposicion.addWidget(titulo)
        fila = QHBoxLayout()
        etiqueta = QLabel("&Jornada")
        self._elegir = QComboBox()
        etiquetar(etiqueta, self._elegir)
        self._elegir.currentIndexChanged.connect(self._mostrar_jornada)
        self._estado = QLabel()
        fila.addWidget(etiqueta)
        fila.addWidget(self._elegir, 1)
        fila.addWidget(self._estado)
        disposicion.addLayout(fila)
        disposicion.addWidget(self._grupo_chequeo())
        disposicion.addWidget(self._grupo_asistencia())
        self._conteos = QLabel()
        self._conteos.setWordWrap(True)
        disposicion.addWidget(self._conteos)
        self._vista = QListWidget()
        nombrar(self._vista, "Lista de asistencia")
        disposicion.addWidget(self._vista, 1)
        disposicion.addWidget(self._grupo_compromisos())
        disposicion.addLayout(self._acciones())
        self._mensaje = QLabel()
        self._mensaje.setWordWrap(True)
        self._mensaje.setProperty("rol", "secundario")
        disposicion.addWidget(self._mensaje)

    def _grupo_chequeo(self) -> QGroupBox:
        self._chequeo = QGroupBox("Preparar para salir")
        disposicion = QVBoxLayout(self._chequeo)
        self._marcas: dict[str, QCheckBox] = {}
        for item, nombre in ITEMS_CHEQUEO.items():
            self._marcas[item] = QCheckBox(nombre)
            disposicion.addWidget(self._marcas[item])
        # Lo marca la sincronización al preparar, no la mano.
        self._marcas["sincronizado"].setEnabled(False)
        botones = QHBoxLayout()
        self._preparar = QPushButton("Sincronizar y guardar la lista")
        self._preparar.clicked.connect(self.preparar)
        self._abrir = QPushButton("Abrir jornada")
        self._abrir.clicked.connect(self.abrir)
        botones.addWidget(self._preparar)
        botones.addWidget(self._abrir)
        botones.addStretch(1)
        disposicion.addLayout(botones)
        return self._chequeo

    def _grupo_asistencia(self) -> QGroupBox:
        self._registro = QGroupBox("Registrar asistencia")
        formulario = QFormLayout(self._registro)
        # Con el texto grande, la etiqueta va sobre su campo cuando la fila no cabe a lo ancho.
        formulario.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._tipo = QComboBox()
        for codigo, tipo in TIPOS_DOCUMENTO.items():
            self._tipo.addItem(f"{codigo} · {tipo.nombre}", codigo)
        self._numero = QLineEdit()
        self._numero.editingFinished.connect(self._buscar_conocido)
        self._nombres = QLineEdit()
        self._apellidos = QLineEdit()
        self._servicio = QComboBox()
        self._dependencia = QComboBox()
        self._aviso = QCheckBox("Se le informó el aviso de privacidad")
        self._autoriza = QCheckBox("Autoriza su caracterización (opcional)")
        self._error = QLabel()
        self._error.setWordWrap(True)
        self._error.setProperty("rol", "error")
        for texto, campo in (
            ("&Tipo de documento", self._tipo),
            ("&Número", self._numero),
            ("N&ombres", self._nombres),
            ("&Apellidos", self._apellidos),
            ("&Servicio", self._servicio),
            ("&Dependencia", self._dependencia),
        ):
            etiqueta = QLabel(texto)
            etiquetar(etiqueta, campo)
            formulario.addRow(etiqueta, campo)
        formulario.addRow(self._aviso)
        formulario.addRow(self._autoriza)
        formulario.addRow(self._error)
        self._registrar = QPushButton("Registrar (Ctrl+Intro)")
        self._registrar.clicked.connect(self.registrar)
        formulario.addRow(self._registrar)
        for secuencia in ("Ctrl+Return", "Ctrl+Enter"):
            atajo = QShortcut(QKeySequence(secuencia), self._registro)
            atajo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            atajo.activated.connect(self.registrar)
        return self._registro

    def _grupo_compromisos(self) -> QGroupBox:
        self._grupo_comp = QGroupBox("Compromisos con la comunidad")
        disposicion = QVBoxLayout(self._grupo_comp)
        self._lista_comp = QListWidget()
        nombrar(self._lista_comp, "Compromisos de la jornada")
        self._lista_comp.setMaximumHeight(self.fontMetrics().height() * 6)
        disposicion.addWidget(self._lista_comp)
        fila = QHBoxLayout()
        etiqueta = QLabel("&Compromiso")
        self._descripcion = QLineEdit()
        etiquetar(etiqueta, self._descripcion)
        self._dependencia_comp = QComboBox()
        nombrar(self._dependencia_comp, "Dependencia que responde")
        for codigo, nombre in self._almacen.dependencias().items():
            self._dependencia_comp.addItem(nombre, codigo)
        self._vence = QDateEdit(QDate.currentDate().addMonths(3))
        self._vence.setCalendarPopup(True)
        self._vence.setDisplayFormat("dd/MM/yyyy")
        nombrar(self._vence, "Vence el")
        self._anotar_comp = QPushButton("Anotar compromiso")
        self._anotar_comp.clicked.connect(self.anotar_compromiso)
        fila.addWidget(etiqueta)
        fila.addWidget(self._descripcion, 1)
        disposicion.addLayout(fila)
        datos = QHBoxLayout()
        for control in (self._dependencia_comp, self._vence, self._anotar_comp):
            datos.addWidget(control)
        datos.addStretch(1)
        disposicion.addLayout(datos)
        seguimiento = QHBoxLayout()
        self._estado_comp = QComboBox()
        nombrar(self._estado_comp, "Nuevo estado del compromiso elegido")
        for estado, nombre in NOMBRES_COMPROMISO.items():
            self._estado_comp.addItem(nombre, estado)
        self._cambiar_comp = QPushButton("Cambiar estado del elegido")
        self._cambiar_comp.clicked.connect(self.seguir_compromiso)
        seguimiento.addStretch(1)
        seguimiento.addWidget(self._estado_comp)
        seguimiento.addWidget(self._cambiar_comp)
        disposicion.addLayout(seguimiento)
        self._filas_apilables += [datos, seguimiento]
        return self._grupo_comp

    def _acciones(self) -> QVBoxLayout:
        filas = QVBoxLayout()
        fila = QHBoxLayout()
        etiqueta = QLabel("Encuesta de (radicado o turno)")
        self._atencion = QLineEdit()
        self._atencion.setPlaceholderText("vacío: la jornada")
        etiquetar(etiqueta, self._atencion)
        self._boton_encuesta = QPushButton("Pasar encuesta (F9)")
        self._boton_encuesta.clicked.connect(self.abrir_encuesta)
        QShortcut(QKeySequence("F9"), self, self.abrir_encuesta)
        self._boton_lista = QPushButton("Lista de asistencia (PDF)")
        self._boton_lista.clicked.connect(self.ver_lista)
        self._cerrar = QPushButton("Cerrar jornada")
        self._cerrar.clicked.connect(self.cerrar)
        self._boton_informe = QPushButton("Informe de cierre (PDF)")
        self._boton_informe.clicked.connect(self.ver_informe)
        for control in (etiqueta, self._atencion, self._boton_encuesta):
            fila.addWidget(control)
        documentos = QHBoxLayout()
        for control in (self._boton_lista, self._cerrar, self._boton_informe):
            documentos.addWidget(control)
        documentos.addStretch(1)
        filas.addLayout(fila)
        filas.addLayout(documentos)
        self._filas_apilables += [fila, documentos]
        return filas

    # Datos

    def recargar(self) -> None:
        """Vuelve a leer las jornadas del equipo (la elegida se conserva)."""
        elegida = self.jornada.id if self.jornada else None
        ejecutar(self, lambda: jornadas.jornadas(self._almacen),
                 al_terminar=lambda lista: self._llenar(lista, elegida), al_fallar=self._fallo)

    def _llenar(self, lista: list[jornadas.Jornada], elegida: str | None) -> None:
        self._jornadas = lista
        self._elegir.blockSignals(True)
        self._elegir.clear()
        for j in lista:
            self._elegir.addItem(f"{j.nombre} · {j.fecha:%d/%m/%Y}", j.id)
        abiertas = [i for i, j in enumerate(lista) if j.estado == EstadoJornada.ABIERTA]
        indice = next((i for i, j in enumerate(lista) if j.id == elegida), abiertas[0] if abiertas else 0)
        self._elegir.setCurrentIndex(indice if lista else -1)
        self._elegir.blockSignals(False)
        self._mostrar_jornada()

    def _mostrar_jornada(self) -> None:
        jornada = self.jornada
        estado = jornada.estado if jornada else ""
        self._estado.setText(f"Estado: {NOMBRES_ESTADO.get(estado, 'sin jornadas en este equipo')}")
        self._chequeo.setVisible(estado in (EstadoJornada.PROGRAMADA, EstadoJornada.LISTA))
        self._abrir.setEnabled(estado == EstadoJornada.LISTA)
        self._registro.setEnabled(estado == EstadoJornada.ABIERTA)
        self._cerrar.setEnabled(estado == EstadoJornada.ABIERTA)
        self._boton_encuesta.setEnabled(estado in (EstadoJornada.ABIERTA, EstadoJornada.CERRADA))
        self._grupo_comp.setEnabled(estado in (EstadoJornada.ABIERTA, EstadoJornada.CERRADA))
        for control in (self._boton_lista, self._boton_informe):
            control.setEnabled(jornada is not None)
        if jornada is None:
            return
        for item, marca in self._marcas.items():
            marca.setChecked(jornada.chequeo.get(item, False))
        servicios = jornadas.catalogo_servicios()
        self._servicio.clear()
        for clave in jornada.servicios:
            self._servicio.addItem(servicios.get(clave, clave), clave)
        dependencias = self._almacen.dependencias()
        self._dependencia.clear()
        for codigo in jornada.dependencias:
            self._dependencia.addItem(dependencias.get(codigo, codigo), codigo)
        self._dependencia.addItem("Sin dependencia", "")
        self._leer_lista()

    def _leer_lista(self) -> None:
        jornada = self.jornada
        if jornada is None:
            return
        ejecutar(self, lambda: asistencia.lista_asistencia(self._almacen, jornada.id),
                 al_terminar=self._mostrar_lista, al_fallar=self._fallo)
        ejecutar(self, lambda: compromisos.compromisos(self._almacen, jornada.id),
                 al_terminar=self._mostrar_compromisos, al_fallar=self._fallo)

    def _mostrar_compromisos(self, lista: list[compromisos.Compromiso]) -> None:
        self._compromisos = lista
        self._lista_comp.clear()
        dependencias = self._almacen.dependencias()
        for compromiso in lista:
            self._lista_comp.addItem(
                f"{compromiso.descripcion} · {dependencias.get(compromiso.dependencia, compromiso.dependencia)} · "
                f"vence {compromiso.vence_el:%d/%m/%Y} · {NOMBRES_COMPROMISO[compromiso.estado]}"
            )

    def _mostrar_lista(self, lista: list[asistencia.Asistente]) -> None:
        self._lista = lista
        self._vista.clear()
        servicios = jornadas.catalogo_servicios()
        dependencias = self._almacen.dependencias()
        for numero, persona in enumerate(lista, start=1):
            self._vista.addItem(
                f"{numero}. {persona.nombre} · {persona.tipo_documento} {persona.numero_documento} · "
                f"{servicios.get(persona.servicio, persona.servicio)}"
            )
        por_servicio = Counter(servicios.get(p.servicio, p.servicio) for p in lista)
        por_dependencia = Counter(dependencias.get(p.dependencia, p.dependencia or "Sin dependencia") for p in lista)
        self._conteos.setText(
            f"{len(lista)} personas en la lista · por servicio: {_conteo(por_servicio)} · por dependencia: "
            f"{_conteo(por_dependencia)}"
        )

    # Acciones

    def _hacer(self, trabajo: Callable[[], Any], hecho: str, *, recargar: bool = True) -> None:
        def listo(_: object) -> None:
            self._avisar(hecho)
            if recargar:
                self.recargar()

        ejecutar(self, trabajo, al_terminar=listo, al_fallar=self._fallo, cambia=CAMBIOS, descripcion=hecho)

    def preparar(self) -> None:
        """Sincroniza (si se puede) y guarda la lista de chequeo; lo no marcado queda pendiente."""
        jornada = self.jornada
        if jornada is None:
            return
        chequeo = {item: marca.isChecked() for item, marca in self._marcas.items()}

        def preparar() -> str:
            al_dia, como = jornadas.sincronizar_para_salir(self._almacen)
            chequeo["sincronizado"] = al_dia
            lista = jornadas.preparar_jornada(self._almacen, jornada.id, chequeo, usuario=self._usuario)
            pendientes = lista.pendientes
            return f"{como} Lista de chequeo guardada." + (f" Pendiente: {', '.join(pendientes)}." if pendientes else "")

        ejecutar(self, preparar, al_terminar=self._preparada, al_fallar=self._fallo, cambia=CAMBIOS,
                 descripcion="Preparando para salir…")

    def _preparada(self, mensaje: str) -> None:
        self._avisar(mensaje)
        self.recargar()

    def abrir(self) -> None:
        if self.jornada is not None:
            jornada_id = self.jornada.id
            self._hacer(lambda: jornadas.abrir_jornada(self._almacen, jornada_id, usuario=self._usuario),
                        "Jornada abierta: ya puede registrar asistencia y radicar.")

    def cerrar(self) -> None:
        if self.jornada is None:
            return
        jornada_id = self.jornada.id

        def cerrar() -> int:
            nuevos = asistencia.completar_desde_turnos(self._almacen, jornada_id, usuario=self._usuario)
            jornadas.cerrar_jornada(self._almacen, jornada_id, usuario=self._usuario)
            return nuevos

        self._hacer(cerrar, "Jornada cerrada. Produzca el informe de cierre.")

    def anotar_compromiso(self) -> None:
        jornada = self.jornada
        if jornada is None:
            return
        datos = {"descripcion": self._descripcion.text(), "dependencia": self._dependencia_comp.currentData(),
                 "vence_el": self._vence.date().toString("yyyy-MM-dd")}

        def listo(_: object) -> None:
            self._descripcion.clear()
            self._avisar("Compromiso anotado: sin iniciar.")
            self._leer_lista()

        ejecutar(self, lambda: compromisos.adquirir_compromiso(self._almacen, jornada.id, datos, usuario=self._usuario),
                 al_terminar=listo, al_fallar=self._fallo, cambia=CAMBIOS)

    def seguir_compromiso(self) -> None:
        """Cambia el estado del compromiso elegido en la lista (sin iniciar, en curso, cumplido)."""
        fila = self._lista_comp.currentRow()
        if not 0 <= fila < len(self._compromisos):
            self._avisar("Elija en la lista el compromiso que avanzó.")
            return
        elegido, estado = self._compromisos[fila], self._estado_comp.currentData()

        def listo(_: object) -> None:
            self._avisar(f"Compromiso «{elegido.descripcion}»: {NOMBRES_COMPROMISO[estado].lower()}.")
            self._leer_lista()

        ejecutar(self, lambda: compromisos.actualizar_compromiso(self._almacen, elegido.id, estado, usuario=self._usuario),
                 al_terminar=listo, al_fallar=self._fallo, cambia=CAMBIOS)

    def _datos_registro(self) -> dict[str, Any]:
        return {
            "tipo_documento": self._tipo.currentData(),
            "numero_documento": self._numero.text(),
            "nombres": self._nombres.text(),
            "apellidos": self._apellidos.text(),
            "servicio": self._servicio.currentData(),
            "dependencia": self._dependencia.currentData(),
            "aviso_privacidad": self._aviso.isChecked(),
            "autoriza_caracterizacion": self._autoriza.isChecked(),
        }

    def _buscar_conocido(self) -> None:
        """Si el documento ya está en los registros del equipo, trae su nombre (no hay que escribirlo)."""
        tipo, numero = self._tipo.currentData(), self._numero.text()
        if not numero.strip() or self._nombres.text().strip():
            return

        def llenar(conocido: CiudadanoFila | None) -> None:
            if conocido is not None and not self._nombres.text().strip():
                self._nombres.setText(conocido.nombres)
                self._apellidos.setText(conocido.apellidos)
                self._avisar(f"Persona conocida: {conocido.nombre_completo}.")

        ejecutar(self, lambda: buscar_ciudadano(self._almacen, tipo, numero), al_terminar=llenar, al_fallar=self._fallo)

    def registrar(self) -> None:
        """Registra a la persona del formulario; si algo falta, lo dice junto al campo y no borra nada."""
        jornada = self.jornada
        if jornada is None or not self._registro.isEnabled():
            return
        datos = self._datos_registro()
        self._error.clear()

        def listo(persona: asistencia.Asistente) -> None:
            texto = (f"{persona.nombre} quedó en la lista." if persona.nueva
                     else f"{persona.nombre} ya estaba en la lista.")
            self._avisar(texto)
            for campo in (self._numero, self._nombres, self._apellidos):
                campo.clear()
            self._aviso.setChecked(False)
            self._autoriza.setChecked(False)
            self._numero.setFocus()
            self._leer_lista()

        ejecutar(self, lambda: asistencia.registrar_asistencia(self._almacen, jornada.id, datos, usuario=self._usuario),
                 al_terminar=listo, al_fallar=self._fallo_registro, cambia=CAMBIOS, descripcion="Registrando…")

    def _fallo_registro(self, error: Exception) -> None:
        if not isinstance(error, ErrorDeServicio):
            raise error
        self._error.setText(str(error))
        campo = {"numero_documento": self._numero, "nombres": self._nombres, "telefono": self._numero,
                 "aviso_privacidad": self._aviso, "servicio": self._servicio,
                 "dependencia": self._dependencia}.get(getattr(error, "campo", ""), self._numero)
        campo.setFocus()
        anunciar(self, str(error), asertivo=True)

    def abrir_encuesta(self) -> None:
        """Abre la encuesta para el ciudadano (en su propia ventana, para voltear la pantalla)."""
        jornada = self.jornada
        if jornada is None or not self._boton_encuesta.isEnabled():
            return
        codigo = self._atencion.text()

        def preparar() -> tuple[str, str | None, Any]:
            atencion, referencia = encuestas.atencion_por_codigo(self._almacen, jornada.id, codigo)
            return atencion, referencia, encuestas.cuestionario_vigente(self._almacen)

        ejecutar(self, preparar, al_terminar=lambda datos: self._mostrar_encuesta(jornada.id, *datos),
                 al_fallar=self._fallo)

    def _mostrar_encuesta(self, jornada_id: str, atencion: str, referencia: str | None, cuestionario: Any) -> None:
        self._encuesta = EncuestaCiudadano(cuestionario, voz=voz_por_defecto(self))
        self._encuesta.setWindowTitle("Encuesta de satisfacción")
        self._encuesta.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._encuesta.respondida.connect(
            lambda respuestas: self._guardar_encuesta(jornada_id, atencion, referencia, cuestionario.version, respuestas)
        )
        self._encuesta.cancelada.connect(self._encuesta.close)
        self._encuesta.resize(1100, 760)
        self._encuesta.show()
        self._encuesta.activateWindow()

    def _guardar_encuesta(self, jornada_id: str, atencion: str, referencia: str | None, version: str,
                          respuestas: dict[str, Any]) -> None:
        self._atencion.clear()
        self._hacer(
            lambda: encuestas.responder_encuesta(
                self._almacen, respuestas, atencion=atencion, atencion_id=referencia, jornada_id=jornada_id,
                version=version, usuario=self._usuario,
            ),
            "Encuesta guardada (anónima).", recargar=False,
        )

    def ver_lista(self) -> None:
        jornada = self.jornada
        if jornada is not None:
            ejecutar(
                self,
                lambda: lista_asistencia_pdf(asistencia.datos_asistencia(self._almacen, jornada.id, usuario=self._usuario)),
                al_terminar=lambda pdf: self._previa(pdf, "Lista de asistencia", "lista-asistencia.pdf"),
                al_fallar=self._fallo, descripcion="Preparando la lista de asistencia…",
            )

    def ver_informe(self) -> None:
        jornada = self.jornada
        if jornada is not None:
            ejecutar(
                self,
                lambda: informe_cierre_pdf(datos_cierre(self._almacen, jornada.id, usuario=self._usuario)),
                al_terminar=lambda pdf: self._previa(pdf, "Informe de cierre", "informe-cierre-jornada.pdf"),
                al_fallar=self._fallo, descripcion="Calculando el informe de cierre…",
            )

    def _previa(self, pdf: bytes, titulo: str, archivo: str) -> None:
        self.ultimo_pdf = pdf
        previa = VistaPrevia(pdf, titulo, nombre_archivo=archivo, parent=self)
        previa.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        previa.open()

    def _avisar(self, texto: str) -> None:
        self._mensaje.setText(texto)
        anunciar(self, texto)

    def _fallo(self, error: Exception) -> None:
        if not isinstance(error, (ErrorDeServicio, ValueError)):
            raise error
        self._avisar(str(error))


def _conteo(cuenta: Counter[str]) -> str:
    return "; ".join(f"{nombre} {n}" for nombre, n in cuenta.most_common()) or "ninguno"


if __name__ == "__main__":
    from ventanilla.gui.qt import QApplication

    aplicacion = QApplication(sys.argv)
    panel = PanelJornada(Almacen.abrir(), sys.argv[1] if len(sys.argv) > 1 else "admin")
    panel.resize(1100, 900)
    panel.show()
    sys.exit(aplicacion.exec())
