"""La pantalla pública de la sala (un televisor, segunda pantalla): el llamado actual enorme, los
últimos cinco llamados, la hora y un mensaje que se desplaza.

El código del turno ocupa al menos el 18 % del alto de la pantalla y el número de ventanilla va
debajo. Un llamado nuevo destella una sola vez (nunca más de tres destellos por segundo, WCAG
2.3.1), suena la campanilla y se dice en voz alta, en orden, cada uno con su turno y su
ventanilla. Si la cola de la sede no responde, la pantalla lo dice en una franja visible.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtGui import QResizeEvent

from ventanilla.dominio.calendario import BOGOTA
from ventanilla.gui.accesibilidad import anunciar, nombrar
from ventanilla.gui.qt import (
    QElapsedTimer,
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.temas import Paleta, cargar_paleta
from ventanilla.turnos.anuncios import ColaAnuncios
from ventanilla.turnos.cola import Llamado
from ventanilla.turnos.fuentes import FuenteTurnos

__all__ = ["ALTO_CODIGO", "ULTIMOS", "Pantalla"]

ALTO_CODIGO = 0.22
"""Alto de la letra del código respecto al de la pantalla (el mínimo acordado es 0,18)."""
ULTIMOS = 5
DESTELLO_MS = 450
"""Un destello dura esto y no empieza otro antes: como mucho ~2 por segundo."""
_DIAS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_MESES = ("ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep.", "oct.", "nov.", "dic.")


def _fuente(pixeles: int, negrita: bool = False) -> QFont:
    fuente = QFont()
    fuente.setPixelSize(max(8, pixeles))
    fuente.setBold(negrita)
    return fuente


class Pantalla(QWidget):
    """La pantalla de llamados. `anuncios` dice cada llamado en voz alta (None: en silencio)."""

    def __init__(
        self,
        fuente: FuenteTurnos,
        *,
        anuncios: ColaAnuncios | None = None,
        titulo: str = "Alcaldía de Manizales · Ventanilla Única",
        mensaje: str = "",
        tema: str = "alto_contraste_oscuro",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ventanilla · Pantalla de turnos")
        self.setObjectName("pantalla_turnos")
        self._fuente = fuente
        self._anuncios = anuncios
        self._paleta: Paleta = cargar_paleta(tema)
        self._llamados: list[Llamado] = []
        self._vistos: set[int] = set()
        self.destellos = 0
        self._reloj_destello = QElapsedTimer()

        self._titulo = QLabel(titulo)
        self._hora = QLabel()
        self._hora.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._aviso = QLabel()
        self._aviso.setObjectName("aviso_conexion")
        self._aviso.setWordWrap(True)
        self._aviso.hide()
        self._rotulo = QLabel("Turno")
        self._codigo = QLabel("—")
        self._ventanilla = QLabel("Espere su llamado")
        for etiqueta in (self._rotulo, self._codigo, self._ventanilla):
            etiqueta.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._actual = QFrame()
        self._actual.setObjectName("llamado_actual")
        izquierda = QVBoxLayout(self._actual)
        izquierda.addStretch(1)
        izquierda.addWidget(self._rotulo)
        izquierda.addWidget(self._codigo)
        izquierda.addWidget(self._ventanilla)
        izquierda.addStretch(1)

        self._encabezado_lista = QLabel("Últimos llamados")
        self._filas: list[tuple[QLabel, QLabel]] = []
        lista = QFrame()
        lista.setObjectName("ultimos_llamados")
        derecha = QVBoxLayout(lista)
        derecha.addWidget(self._encabezado_lista)
        for _ in range(ULTIMOS):
            fila = QFrame()
            fila.setObjectName("fila_llamado")
            codigo, ventanilla = QLabel(), QLabel()
            ventanilla.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caja = QHBoxLayout(fila)
            caja.addWidget(codigo)
            caja.addWidget(ventanilla, 1)
            self._filas.append((codigo, ventanilla))
            derecha.addWidget(fila)
        derecha.addStretch(1)

        self._sonido = QLabel()
        self._sonido.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._sonido.hide()
        nombrar(self._sonido, "Estado del sonido")
        if anuncios is not None:
            anuncios.estado.connect(self._sin_sonido)
        self._cinta = QLabel(mensaje)
        self._cinta.setTextFormat(Qt.TextFormat.PlainText)
        self._cinta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._cinta.setVisible(bool(mensaje))
        self._texto_cinta = mensaje
        self._desfase = 0

        arriba = QHBoxLayout()
        arriba.addWidget(self._titulo, 1)
        arriba.addWidget(self._hora)
        centro = QHBoxLayout()
        centro.addWidget(self._actual, 2)
        centro.addWidget(lista, 1)
        raiz = QVBoxLayout(self)
        raiz.addLayout(arriba)
        raiz.addWidget(self._aviso)
        raiz.addLayout(centro, 1)
        raiz.addWidget(self._cinta)
        raiz.addWidget(self._sonido)

        nombrar(self, "Pantalla de turnos")
        nombrar(self._codigo, "Turno llamado")
        nombrar(self._ventanilla, "Ventanilla del turno llamado")
        nombrar(self._hora, "Hora")
        nombrar(lista, "Últimos llamados")
        nombrar(self._cinta, "Mensaje")
        nombrar(self._aviso, "Estado de la conexión")

        self._temporizador = QTimer(self)
        self._temporizador.timeout.connect(self._cada_segundo)
        self._temporizador.start(1000)
        self._desplazar = QTimer(self)
        self._desplazar.timeout.connect(self._mover_cinta)
        if mensaje:
            self._desplazar.start(150)
        self._fin_destello = QTimer(self, singleShot=True)
        self._fin_destello.timeout.connect(lambda: self._pintar(invertido=False))

        fuente.foto.connect(self._foto)
        fuente.cambio.connect(self._cambio)
        fuente.conexion.connect(self._conexion)
        self._cada_segundo()
        self._pintar(invertido=False)

    @property
    def llamado_actual(self) -> Llamado | None:
        return self._llamados[0] if self._llamados else None

    @property
    def textos_ultimos(self) -> list[str]:
        return [f"{codigo.text()} · {ventanilla.text()}" for codigo, ventanilla in self._filas if codigo.text()]

    def fijar_mensaje(self, mensaje: str) -> None:
        self._texto_cinta = mensaje
        self._cinta.setText(mensaje)
        self._cinta.setVisible(bool(mensaje))
        if mensaje:
            self._desplazar.start(150)
        else:
            self._desplazar.stop()

    def _foto(self, foto: dict[str, Any]) -> None:
        llamados = [Llamado.desde_dict(d) for d in foto.get("llamados", [])]
        self._llamados = llamados[:ULTIMOS]
        self._vistos = {ll.secuencia for ll in llamados}
        self._mostrar()

    def _cambio(self, cambio: dict[str, Any]) -> None:
        datos = cambio.get("llamado")
        if not datos:
            return
        llamado = Llamado.desde_dict(datos)
        if llamado.secuencia in self._vistos:
            return
        self._vistos.add(llamado.secuencia)
        self._llamados = [llamado, *self._llamados][:ULTIMOS]
        self._mostrar()
        self._destellar()
        anunciar(self, f"Turno {llamado.codigo}, ventanilla {llamado.ventanilla}")
        if self._anuncios is not None:
            self._anuncios.anunciar(llamado)

    def _sin_sonido(self, mensaje: str) -> None:
        """Un problema de audio se dice en letra pequeña: el llamado igual se ve."""
        self._sonido.setText(mensaje)
        self._sonido.setVisible(bool(mensaje))

    def _conexion(self, disponible: bool, mensaje: str) -> None:
        self._aviso.setText(mensaje)
        self._aviso.setVisible(not disponible)

    def _mostrar(self) -> None:
        actual = self.llamado_actual
        if actual is None:
            self._codigo.setText("—")
            self._ventanilla.setText("Espere su llamado")
        else:
            self._codigo.setText(actual.codigo)
            self._ventanilla.setText(f"Ventanilla {actual.ventanilla}")
            self._codigo.setAccessibleDescription(f"Turno {actual.codigo}, ventanilla {actual.ventanilla}")
        for (codigo, ventanilla), llamado in zip(self._filas, [*self._llamados, *[None] * ULTIMOS], strict=False):
            codigo.setText(llamado.codigo if llamado else "")
            ventanilla.setText(f"Ventanilla {llamado.ventanilla}" if llamado else "")

    def _destellar(self) -> None:
        if self._reloj_destello.isValid() and self._reloj_destello.elapsed() < DESTELLO_MS:
            return
        self._reloj_destello.start()
        self.destellos += 1
        self._pintar(invertido=True)
        self._fin_destello.start(DESTELLO_MS)

    def _pintar(self, *, invertido: bool) -> None:
        c = self._paleta.colores
        fondo, texto, acento = c["fondo"], c["texto"], c["acento"]
        actual_fondo, actual_texto = (acento, c["texto_sobre_acento"]) if invertido else (fondo, acento)
        self.setStyleSheet(
            f"QWidget#pantalla_turnos {{ background-color: {fondo}; }}"
            f"QWidget#pantalla_turnos QLabel {{ color: {texto}; background: transparent; }}"
            f"QFrame#llamado_actual {{ background-color: {actual_fondo}; border: 3px solid {c['borde']}; }}"
            f"QFrame#llamado_actual QLabel {{ color: {actual_texto}; }}"
            f"QFrame#ultimos_llamados {{ border: 3px solid {c['borde']}; }}"
            f"QFrame#fila_llamado {{ border-bottom: 1px solid {c['borde']}; }}"
            f"QLabel#aviso_conexion {{ color: {c['texto_sobre_acento']}; background-color: {c['aviso']};"
            " padding: 8px; }"
        )
        self.setAutoFillBackground(True)

    def _cada_segundo(self) -> None:
        ahora = datetime.now(BOGOTA)
        self._hora.setText(
            f"{ahora:%H:%M}  ·  {_DIAS[ahora.weekday()]} {ahora.day} {_MESES[ahora.month - 1]}"
        )

    def _mover_cinta(self) -> None:
        ciclo = self._texto_cinta + "      ·      "
        self._desfase = (self._desfase + 1) % len(ciclo)
        self._cinta.setText((ciclo[self._desfase :] + ciclo[: self._desfase]) * 3)

    def resizeEvent(self, evento: QResizeEvent) -> None:
        alto = max(1, self.height())
        self._codigo.setFont(_fuente(int(alto * ALTO_CODIGO), negrita=True))
        self._ventanilla.setFont(_fuente(int(alto * 0.10), negrita=True))
        self._rotulo.setFont(_fuente(int(alto * 0.05)))
        self._titulo.setFont(_fuente(int(alto * 0.045), negrita=True))
        self._hora.setFont(_fuente(int(alto * 0.045), negrita=True))
        self._aviso.setFont(_fuente(int(alto * 0.04), negrita=True))
        self._encabezado_lista.setFont(_fuente(int(alto * 0.05), negrita=True))
        for codigo, ventanilla in self._filas:
            codigo.setFont(_fuente(int(alto * 0.06), negrita=True))
            ventanilla.setFont(_fuente(int(alto * 0.045)))
        self._cinta.setFont(_fuente(int(alto * 0.04)))
        self._sonido.setFont(_fuente(int(alto * 0.025)))
        super().resizeEvent(evento)
