"""El formulario de radicación: del documento del ciudadano al radicado en pantalla.

Tres pasos en el mismo lugar (sin diálogos): el formulario, la confirmación con el resumen
que se lee al ciudadano, y el radicado en grande listo para imprimir la constancia.
Ctrl+Enter avanza, Esc retrocede (o limpia, con opción de deshacer). Cada campo se valida al
escribir y al salir de él; todo lo escrito se guarda como borrador en el equipo medio segundo
después de cada cambio, y vuelve a aparecer si la ventana se cierra o el equipo se apaga.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.calendario import Calendario
from ventanilla.dominio.documentos import TIPOS_DOCUMENTO
from ventanilla.dominio.solicitudes import CANALES, SolicitudInvalida, validar_solicitud
from ventanilla.dominio.terminos import ANONIMAS_PERMITIDAS, TERMINOS, vence_el
from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.casillas import partir_textos
from ventanilla.gui.fechas import fecha_hora, hora
from ventanilla.gui.formularios import cargar_formulario
from ventanilla.gui.mensajes_de_campo import mostrar_mensaje, preparar_mensaje
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QKeySequence,
    QLineEdit,
    QShortcut,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.gui.reacomodo import ESCALA_DOS_COLUMNAS, reacomodar, seguir_la_escala
from ventanilla.gui.registro_borrador import GuardianBorrador
from ventanilla.gui.registro_campos import (
    CAMPO_A_WIDGET,
    DISCAPACIDAD,
    ETNIA,
    PREFERENCIAL,
    RANGO_EDAD,
    SEXO,
    ZONA,
    elegir,
    escribir_formulario,
    leer_formulario,
    limpiar_formulario,
    llenar_opciones,
    valor,
)
from ventanilla.gui.registro_resumen import (
    CAMPOS_VALIDADOS,
    resumen_html,
    texto_vencimiento,
    validar_campo,
)
from ventanilla.rutas import recurso
from ventanilla.servicios.anexos import Anexo, guardar_anexo
from ventanilla.servicios.borradores import BorradorIlegible
from ventanilla.servicios.errores import ErrorDeServicio
from ventanilla.servicios.formulario import calendario_vigente, comunas
from ventanilla.servicios.sesion import SesionUsuario

if TYPE_CHECKING:
    from ventanilla.servicios.radicacion import Radicacion

__all__ = ["CONFIRMACION", "FORMULARIO", "RESULTADO", "PanelRegistro", "precargar"]

FORMULARIO, CONFIRMACION, RESULTADO = 0, 1, 2
_PRECARGA_MS = 1500
_CIUDADANO = ("tipo_documento", "numero_documento", "nombres", "apellidos", "telefono", "correo", "direccion", "comuna")
_SOLO_BORRADOR = ("borrador", "anexos_detalle", "guardado_en")


def precargar() -> None:
    """Importa los casos de uso de radicación (arrastran la impresión: reportlab) fuera del
    hilo de la interfaz, para que ni el arranque ni el primer Ctrl+Enter lo paguen."""
    import ventanilla.servicios.ciudadanos
    import ventanilla.servicios.radicacion  # noqa: F401


def _radicar(almacen: Almacen, datos: dict[str, Any], usuario: str) -> Radicacion:
    from ventanilla.servicios.radicacion import radicar

    return radicar(almacen, datos, usuario=usuario)


def _buscar_ciudadano(almacen: Almacen, tipo: str, numero: str) -> Any:
    from ventanilla.servicios.ciudadanos import buscar_ciudadano

    return buscar_ciudadano(almacen, tipo, numero)


def _repulir(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class PanelRegistro(QWidget):
    """Emite `radicada` con la `Radicacion` cuando una solicitud queda radicada."""

    radicada = Signal(object)

    def __init__(self, almacen: Almacen, sesion: SesionUsuario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self._sesion = sesion
        self._anexos: list[dict[str, Any]] = []
        self._radicando = False
        self._accion_de_franja: Callable[[], None] | None = None
        self._datos_confirmados: dict[str, Any] | None = None
        self.ultima: Radicacion | None = None
        self.imprimir_constancia: Callable[[QWidget, str], None] | None = None
        """La impresión (vista previa) de la constancia de un radicado; la pone la ventana."""
        self.paginas = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.paginas)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.form = cargar_formulario("registro", self._pagina())
        # Antes de `reacomodar`, que guarda los elementos de cada rejilla la primera vez.
        partir_textos(self.form.contenido)
        self.borrador = GuardianBorrador(self, almacen.directorio, sesion.login, self._datos, self._vacio)
        self.confirmacion = cargar_formulario("confirmacion", self._pagina())
        self.resultado = cargar_formulario("resultado", self._pagina())
        self._preparar_catalogos()
        self._seguir_la_escala()
        self._conectar()
        self._atajos()
        self._restaurar_borrador()
        self._al_cambiar_tipo()
        self._leer_calendario()
        QTimer.singleShot(_PRECARGA_MS, self, lambda: ejecutar(self, precargar))

    # -- armado -----------------------------------------------------------------------------

    def _seguir_la_escala(self) -> None:
        """Con el texto grande, las rejillas de cuatro columnas pasan a dos (ver `reacomodo`)."""
        seguir_la_escala(self._al_cambiar_escala)

    def _al_cambiar_escala(self, _tema: str, escala: int) -> None:
        for nombre in ("rejilla_peticionario", "rejilla_solicitud", "rejilla_caracterizacion", "rejilla_sensibles"):
            reacomodar(self.form.findChild(QGridLayout, nombre), escala >= ESCALA_DOS_COLUMNAS)
        # Reacomodar ya, no en la próxima vuelta del ciclo de eventos: el foco que llegue enseguida
        # debe encontrar cada campo en su nuevo lugar.
        self.form.contenido.layout().activate()

    def _pagina(self) -> QWidget:
        pagina = QWidget()
        self.paginas.addWidget(pagina)
        return pagina

    def _preparar_catalogos(self) -> None:
        f = self.form
        self._dependencias = self._almacen.dependencias()
        self._comunas = {c.codigo: c.etiqueta for c in comunas(self._almacen)}
        self._calendario: Calendario | None = None
        llenar_opciones(f.tipo_documento, ((c, f"{c} · {t.nombre}") for c, t in TIPOS_DOCUMENTO.items()))
        llenar_opciones(f.tipo, ((c, t.nombre) for c, t in TERMINOS.items()))
        llenar_opciones(f.canal, CANALES.items())
        llenar_opciones(f.dependencia, self._dependencias.items())
        f.dependencia.setPlaceholderText("Elija la dependencia")
        f.dependencia.setCurrentIndex(-1)
        llenar_opciones(f.comuna, (("", "Sin dato"), *self._comunas.items()))
        for combo, opciones in ((f.preferencial, PREFERENCIAL), (f.sexo, SEXO), (f.rango_edad, RANGO_EDAD),
                                (f.zona, ZONA), (f.etnia, ETNIA), (f.discapacidad, DISCAPACIDAD)):
            llenar_opciones(combo, opciones)
        elegir(f.tipo, "peticion")
        elegir(f.canal, "presencial")
        for combo in f.findChildren(QComboBox):
            # Que el nombre más largo del catálogo no ensanche el formulario: la lista desplegada
            # sí lo muestra entero.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        f.aviso.setPlainText(recurso("aviso_privacidad.txt").read_text(encoding="utf-8"))
        f.franja.hide()
        for nombre in CAMPOS_VALIDADOS + ("nombres",):
            preparar_mensaje(getattr(f, f"error_{nombre}"))
            self._mostrar_error(nombre, None)
        preparar_mensaje(f.mensaje)
        self.form.barra_acciones.setStretch(0, 1)
        self.form.conocido.hide()
        self.resultado.radicado.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self._habilitar_autorizaciones()

    def _conectar(self) -> None:
        f = self.form
        f.tipo.currentIndexChanged.connect(self._al_cambiar_tipo)
        f.anonimo.toggled.connect(self._al_cambiar_anonimo)
        f.tipo_documento.currentIndexChanged.connect(lambda _i: self._revalidar("numero_documento"))
        f.numero_documento.editingFinished.connect(self._buscar_conocido)
        for nombre in CAMPOS_VALIDADOS:
            campo: QLineEdit = getattr(f, nombre)
            campo.editingFinished.connect(lambda n=nombre: self._validar(n))
            campo.textEdited.connect(lambda _t, n=nombre: self._revalidar(n))
        f.nombres.textEdited.connect(lambda _t: self._mostrar_error("nombres", None))
        f.autoriza_caracterizacion.toggled.connect(self._habilitar_autorizaciones)
        f.autoriza_sensibles.toggled.connect(self._habilitar_autorizaciones)
        f.adjuntar.clicked.connect(self._elegir_anexos)
        f.quitar_anexos.clicked.connect(self._quitar_anexos)
        f.limpiar.clicked.connect(self.escape)
        f.revisar.clicked.connect(self.revisar)
        f.franja_boton.clicked.connect(self._accion_franja)
        self.confirmacion.volver.clicked.connect(self.volver_a_editar)
        self.confirmacion.radicar.clicked.connect(self.radicar)
        self.resultado.nueva.clicked.connect(self.nueva)
        self.resultado.imprimir.clicked.connect(self.imprimir)
        for widget in f.findChildren(QLineEdit):
            widget.textChanged.connect(self._programar_borrador)
        for widget in f.findChildren(QComboBox):
            widget.currentIndexChanged.connect(self._programar_borrador)
        for widget in f.findChildren(QCheckBox):
            widget.toggled.connect(self._programar_borrador)
        f.folios.valueChanged.connect(self._programar_borrador)
        f.descripcion.textChanged.connect(self._programar_borrador)

    def _atajos(self) -> None:
        for secuencia, accion in (("Ctrl+Return", self.ctrl_enter), ("Ctrl+Enter", self.ctrl_enter),
                                  ("Escape", self.escape), ("Ctrl+P", self.imprimir)):
            atajo = QShortcut(QKeySequence(secuencia), self)
            atajo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            atajo.activated.connect(accion)

    # -- pasos ------------------------------------------------------------------------------

    @property
    def paso(self) -> int:
        return self.paginas.currentIndex()

    def nueva(self) -> None:
        """F2: el formulario, listo para el siguiente ciudadano."""
        self.paginas.setCurrentIndex(FORMULARIO)
        self.form.desplazable.verticalScrollBar().setValue(0)
        self.form.tipo_documento.setFocus()

    def ctrl_enter(self) -> None:
        if self.paso == FORMULARIO:
            self.revisar()
        elif self.paso == CONFIRMACION:
            self.radicar()
        else:
            self.nueva()

    def escape(self) -> None:
        if self.paso == CONFIRMACION:
            self.volver_a_editar()
        elif self.paso == RESULTADO:
            self.nueva()
        elif not self._vacio(self._datos()):
            antes = self._datos()
            self._limpiar()
            self._mostrar_franja("Formulario limpio.", "Deshacer", lambda: self._volver_a_cargar(antes))
            anunciar(self, "Formulario limpio. Use el botón Deshacer para recuperarlo.")
            self.form.tipo_documento.setFocus()

    def volver_a_editar(self) -> None:
        self.paginas.setCurrentIndex(FORMULARIO)
        self.form.asunto.setFocus()

    def revisar(self) -> None:
        """Valida todo; si está bien, muestra el resumen para confirmar."""
        datos = self._datos()
        errores: dict[str, str] = {}
        for nombre in CAMPOS_VALIDADOS:
            mensaje = validar_campo(nombre, self.form)
            if mensaje:
                errores[nombre] = mensaje
        try:
            validar_solicitud(self._para_radicar(datos), dependencias=self._dependencias, ahora=datetime.now(UTC))
        except SolicitudInvalida as error:
            for campo in error.errores:
                errores.setdefault(CAMPO_A_WIDGET.get(campo.campo, campo.campo), campo.mensaje)
        if "dependencia" in errores and not valor(self.form.dependencia):
            errores["dependencia"] = "Elija la dependencia a la que va la solicitud."
        if errores:
            self._mostrar_errores(errores)
            return
        self.form.mensaje.setText("")
        self._datos_confirmados = datos
        self.confirmacion.resumen.setHtml(
            resumen_html(datos, self._dependencias, self._comunas, self.form.vence.text())
        )
        self.confirmacion.mensaje.setText("")
        self.paginas.setCurrentIndex(CONFIRMACION)
        self.confirmacion.radicar.setFocus()
        anunciar(self, "Revise el resumen. Control más Enter radica; Escape vuelve a editar.")

    def radicar(self) -> None:
        if self._radicando or self._datos_confirmados is None or self.paso != CONFIRMACION:
            return
        self._radicando = True
        self.confirmacion.radicar.setEnabled(False)
        datos = self._para_radicar(self._datos_confirmados)
        ejecutar(
            self,
            lambda: _radicar(self._almacen, datos, self._sesion.login),
            al_terminar=self._radicada,
            al_fallar=self._fallo_al_radicar,
            cambia={"solicitudes", "eventos"},
            descripcion="Radicando…",
        )

    def _radicada(self, radicacion: Radicacion) -> None:
        self._radicando = False
        self.confirmacion.radicar.setEnabled(True)
        self.ultima = radicacion
        datos = self._datos_confirmados or {}
        self._datos_confirmados = None
        self._limpiar()
        r = self.resultado
        r.radicado.setText(radicacion.radicado)
        termino = TERMINOS[datos.get("tipo", "peticion")]
        r.detalle.setText(
            f"{termino.nombre} · {self._dependencias.get(datos.get('dependencia', ''), '')} · "
            f"recibida el {fecha_hora(radicacion.recibido_en)}"
        )
        r.vence.setText(texto_vencimiento(termino.tipo, radicacion.vence_el))
        r.imprimir.setEnabled(self.imprimir_constancia is not None)
        r.aviso_impresion.setText(
            "" if self.imprimir_constancia else "La impresión de constancias no está disponible en este equipo."
        )
        self.paginas.setCurrentIndex(RESULTADO)
        (r.imprimir if r.imprimir.isEnabled() else r.nueva).setFocus()
        anunciar(r.radicado, f"Radicado {radicacion.radicado}. {r.vence.text()}.", asertivo=True)
        self.radicada.emit(radicacion)

    def _fallo_al_radicar(self, error: Exception) -> None:
        self._radicando = False
        self.confirmacion.radicar.setEnabled(True)
        if isinstance(error, SolicitudInvalida):
            self.paginas.setCurrentIndex(FORMULARIO)
            self._mostrar_errores({CAMPO_A_WIDGET.get(e.campo, e.campo): e.mensaje for e in error.errores})
        elif isinstance(error, ErrorDeServicio):
            self.confirmacion.mensaje.setText(str(error))
            anunciar(self, str(error), asertivo=True)
        else:
            raise error

    def imprimir(self) -> None:
        if self.paso == RESULTADO and self.ultima is not None and self.imprimir_constancia is not None:
            self.imprimir_constancia(self, self.ultima.radicado)

    # -- campos -----------------------------------------------------------------------------

    def _datos(self) -> dict[str, Any]:
        return leer_formulario(self.form, self._anexos)

    @staticmethod
    def _para_radicar(datos: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in datos.items() if k not in _SOLO_BORRADOR}

    @staticmethod
    def _vacio(datos: dict[str, Any]) -> bool:
        crudo = datos.get("borrador", {})
        return not (any(isinstance(v, str) and v for k, v in crudo.items() if k != "tipo_documento")
                    or datos.get("descripcion") or datos.get("anexos") or datos.get("folios"))

    def _leer_calendario(self) -> None:
        """El calendario hábil (festivos y cierres) se arma fuera del hilo de la interfaz."""
        almacen = self._almacen

        def leer() -> Calendario:
            calendario = calendario_vigente(almacen)
            calendario.es_habil(datetime.now(UTC).date())  # carga los festivos una vez
            return calendario

        def listo(calendario: Calendario) -> None:
            self._calendario = calendario
            self._al_cambiar_tipo()

        ejecutar(self, leer, al_terminar=listo)

    @property
    def calendario_listo(self) -> bool:
        return self._calendario is not None

    def _al_cambiar_tipo(self, *_: Any) -> None:
        tipo = valor(self.form.tipo) or ""
        permitido = tipo in ANONIMAS_PERMITIDAS
        self.form.anonimo.setEnabled(permitido)
        self.form.anonimo.setToolTip("" if permitido else "Solo las quejas y las denuncias se reciben de forma anónima.")
        if not permitido and self.form.anonimo.isChecked():
            self.form.anonimo.setChecked(False)
            self.form.mensaje.setText("Solo las quejas y las denuncias se reciben de forma anónima: registre al peticionario.")
        if self._calendario is None:
            self.form.vence.setText("Calculando el vencimiento…")
            return
        vence = vence_el(tipo, datetime.now(UTC), self._calendario) if tipo in TERMINOS else None
        self.form.vence.setText(texto_vencimiento(tipo, vence))
        self.form.vence.setAccessibleName(self.form.vence.text())

    def _al_cambiar_anonimo(self, anonimo: bool) -> None:
        for nombre in _CIUDADANO:
            getattr(self.form, nombre).setEnabled(not anonimo)
        if anonimo:
            for nombre in ("numero_documento", "nombres", "telefono", "correo"):
                self._mostrar_error(nombre, None)
            self.form.conocido.hide()

    def _habilitar_autorizaciones(self, *_: Any) -> None:
        f = self.form
        caracterizacion = f.autoriza_caracterizacion.isChecked()
        f.autoriza_sensibles.setEnabled(caracterizacion)
        for nombre in ("sexo", "rango_edad", "zona", "migrante", "e_sexo", "e_rango_edad", "e_zona"):
            getattr(f, nombre).setEnabled(caracterizacion)
        sensibles = caracterizacion and f.autoriza_sensibles.isChecked()
        for nombre in ("etnia", "discapacidad", "victima", "e_etnia", "e_discapacidad"):
            getattr(f, nombre).setEnabled(sensibles)

    def _validar(self, nombre: str) -> None:
        self._mostrar_error(nombre, validar_campo(nombre, self.form))

    def _revalidar(self, nombre: str) -> None:
        """Mientras se corrige un campo marcado, el mensaje se va en cuanto queda bien."""
        if getattr(self.form, nombre).property("invalido"):
            self._validar(nombre)

    def _mostrar_error(self, nombre: str, mensaje: str | None) -> None:
        campo = getattr(self.form, nombre, None)
        etiqueta = getattr(self.form, f"error_{nombre}", None)
        if etiqueta is not None:
            mostrar_mensaje(etiqueta, mensaje)
        if campo is not None and bool(campo.property("invalido")) != bool(mensaje):
            campo.setProperty("invalido", bool(mensaje))
            _repulir(campo)
        if campo is not None:
            campo.setAccessibleDescription(mensaje or "")
        if mensaje and etiqueta is None:
            self.form.mensaje.setText(mensaje)

    def _mostrar_errores(self, errores: dict[str, str]) -> None:
        self.form.mensaje.setText("")
        for nombre, mensaje in errores.items():
            self._mostrar_error(nombre, mensaje)
        cantidad = len(errores)
        resumen = "Revise el campo marcado." if cantidad == 1 else f"Revise los {cantidad} campos marcados."
        if not self.form.mensaje.text():
            self.form.mensaje.setText(resumen)
        primero = next(
            (w for w in self._orden_de_campos() if w.objectName() in errores and w.isEnabled()),
            None,
        )
        if primero is not None:
            primero.setFocus()
            self.form.desplazable.ensureWidgetVisible(primero)
        anunciar(self, f"{resumen} {next(iter(errores.values()))}", asertivo=True)

    def _orden_de_campos(self) -> list[QWidget]:
        return [getattr(self.form, n) for n in (*_CIUDADANO, "anonimo", "tipo", "canal", "dependencia", "folios", "asunto")]

    def _buscar_conocido(self) -> None:
        if self.form.anonimo.isChecked() or validar_campo("numero_documento", self.form):
            return
        numero = self.form.numero_documento.text().strip()
        tipo = valor(self.form.tipo_documento) or ""
        if not numero:
            self.form.conocido.hide()
            return
        ejecutar(self, lambda: _buscar_ciudadano(self._almacen, tipo, numero), al_terminar=self._mostrar_conocido)

    def _mostrar_conocido(self, ciudadano: Any) -> None:
        f = self.form
        if ciudadano is None:
            f.conocido.setText("Ciudadano nuevo: sus datos quedan registrados con esta solicitud.")
            f.conocido.setProperty("rol", "secundario")
        else:
            for nombre in ("nombres", "apellidos", "telefono", "correo", "direccion"):
                campo: QLineEdit = getattr(f, nombre)
                if not campo.text().strip():
                    campo.setText(getattr(ciudadano, nombre) or "")
            if not valor(f.comuna):
                elegir(f.comuna, ciudadano.comuna)
            f.conocido.setText(f"✔ Ciudadano conocido: {ciudadano.nombre_completo}. Confirme sus datos de contacto.")
            f.conocido.setProperty("rol", "exito")
            anunciar(self, f"Ciudadano conocido: {ciudadano.nombre_completo}")
        f.conocido.show()
        _repulir(f.conocido)

    # -- anexos -----------------------------------------------------------------------------

    def _elegir_anexos(self) -> None:
        archivos, _filtro = QFileDialog.getOpenFileNames(
            self, "Adjuntar archivos", "", "Documentos e imágenes (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Todos (*)"
        )
        if archivos:
            self.agregar_anexos([Path(a) for a in archivos])

    def agregar_anexos(self, archivos: list[Path]) -> None:
        """Copia los archivos al equipo (fuera del hilo de la interfaz) y los suma a la solicitud."""
        directorio = self._almacen.directorio

        def copiar() -> list[Anexo]:
            return [guardar_anexo(directorio, a) for a in archivos]

        def listos(anexos: list[Anexo]) -> None:
            for a in anexos:
                if all(x["sha256"] != a.sha256 for x in self._anexos):
                    self._anexos.append({"nombre": a.nombre, "sha256": a.sha256, "tamano": a.tamano, "descripcion": a.descripcion})
            self._mostrar_anexos()
            self._programar_borrador()

        def fallo(error: Exception) -> None:
            if not isinstance(error, OSError):
                raise error
            self.form.mensaje.setText(f"No se pudo copiar el anexo: {error.strerror or error}.")

        ejecutar(self, copiar, al_terminar=listos, al_fallar=fallo, descripcion="Copiando anexos…")

    def _quitar_anexos(self) -> None:
        self._anexos = []
        self._mostrar_anexos()
        self._programar_borrador()

    def _mostrar_anexos(self) -> None:
        n = len(self._anexos)
        nombres = ", ".join(a["nombre"] for a in self._anexos)
        self.form.anexos_resumen.setText("Sin anexos" if n == 0 else f"{n} archivo{'s' if n > 1 else ''}: {nombres}")
        self.form.quitar_anexos.setEnabled(n > 0)

    # -- borrador ---------------------------------------------------------------------------

    def _programar_borrador(self, *_: Any) -> None:
        self.borrador.programar()

    def guardar_borrador_ya(self) -> None:
        """Guarda el borrador en este mismo instante (al cerrar la ventana o la sesión)."""
        self.borrador.guardar_ya()

    def _restaurar_borrador(self) -> None:
        try:
            datos = self.borrador.recuperar()
        except BorradorIlegible as error:
            self._mostrar_franja(str(error), "Entendido")
            return
        if datos is None:
            return
        self._cargar(datos)
        guardado = datos.get("guardado_en")
        cuando = f" (guardado a las {hora(datetime.fromisoformat(guardado))})" if isinstance(guardado, str) else ""
        self._mostrar_franja(f"Se recuperó lo que estaba escribiendo{cuando}.", "Descartar borrador", self._limpiar)

    def _cargar(self, datos: dict[str, Any]) -> None:
        with self.borrador.en_pausa():
            self._anexos = escribir_formulario(self.form, datos)
            self._mostrar_anexos()
            self._al_cambiar_tipo()

    def _limpiar(self) -> None:
        with self.borrador.en_pausa():
            limpiar_formulario(self.form)
            self._anexos = []
            self._mostrar_anexos()
            self.form.conocido.hide()
            self.form.mensaje.setText("")
            for nombre in CAMPOS_VALIDADOS + ("nombres",):
                self._mostrar_error(nombre, None)
            elegir(self.form.tipo_documento, "CC")
        self.borrador.descartar()

    def _volver_a_cargar(self, datos: dict[str, Any]) -> None:
        self._cargar(datos)
        self._programar_borrador()

    def _mostrar_franja(self, texto: str, boton: str, accion: Callable[[], None] | None = None) -> None:
        """Un aviso arriba del formulario; su botón hace `accion` (sin ella, solo cierra el aviso)."""
        self._accion_de_franja = accion
        self.form.franja_texto.setText(texto)
        self.form.franja_boton.setText(boton)
        self.form.franja.show()

    def _accion_franja(self) -> None:
        self.form.franja.hide()
        accion, self._accion_de_franja = self._accion_de_franja, None
        if accion is not None:
            accion()
        self.form.tipo_documento.setFocus()


