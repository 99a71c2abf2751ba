"""El kiosco de turnos: el ciudadano toca su trámite y se lleva el turno impreso.

Pensado para el dedo y para quien ve poco: botones enormes (nunca menos de 44 px, aquí mucho
más), alto contraste por defecto, pocas palabras. La letra se mide por el alto de la pantalla y
crece con el tamaño del texto elegido (100–200 %): los botones pasan a una sola columna cuando
no caben lado a lado y el inicio se desplaza (también con el dedo) si ya no cabe a lo alto; el
turno se achica hasta caber sin desplazarse. La atención preferencial es un botón aparte que
pide la razón (Ley 1437 art. 5); el número de documento es opcional. El turno se muestra en
pantalla y se imprime en el rollo de 80 mm; a los pocos segundos el kiosco vuelve al inicio.
El documento nunca viaja en el evento del turno: si el equipo conoce al ciudadano, el turno lleva
solo su id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import qtawesome
from PySide6.QtGui import QIntValidator, QResizeEvent

from ventanilla.dominio.turnos import CATEGORIAS_PREFERENCIALES
from ventanilla.gui.accesibilidad import anunciar, nombrar
from ventanilla.gui.letra_a_medida import (
    SIN_LIMITE,
    al_redimensionar,
    cabe_en,
    escala_vigente,
    etiqueta_vacia,
    fuente_px,
    mayor_factor,
    reservar_ancho,
)
from ventanilla.gui.preferencias_visuales import PreferenciasVisuales, instalar_atajos_globales
from ventanilla.gui.qt import (
    QApplication,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QScroller,
    QSize,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.temas import gestor
from ventanilla.turnos.fuentes import FuenteTurnos

__all__ = ["ALTO_MINIMO_BOTON", "MAX_SERVICIOS", "NOMBRE_VENTANA", "VOLVER_MS", "Kiosko"]

NOMBRE_VENTANA = "Ventanilla — turnos: tome su turno"
"""Título de la ventana y nombre con que la presenta un lector de pantalla."""
ALTO_MINIMO_BOTON = 88
"""Alto mínimo de un botón del kiosco en píxeles (el mínimo de WCAG 2.5.5 es 44)."""
ALTO_MINIMO_RAZON = ALTO_MINIMO_BOTON * 3 // 4
"""Alto mínimo de las razones de la atención preferencial y del campo del documento."""
MAX_SERVICIOS = 8
VOLVER_MS = 12_000
_MUESTRA_CODIGO = "W-000"
"""El código más ancho que puede salir (letra y tres cifras): el turno se mide con él."""

Impresora = Callable[[dict[str, Any], str], None]
"""Imprime el turno (el dict que devuelve la cola) con el nombre de su servicio."""


def _poner_letra(control: QWidget, fuente: QFont, alto_minimo: int) -> None:
    """La letra de un control táctil y su alto: el mínimo del dedo o, si no alcanza, el de su texto.

    Un alto mínimo fijo dejaría que el layout lo apretara por debajo de lo que pide su texto.
    """
    control.setFont(fuente)
    control.setMinimumHeight(0)
    control.setMinimumHeight(max(alto_minimo, control.sizeHint().height()))


def _ancho_en_columnas(botones: Sequence[QWidget], columnas: int, espacio: int) -> int:
    """El ancho mínimo de los botones repartidos en `columnas`, en orden de lectura."""
    anchos = [0] * columnas
    for i, boton in enumerate(botones):
        anchos[i % columnas] = max(anchos[i % columnas], boton.minimumSizeHint().width())
    return sum(anchos) + espacio * (columnas - 1)


def _colocar(rejilla: QGridLayout, botones: Sequence[QWidget], opciones: Sequence[int], ancho: int) -> None:
    """Pone los botones en tantas columnas de `opciones` como quepan en `ancho` (en orden de lectura)."""
    columnas = next(
        (n for n in opciones if _ancho_en_columnas(botones, n, rejilla.horizontalSpacing()) <= ancho),
        opciones[-1],
    )
    while rejilla.count():
        rejilla.takeAt(0)
    for i, boton in enumerate(botones):
        rejilla.addWidget(boton, i // columnas, i % columnas)
    for columna in range(rejilla.columnCount()):
        rejilla.setColumnStretch(columna, 1 if columna < columnas else 0)


class Kiosko(QMainWindow):
    """Elegir trámite → ver e imprimir el turno → volver al inicio."""

    def __init__(
        self,
        fuente: FuenteTurnos,
        *,
        imprimir: Impresora | None = None,
        resolver_ciudadano: Callable[[str], str | None] | None = None,
        preferencias: PreferenciasVisuales | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(NOMBRE_VENTANA)
        self.setObjectName("kiosko")
        self._fuente = fuente
        self._imprimir = imprimir
        self._resolver = resolver_ciudadano
        self._categoria: str | None = None
        self._esperando = False
        self.ultimo_turno: dict[str, Any] | None = None
        self.factor_inicio = 1.0
        """Cuánto creció la letra del inicio respecto a su tamaño al 100 %."""
        self.factor_turno = 1.0
        """Cuánto creció la letra del turno respecto a su tamaño al 100 %."""

        self._inicio = QScrollArea()
        self._inicio.setObjectName("inicio")
        self._inicio.setWidgetResizable(True)
        self._inicio.setFrameShape(QFrame.Shape.NoFrame)
        self._inicio.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab ya desplaza hasta el botón enfocado: el área no es una parada sin nombre.
        self._inicio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._inicio.setWidget(self._pagina_inicio())
        QScroller.grabGesture(self._inicio.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self._turno = self._pagina_turno()
        # Cada página se mide a sí misma: ninguna agranda la ventana más allá de la pantalla.
        for pagina in (self._inicio, self._turno):
            pagina.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._paginas = QStackedWidget()
        self._paginas.addWidget(self._inicio)
        self._paginas.addWidget(self._turno)
        self._estado = etiqueta_vacia()
        self._estado.setObjectName("mensajes")
        self._estado.setWordWrap(True)
        self._estado.setProperty("rol", "aviso")
        self._estado.hide()
        nombrar(self._estado, "Mensajes del kiosco")
        central = QWidget()
        raiz = QVBoxLayout(central)
        raiz.setContentsMargins(32, 24, 32, 24)
        raiz.addWidget(self._paginas, 1)
        raiz.addWidget(self._estado)
        self.setCentralWidget(central)

        self._volver = QTimer(self, singleShot=True)
        self._volver.timeout.connect(self.reiniciar)
        fuente.foto.connect(self._foto)
        fuente.conexion.connect(self._conexion)
        fuente.resultado.connect(self._resultado)
        nombrar(self, NOMBRE_VENTANA)
        if preferencias is not None:
            instalar_atajos_globales(self, preferencias)
        al_redimensionar(self._inicio.viewport(), self._ajustar_inicio)
        al_redimensionar(self._paginas, self._ajustar_turno)
        gestor(QApplication.instance()).cambiado.connect(self._al_cambiar_tema)  # type: ignore[arg-type]
        self._pintar()

    def _pagina_inicio(self) -> QWidget:
        pagina = QWidget()
        pagina.setObjectName("pagina_inicio")
        self._bienvenida = QLabel("Bienvenido. Toque el trámite que viene a hacer")
        self._bienvenida.setWordWrap(True)
        self._bienvenida.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._rejilla = QGridLayout()
        self._rejilla.setSpacing(20)
        # Los botones existen desde el principio, antes que lo demás: así Tab empieza por ellos.
        self._servicios: list[dict[str, Any]] = []
        self._todos_los_botones: list[QPushButton] = []
        for indice in range(MAX_SERVICIOS):
            boton = QPushButton(pagina)
            boton.setProperty("rol", "primario")
            boton.clicked.connect(lambda _c=False, i=indice: self._pedir(self._servicios[i]))
            boton.hide()
            self._todos_los_botones.append(boton)

        self._preferencial = QPushButton("Atención preferencial")
        self._preferencial.setObjectName("preferencial")
        self._preferencial.setCheckable(True)
        self._preferencial.toggled.connect(self._alternar_preferencial)
        nombrar(self._preferencial, "Atención preferencial",
                "Para personas con discapacidad, niños, gestantes, adultos mayores y veteranos")
        self._razones = QWidget()
        self._rejilla_razones = QGridLayout(self._razones)
        self._rejilla_razones.setContentsMargins(0, 0, 0, 0)
        self._rejilla_razones.setSpacing(12)
        self._botones_razon: dict[str, QPushButton] = {}
        for clave, nombre in CATEGORIAS_PREFERENCIALES.items():
            boton = QPushButton(nombre)
            boton.setObjectName(f"razon_{clave}")
            boton.setCheckable(True)
            boton.clicked.connect(lambda _c=False, k=clave: self._elegir_razon(k))
            nombrar(boton, f"Razón de la atención preferencial: {nombre}")
            self._botones_razon[clave] = boton
        _colocar(self._rejilla_razones, list(self._botones_razon.values()), (3,), 0)
        self._razones.hide()

        self._documento = QLineEdit()
        self._documento.setObjectName("documento")
        self._documento.setPlaceholderText("Su número de documento (opcional)")
        self._documento.setValidator(QIntValidator(0, 2_000_000_000, self._documento))
        nombrar(self._documento, "Número de documento, opcional")
        self._etiqueta_doc = QLabel("Documento:")
        self._etiqueta_doc.setBuddy(self._documento)
        fila_doc = QHBoxLayout()
        fila_doc.addWidget(self._etiqueta_doc)
        fila_doc.addWidget(self._documento, 1)

        caja = QVBoxLayout(pagina)
        caja.setContentsMargins(0, 0, 0, 0)  # los márgenes ya los pone la ventana: así cabe en 768 px
        caja.addWidget(self._bienvenida)
        caja.addLayout(self._rejilla, 1)
        caja.addWidget(self._preferencial)
        caja.addWidget(self._razones)
        caja.addLayout(fila_doc)
        return pagina

    def _pagina_turno(self) -> QWidget:
        pagina = QWidget()
        pagina.setObjectName("pagina_turno")
        self._su_turno = QLabel("Su turno es")
        self._codigo = etiqueta_vacia()
        self._codigo.setObjectName("codigo")
        self._servicio = etiqueta_vacia()
        self._antes = etiqueta_vacia()
        self._impresion = etiqueta_vacia()
        for etiqueta in (self._su_turno, self._codigo, self._servicio, self._antes, self._impresion):
            etiqueta.setAlignment(Qt.AlignmentFlag.AlignCenter)
            etiqueta.setWordWrap(etiqueta is not self._codigo)
        nombrar(self._codigo, "Código de su turno")
        self._listo = QPushButton("Listo")
        self._listo.setObjectName("listo")
        self._listo.setProperty("rol", "primario")
        self._listo.clicked.connect(self.reiniciar)
        nombrar(self._listo, "Listo, volver al inicio")
        caja = QVBoxLayout(pagina)
        caja.setContentsMargins(0, 0, 0, 0)
        caja.addStretch(1)
        for etiqueta in (self._su_turno, self._codigo, self._servicio, self._antes, self._impresion):
            caja.addWidget(etiqueta)
        caja.addStretch(1)
        caja.addWidget(self._listo)
        return pagina

    @property
    def _botones(self) -> list[QPushButton]:
        """Los botones de los servicios del catálogo vigente (los demás esperan ocultos)."""
        return self._todos_los_botones[: len(self._servicios)]

    @property
    def botones_servicio(self) -> list[QPushButton]:
        return list(self._botones)

    @property
    def boton_preferencial(self) -> QPushButton:
        return self._preferencial

    @property
    def botones_razon(self) -> dict[str, QPushButton]:
        return dict(self._botones_razon)

    @property
    def campo_documento(self) -> QLineEdit:
        return self._documento

    @property
    def etiqueta_codigo(self) -> QLabel:
        return self._codigo

    @property
    def inicio(self) -> QScrollArea:
        """El inicio, desplazable cuando la letra grande ya no cabe a lo alto."""
        return self._inicio

    @property
    def mensaje(self) -> str:
        return self._estado.text()

    @property
    def mostrando_turno(self) -> bool:
        return self._paginas.currentIndex() == 1

    def _foto(self, foto: dict[str, Any]) -> None:
        self._servicios = list(foto.get("servicios", []))[:MAX_SERVICIOS]
        for boton, servicio in zip(self._todos_los_botones, self._servicios, strict=False):
            boton.setText(f"{servicio['letra']}   {servicio['nombre']}")
            boton.setObjectName(f"servicio_{servicio['clave']}")
            boton.setProperty("icono", servicio.get("icono") or "")
            nombrar(boton, servicio["nombre"], f"Pedir un turno de {servicio['nombre']}")
        for indice, boton in enumerate(self._todos_los_botones):
            boton.setVisible(indice < len(self._servicios))
        self._pintar()
        self._ajustar_inicio()

    def _conexion(self, disponible: bool, mensaje: str) -> None:
        for boton in self._botones:
            boton.setEnabled(disponible)
        self._decir("" if disponible else f"{mensaje} Por ahora pida su turno al funcionario de la entrada.")

    def _decir(self, texto: str) -> None:
        """Un mensaje al pie; sin mensaje, la franja no ocupa lugar."""
        self._estado.setText(texto)
        self._estado.setVisible(bool(texto))

    def _alternar_preferencial(self, activo: bool) -> None:
        self._razones.setVisible(activo)
        if activo:
            QTimer.singleShot(0, self, lambda: self._inicio.ensureWidgetVisible(self._razones))
        else:
            self._elegir_razon(None)

    def _elegir_razon(self, clave: str | None) -> None:
        self._categoria = clave
        for k, boton in self._botones_razon.items():
            boton.setChecked(k == clave)

    def _pedir(self, servicio: dict[str, Any]) -> None:
        if self._esperando:
            return
        if self._preferencial.isChecked() and self._categoria is None:
            self._decir("Toque primero la razón de su atención preferencial.")
            anunciar(self, self.mensaje, asertivo=True)
            return
        self._esperando = True
        self._servicio_pedido = servicio
        self._decir("Un momento, por favor…")
        documento = self._documento.text().strip()
        ciudadano = self._resolver(documento) if documento and self._resolver else None
        self._fuente.pedir(
            "emitir", servicio=servicio["clave"], preferencial=self._categoria, ciudadano_id=ciudadano
        )

    def _resultado(self, accion: str, turno: Any, error: str) -> None:
        if accion != "emitir" or not self._esperando:
            return
        self._esperando = False
        if error or not turno:
            self._decir(f"No se pudo dar el turno. {error}")
            return
        self.ultimo_turno = turno
        nombre = self._servicio_pedido["nombre"]
        self._codigo.setText(turno["codigo"])
        nombrar(self._codigo, f"Código de su turno: {turno['codigo']}")
        self._servicio.setText(nombre + ("  ·  Atención preferencial" if turno.get("preferencial") else ""))
        antes = int(turno.get("personas_antes", 0))
        self._antes.setText(
            "No hay nadie antes de usted" if antes == 0
            else "1 persona antes de usted" if antes == 1 else f"{antes} personas antes de usted"
        )
        self._decir("")
        self._impresion.setText("Tome su turno impreso. Espere su llamado en la pantalla.")
        if self._imprimir is not None:
            try:
                self._imprimir(turno, nombre)
            except Exception as falla:  # noqa: BLE001  (el turno ya existe: se dice y se sigue)
                self._impresion.setText(f"No se pudo imprimir ({falla}). Anote su turno: {turno['codigo']}.")
        self._ajustar_turno()
        self._paginas.setCurrentIndex(1)
        anunciar(self, f"Su turno es {turno['codigo']}, {nombre}")
        self._listo.setFocus()
        self._volver.start(VOLVER_MS)

    def reiniciar(self) -> None:
        """Vuelve al inicio, sin preferencial ni documento."""
        self._volver.stop()
        self._preferencial.setChecked(False)
        self._documento.clear()
        self._paginas.setCurrentIndex(0)
        self._inicio.verticalScrollBar().setValue(0)

    # -- tema y tamaño del texto --------------------------------------------------------------

    def _al_cambiar_tema(self, _tema: str, _escala: int) -> None:
        self._pintar()
        self._ajustar_letra()

    def _pintar(self) -> None:
        """Iconos del color de su texto en cada estado (normal, enfocado, marcado) y la barra del inicio.

        La barra se ve y se toca bien (44 px): con letra grande el inicio se desplaza.
        """
        colores = gestor(QApplication.instance()).paleta.colores  # type: ignore[arg-type]
        self._inicio.verticalScrollBar().setStyleSheet(
            f"QScrollBar:vertical {{ width: {ALTO_MINIMO_BOTON // 2}px; margin: 0px;"
            f" background: {colores['fondo']}; border: 2px solid {colores['borde']}; }}"
            f"QScrollBar::handle:vertical {{ background: {colores['texto']};"
            f" min-height: {ALTO_MINIMO_BOTON}px; }}"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0px; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
        )
        for boton in self._botones:
            nombre = str(boton.property("icono") or "")
            if nombre:
                boton.setIcon(qtawesome.icon(
                    nombre, color=colores["texto_sobre_acento"], color_active=colores["acento"]
                ))
        self._preferencial.setIcon(qtawesome.icon(
            "fa5s.wheelchair", color=colores["texto"], color_on=colores["texto_seleccion"],
            color_off_active=colores["texto"], color_on_active=colores["texto_seleccion"],
        ))

    def _alto(self) -> int:
        return max(1, self.height())

    def _ajustar_letra(self) -> None:
        self._estado.setFont(fuente_px(self._alto() * 0.03 * escala_vigente(), negrita=True))
        self._ajustar_inicio()
        self._ajustar_turno()

    def _letra_inicio(self, factor: float, ancho: int) -> None:
        medida = self._alto() * factor
        lado = max(16, int(medida * 0.05))
        self._bienvenida.setFont(fuente_px(medida * 0.05, negrita=True))
        for boton in self._botones:
            boton.setIconSize(QSize(lado, lado))
            _poner_letra(boton, fuente_px(medida * 0.04, negrita=True), ALTO_MINIMO_BOTON)
        self._preferencial.setIconSize(QSize(lado, lado))
        _poner_letra(self._preferencial, fuente_px(medida * 0.035, negrita=True), ALTO_MINIMO_BOTON)
        for boton in self._botones_razon.values():
            _poner_letra(boton, fuente_px(medida * 0.026), ALTO_MINIMO_RAZON)
        _poner_letra(self._documento, fuente_px(medida * 0.03), ALTO_MINIMO_RAZON)
        self._etiqueta_doc.setFont(fuente_px(medida * 0.03, negrita=True))
        _colocar(self._rejilla, self._botones, (2, 1) if len(self._botones) > 3 else (1,), ancho)
        _colocar(self._rejilla_razones, list(self._botones_razon.values()), (3, 2, 1), ancho)

    def _ajustar_inicio(self) -> None:
        """La letra del inicio a la escala vigente, más pequeña solo si a lo ancho no cabe.

        Primero sin barra de desplazamiento; si el inicio no cabe a lo alto, con su sitio reservado.
        """
        contenido = self._inicio.widget()
        visible = self._inicio.contentsRect()
        for reserva in (0, self._inicio.verticalScrollBar().sizeHint().width()):
            ancho = visible.width() - reserva
            self.factor_inicio = mayor_factor(
                escala_vigente(),
                lambda factor, ancho=ancho: self._letra_inicio(factor, ancho),
                lambda ancho=ancho: cabe_en(contenido, QSize(ancho, SIN_LIMITE)),
            )
            if cabe_en(contenido, visible.size()):
                return

    def _letra_turno(self, factor: float) -> None:
        medida = self._alto() * factor
        self._su_turno.setFont(fuente_px(medida * 0.05))
        self._codigo.setFont(fuente_px(medida * 0.22, negrita=True))
        reservar_ancho(self._codigo, (_MUESTRA_CODIGO,))
        self._servicio.setFont(fuente_px(medida * 0.05, negrita=True))
        self._antes.setFont(fuente_px(medida * 0.04))
        self._impresion.setFont(fuente_px(medida * 0.035))
        _poner_letra(self._listo, fuente_px(medida * 0.04, negrita=True), ALTO_MINIMO_BOTON)

    def _ajustar_turno(self) -> None:
        """La letra del turno a la escala vigente, hasta donde quepa sin desplazarse."""
        self.factor_turno = mayor_factor(
            escala_vigente(), self._letra_turno, lambda: cabe_en(self._turno, self._paginas.size())
        )

    def resizeEvent(self, evento: QResizeEvent) -> None:
        self._ajustar_letra()
        super().resizeEvent(evento)
