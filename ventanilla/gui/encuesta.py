"""La encuesta de satisfacción que responde el ciudadano, con la pantalla vuelta hacia él.

Una pregunta a la vez, con botones grandes que se tocan o se eligen con el teclado (1 a 5 en
las escalas; S, N, 1 o 2 en las de sí o no), cada pregunta leída en voz alta y el tema y tamaño
de letra de la aplicación (el alto contraste al 200 % cabe sin recortes). La ventana no guarda
nada: al terminar emite `respondida` con las respuestas y quien la abrió las registra (anónimas,
atadas a la atención) fuera del hilo de la interfaz.
"""

from __future__ import annotations

from typing import Any

from ventanilla.dominio.jornadas import NOMBRES_ESCALA, Cuestionario, Pregunta
from ventanilla.gui.accesibilidad import anunciar, nombrar
from ventanilla.gui.qt import (
    QEvent,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.turnos.voz import Voz

__all__ = ["EncuestaCiudadano"]

_TECLAS_ESCALA = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}
_TECLAS_SI = (Qt.Key.Key_S, Qt.Key.Key_1)
_TECLAS_NO = (Qt.Key.Key_N, Qt.Key.Key_2)
_ALTO_BOTON = 88
"""Alto mínimo de los botones de respuesta, en píxeles a 100 % (WCAG pide 44; aquí se toca de lejos)."""


class Lector(QObject):
    """Lee en voz alta lo último que se le pide: si el ciudadano ya pasó a otra pregunta mientras
    se leía la anterior, lo que quedó en espera se descarta y se lee solo la pregunta que ve."""

    def __init__(self, voz: Voz, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._voz = voz
        self._ocupada = False
        self._siguiente: str | None = None
        voz.terminado.connect(self._terminado)

    def leer(self, texto: str) -> None:
        if self._ocupada:
            self._siguiente = texto
            return
        self._ocupada = True
        self._voz.decir(texto)

    def _terminado(self) -> None:
        self._ocupada = False
        if self._siguiente is not None:
            texto, self._siguiente = self._siguiente, None
            self.leer(texto)


class EncuestaCiudadano(QWidget):
    """Las preguntas de un cuestionario, una por pantalla, y un agradecimiento al final."""

    respondida = Signal(object)
    """Las respuestas {clave: valor} cuando el ciudadano termina."""
    cancelada = Signal()

    def __init__(self, cuestionario: Cuestionario, *, voz: Voz | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encuesta_ciudadano")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._cuestionario = cuestionario
        self._lector = Lector(voz, self) if voz is not None else None
        self._respuestas: dict[str, Any] = {}
        self._indice = 0
        self._terminada = False
        self._botones: list[QPushButton] = []
        self._valores: list[Any] = []
        self._construir()
        self._mostrar()

    @property
    def respuestas(self) -> dict[str, Any]:
        """Lo respondido hasta ahora (copia)."""
        return dict(self._respuestas)

    @property
    def pregunta_actual(self) -> Pregunta | None:
        return None if self._terminada else self._cuestionario.preguntas[self._indice]

    @property
    def botones_respuesta(self) -> list[QPushButton]:
        """Los botones de la pregunta que se ve (para tocarlos o para revisar su tamaño)."""
        return list(self._botones)

    def _construir(self) -> None:
        disposicion = QVBoxLayout(self)
        disposicion.setContentsMargins(32, 24, 32, 24)
        disposicion.setSpacing(18)
        self._titulo = QLabel(self._cuestionario.titulo)
        self._titulo.setProperty("rol", "titulo")
        self._introduccion = QLabel(self._cuestionario.introduccion)
        self._introduccion.setWordWrap(True)
        self._introduccion.setProperty("rol", "secundario")
        self._progreso = QLabel()
        self._progreso.setProperty("rol", "secundario")
        self._texto = QLabel()
        self._texto.setWordWrap(True)
        self._texto.setTextFormat(Qt.TextFormat.PlainText)
        fuente = self._texto.font()
        fuente.setPointSizeF(fuente.pointSizeF() * 1.6)
        fuente.setBold(True)
        self._texto.setFont(fuente)
        self._respuestas_zona = QWidget()
        self._rejilla = QGridLayout(self._respuestas_zona)
        self._rejilla.setSpacing(12)
        self._comentario = QPlainTextEdit()
        self._comentario.setTabChangesFocus(True)
        nombrar(self._comentario, "Comentario", "Escriba su comentario; es opcional.")
        self._ayuda = QLabel()
        self._ayuda.setWordWrap(True)
        self._ayuda.setProperty("rol", "secundario")
        navegacion = QHBoxLayout()
        self._anterior = QPushButton("Anterior (Esc)")
        self._anterior.clicked.connect(self.anterior)
        self._escuchar = QPushButton("Escuchar de nuevo (F4)")
        self._escuchar.clicked.connect(self._leer)
        self._omitir = QPushButton("Omitir")
        self._omitir.clicked.connect(lambda: self._responder(None))
        self._terminar = QPushButton("Terminar (Ctrl+Intro)")
        self._terminar.setDefault(True)
        self._terminar.clicked.connect(self._terminar_comentario)
        for boton in (self._anterior, self._escuchar, self._omitir, self._terminar):
            boton.setMinimumHeight(48)
            navegacion.addWidget(boton)
        navegacion.insertStretch(2, 1)
        self._comentario.installEventFilter(self)
        disposicion.addWidget(self._titulo)
        disposicion.addWidget(self._introduccion)
        disposicion.addWidget(self._progreso)
        disposicion.addWidget(self._texto)
        disposicion.addWidget(self._respuestas_zona, 1)
        disposicion.addWidget(self._comentario, 1)
        disposicion.addWidget(self._ayuda)
        disposicion.addLayout(navegacion)

    def _boton(self, texto: str, nombre: str, valor: Any) -> QPushButton:
        boton = QPushButton(texto)
        boton.setMinimumHeight(_ALTO_BOTON)
        boton.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        boton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        boton.setProperty("rol", "respuesta")
        letra = boton.font()
        letra.setPointSizeF(self.font().pointSizeF() * 1.25)
        letra.setBold(True)
        boton.setFont(letra)
        nombrar(boton, nombre)
        boton.clicked.connect(lambda: self._responder(valor))
        self._botones.append(boton)
        self._valores.append(valor)
        return boton

    def _limpiar(self) -> None:
        for boton in self._botones:
            self._rejilla.removeWidget(boton)
            boton.hide()
            boton.deleteLater()
        self._botones = []
        self._valores = []

    def _mostrar(self) -> None:
        self._limpiar()
        pregunta = self._cuestionario.preguntas[self._indice]
        total = len(self._cuestionario.preguntas)
        self._introduccion.setVisible(self._indice == 0)
        self._progreso.setText(f"Pregunta {self._indice + 1} de {total}")
        self._texto.setText(pregunta.texto)
        self._anterior.setEnabled(self._indice > 0)
        es_comentario = pregunta.tipo == "comentario"
        self._respuestas_zona.setVisible(not es_comentario)
        self._comentario.setVisible(es_comentario)
        self._omitir.setVisible(es_comentario)
        self._terminar.setVisible(es_comentario)
        if pregunta.tipo == "escala":
            for columna, valor in enumerate(range(1, 6)):
                nombre = f"{valor}, {NOMBRES_ESCALA[valor]}"
                self._rejilla.addWidget(self._boton(f"{valor}\n{NOMBRES_ESCALA[valor]}", nombre, valor), 0, columna)
            self._ayuda.setText("Toque una opción o use las teclas 1 a 5.")
        elif pregunta.tipo == "si_no":
            self._rejilla.addWidget(self._boton("Sí", "Sí", True), 0, 0)
            self._rejilla.addWidget(self._boton("No", "No", False), 0, 1)
            self._ayuda.setText("Toque Sí o No, o use las teclas S y N.")
        else:
            self._comentario.setPlainText(str(self._respuestas.get(pregunta.clave, "")))
            self._ayuda.setText("Escriba si quiere y toque Terminar; o toque Omitir.")
        self._marcar_elegido(pregunta)
        (self._comentario if es_comentario else self).setFocus()
        anunciar(self, f"Pregunta {self._indice + 1} de {total}. {pregunta.texto}")
        self._leer()

    def _marcar_elegido(self, pregunta: Pregunta) -> None:
        """Al volver a una pregunta, su respuesta anterior se ve marcada con ✔ (no solo con color)."""
        elegido = self._respuestas.get(pregunta.clave)
        for boton, valor in zip(self._botones, self._valores):
            marcado = elegido is not None and type(valor) is type(elegido) and valor == elegido
            boton.setCheckable(True)
            boton.setChecked(marcado)
            if marcado:
                boton.setText(f"✔ {boton.text()}")
                boton.setAccessibleDescription("Su respuesta anterior")

    def _leer(self) -> None:
        pregunta = self.pregunta_actual
        if self._lector is None or pregunta is None:
            return
        if pregunta.tipo == "escala":
            opciones = ", ".join(f"{n}, {NOMBRES_ESCALA[n].lower()}" for n in range(1, 6))
            self._lector.leer(f"{pregunta.texto} Responda de 1 a 5: {opciones}.")
        elif pregunta.tipo == "si_no":
            self._lector.leer(f"{pregunta.texto} Responda sí o no.")
        else:
            self._lector.leer(f"{pregunta.texto} Puede escribirlo, u omitirlo.")

    def _responder(self, valor: Any) -> None:
        pregunta = self.pregunta_actual
        if pregunta is None:
            return
        if valor is None:
            self._respuestas.pop(pregunta.clave, None)
        else:
            self._respuestas[pregunta.clave] = valor
        if self._indice + 1 < len(self._cuestionario.preguntas):
            self._indice += 1
            self._mostrar()
        else:
            self._finalizar()

    def eventFilter(self, objeto: QObject, evento: QEvent) -> bool:
        """Ctrl+Intro en el comentario termina la encuesta (Intro solo, cambia de línea)."""
        if (
            objeto is self._comentario
            and evento.type() == QEvent.Type.KeyPress
            and isinstance(evento, QKeyEvent)
            and evento.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and evento.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._terminar_comentario()
            return True
        return super().eventFilter(objeto, evento)

    def _terminar_comentario(self) -> None:
        self._responder(self._comentario.toPlainText().strip() or None)

    def anterior(self) -> None:
        """Vuelve a la pregunta anterior (para cambiar una respuesta)."""
        if self._terminada or self._indice == 0:
            return
        self._indice -= 1
        self._mostrar()

    def _finalizar(self) -> None:
        self._terminada = True
        self._limpiar()
        for control in (self._introduccion, self._respuestas_zona, self._comentario, self._anterior,
                        self._omitir, self._terminar, self._escuchar):
            control.setVisible(False)
        self._progreso.setText("")
        self._texto.setText("¡Gracias por su opinión!")
        self._ayuda.setText("Puede devolver la pantalla al funcionario.")
        anunciar(self, "Gracias por su opinión.")
        if self._lector is not None:
            self._lector.leer("Gracias por su opinión.")
        self.respondida.emit(self.respuestas)

    def keyPressEvent(self, evento: QKeyEvent) -> None:
        pregunta = self.pregunta_actual
        tecla = Qt.Key(evento.key())
        if pregunta is None:
            super().keyPressEvent(evento)
            return
        if tecla == Qt.Key.Key_F4:
            self._leer()
        elif tecla == Qt.Key.Key_Escape:
            if self._indice == 0:
                self.cancelada.emit()
            self.anterior()
        elif pregunta.tipo == "escala" and tecla in _TECLAS_ESCALA:
            self._responder(_TECLAS_ESCALA[tecla])
        elif pregunta.tipo == "si_no" and tecla in _TECLAS_SI:
            self._responder(True)
        elif pregunta.tipo == "si_no" and tecla in _TECLAS_NO:
            self._responder(False)
        else:
            super().keyPressEvent(evento)
