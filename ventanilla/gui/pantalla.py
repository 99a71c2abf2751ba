"""La pantalla pública de la sala (un televisor, segunda pantalla): el llamado actual enorme, los
últimos cinco llamados, la hora y un mensaje que se desplaza.

El código del turno ocupa al menos el 18 % del alto de la pantalla y el número de ventanilla va
debajo. Un llamado nuevo destella una sola vez (nunca más de tres destellos por segundo, WCAG
2.3.1), suena la campanilla y se dice en voz alta, en orden, cada uno con su turno y su
ventanilla. Si la cola de la sede no responde, la pantalla lo dice en una franja visible.

Tema y tamaño del texto son los de la aplicación y cambian en vivo. La letra de cada zona
(encabezado, llamado actual, últimos llamados) se mide por el alto de la pantalla, se multiplica
por el tamaño del texto y, si la zona no da para tanto, crece solo hasta donde cabe: nada se
corta ni se monta. Cada zona se mide con el texto más ancho que puede mostrar («W-000»,
«Ventanilla 88»), así la letra no salta de tamaño con cada llamado.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtGui import QResizeEvent

from ventanilla.dominio.calendario import BOGOTA
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
    QElapsedTimer,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSize,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.temas import gestor
from ventanilla.turnos.anuncios import ColaAnuncios
from ventanilla.turnos.cola import Llamado
from ventanilla.turnos.fuentes import FuenteTurnos

__all__ = ["ALTO_CODIGO", "NOMBRE_VENTANA", "ULTIMOS", "Pantalla"]

NOMBRE_VENTANA = "Ventanilla — pantalla de turnos"
"""Título de la ventana y nombre con que la presenta un lector de pantalla."""
ALTO_CODIGO = 0.22
"""Alto de la letra del código respecto al de la pantalla (el mínimo acordado es 0,18)."""
ULTIMOS = 5
DESTELLO_MS = 450
"""Un destello dura esto y no empieza otro antes: como mucho ~2 por segundo."""
_DIAS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_MESES = ("ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep.", "oct.", "nov.", "dic.")
_MUESTRAS_HORA = tuple(f"88:88  ·  {dia} 88 {mes}" for dia in _DIAS for mes in _MESES)
_MUESTRA_CODIGO = ("W-000",)
_MUESTRAS_VENTANILLA = ("Ventanilla 88",)
_ESPERA = "Espere su llamado"


class Pantalla(QMainWindow):
    """La pantalla de llamados. `anuncios` dice cada llamado en voz alta (None: en silencio)."""

    def __init__(
        self,
        fuente: FuenteTurnos,
        *,
        anuncios: ColaAnuncios | None = None,
        titulo: str = "Alcaldía de Manizales · Ventanilla Única",
        mensaje: str = "",
        preferencias: PreferenciasVisuales | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(NOMBRE_VENTANA)
        self.setObjectName("pantalla_turnos")
        self._fuente = fuente
        self._anuncios = anuncios
        self._llamados: list[Llamado] = []
        self._vistos: set[int] = set()
        self.destellos = 0
        self._reloj_destello = QElapsedTimer()
        self.factores: dict[str, float] = {"encabezado": 1.0, "actual": 1.0, "lista": 1.0}
        """Cuánto creció la letra de cada zona respecto a su tamaño al 100 %."""

        self._titulo = QLabel(titulo)
        self._titulo.setObjectName("titulo")
        self._hora = etiqueta_vacia()
        self._hora.setObjectName("hora")
        self._hora.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._encabezado = QWidget()
        # Como la cinta, el encabezado no ensancha la ventana: su letra se ajusta a lo que hay.
        self._encabezado.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        arriba = QHBoxLayout(self._encabezado)
        arriba.setContentsMargins(0, 0, 0, 0)
        arriba.addWidget(self._titulo, 1)
        arriba.addWidget(self._hora)
        self._aviso = etiqueta_vacia()
        self._aviso.setObjectName("aviso_conexion")
        self._aviso.setWordWrap(True)
        self._aviso.hide()
        self._rotulo = QLabel("Turno")
        self._codigo = QLabel("—")
        self._codigo.setObjectName("codigo")
        self._ventanilla = QLabel(_ESPERA)
        self._ventanilla.setObjectName("ventanilla")
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
        self._lista = QFrame()
        self._lista.setObjectName("ultimos_llamados")
        derecha = QVBoxLayout(self._lista)
        derecha.addWidget(self._encabezado_lista)
        for _ in range(ULTIMOS):
            fila = QFrame()
            fila.setObjectName("fila_llamado")
            codigo, ventanilla = etiqueta_vacia(), etiqueta_vacia()
            ventanilla.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caja = QHBoxLayout(fila)
            caja.addWidget(codigo)
            caja.addWidget(ventanilla, 1)
            self._filas.append((codigo, ventanilla))
            derecha.addWidget(fila)
        derecha.addStretch(1)
        # Las zonas del centro reparten la pantalla 2:1 sin mirar su letra: la letra se ajusta a ellas.
        for zona in (self._actual, self._lista):
            zona.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

        self._sonido = etiqueta_vacia()
        self._sonido.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._sonido.hide()
        nombrar(self._sonido, "Estado del sonido")
        if anuncios is not None:
            anuncios.estado.connect(self._sin_sonido)
        self._cinta = etiqueta_vacia()
        self._cinta.setText(mensaje)
        self._cinta.setObjectName("cinta")
        self._cinta.setTextFormat(Qt.TextFormat.PlainText)
        self._cinta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._cinta.setVisible(bool(mensaje))
        self._texto_cinta = mensaje
        self._desfase = 0

        centro = QHBoxLayout()
        centro.addWidget(self._actual, 2)
        centro.addWidget(self._lista, 1)
        central = QWidget()
        raiz = QVBoxLayout(central)
        raiz.addWidget(self._encabezado)
        raiz.addWidget(self._aviso)
        raiz.addLayout(centro, 1)
        raiz.addWidget(self._cinta)
        raiz.addWidget(self._sonido)
        self.setCentralWidget(central)

        nombrar(self, NOMBRE_VENTANA)
        nombrar(self._codigo, "Turno llamado")
        nombrar(self._ventanilla, "Ventanilla del turno llamado")
        nombrar(self._hora, "Hora")
        nombrar(self._lista, "Últimos llamados")
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
        if preferencias is not None:
            instalar_atajos_globales(self, preferencias)
        al_redimensionar(self._actual, self._ajustar_actual)
        al_redimensionar(self._lista, self._ajustar_lista)
        gestor(QApplication.instance()).cambiado.connect(self._al_cambiar_tema)  # type: ignore[arg-type]
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
            self._ventanilla.setText(_ESPERA)
        else:
            self._codigo.setText(actual.codigo)
            self._ventanilla.setText(f"Ventanilla {actual.ventanilla}")
            self._codigo.setAccessibleDescription(f"Turno {actual.codigo}, ventanilla {actual.ventanilla}")
        # Con nombre propio, el lector no lee el texto de la etiqueta: va en la descripción.
        self._ventanilla.setAccessibleDescription(self._ventanilla.text())
        for (codigo, ventanilla), llamado in zip(self._filas, [*self._llamados, *[None] * ULTIMOS], strict=False):
            codigo.setText(llamado.codigo if llamado else "")
            ventanilla.setText(f"Ventanilla {llamado.ventanilla}" if llamado else "")
        # Un código de cuatro cifras (más de 999 turnos en el día) sí puede pedir letra menor.
        self._ajustar_actual()
        self._ajustar_lista()

    def _destellar(self) -> None:
        if self._reloj_destello.isValid() and self._reloj_destello.elapsed() < DESTELLO_MS:
            return
        self._reloj_destello.start()
        self.destellos += 1
        self._pintar(invertido=True)
        self._fin_destello.start(DESTELLO_MS)

    def _pintar(self, *, invertido: bool) -> None:
        c = gestor(QApplication.instance()).paleta.colores  # type: ignore[arg-type]
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
        texto = f"{ahora:%H:%M}  ·  {_DIAS[ahora.weekday()]} {ahora.day} {_MESES[ahora.month - 1]}"
        if texto != self._hora.text():
            self._hora.setText(texto)
            self._hora.setAccessibleDescription(texto)

    def _mover_cinta(self) -> None:
        ciclo = self._texto_cinta + "      ·      "
        self._desfase = (self._desfase + 1) % len(ciclo)
        self._cinta.setText((ciclo[self._desfase :] + ciclo[: self._desfase]) * 3)

    # -- tema y tamaño del texto --------------------------------------------------------------

    def _al_cambiar_tema(self, _tema: str, _escala: int) -> None:
        self._pintar(invertido=False)
        self._ajustar_letra()

    def _medida(self, factor: float) -> float:
        """El alto de la ventana por `factor`: la base de cada alto de letra (una fracción de él)."""
        return max(1, self.height()) * factor

    def _ajustar_letra(self) -> None:
        """Las franjas de arriba y de abajo a la escala vigente; las zonas del centro, a la medida."""
        medida = self._medida(escala_vigente())
        self._aviso.setFont(fuente_px(medida * 0.04, negrita=True))
        self._cinta.setFont(fuente_px(medida * 0.04))
        self._sonido.setFont(fuente_px(medida * 0.025))
        self.factores["encabezado"] = mayor_factor(
            escala_vigente(), self._letra_encabezado, self._cabe_encabezado
        )
        self._ajustar_actual()
        self._ajustar_lista()

    def _letra_encabezado(self, factor: float) -> None:
        medida = self._medida(factor)
        self._titulo.setFont(fuente_px(medida * 0.045, negrita=True))
        self._hora.setFont(fuente_px(medida * 0.045, negrita=True))
        reservar_ancho(self._hora, _MUESTRAS_HORA)

    def _cabe_encabezado(self) -> bool:
        raiz = self.centralWidget().layout()
        margenes = raiz.contentsMargins()
        ancho = self.centralWidget().width() - margenes.left() - margenes.right()
        return cabe_en(self._encabezado, QSize(ancho, SIN_LIMITE))

    def _letra_actual(self, factor: float) -> None:
        medida = self._medida(factor)
        self._rotulo.setFont(fuente_px(medida * 0.05))
        self._codigo.setFont(fuente_px(medida * ALTO_CODIGO, negrita=True))
        reservar_ancho(self._codigo, _MUESTRA_CODIGO)
        self._ventanilla.setFont(fuente_px(medida * 0.10, negrita=True))
        reservar_ancho(self._ventanilla, _MUESTRAS_VENTANILLA)

    def _ajustar_actual(self) -> None:
        self.factores["actual"] = mayor_factor(
            escala_vigente(), self._letra_actual, lambda: cabe_en(self._actual, self._actual.size())
        )

    def _letra_lista(self, factor: float) -> None:
        medida = self._medida(factor)
        self._encabezado_lista.setFont(fuente_px(medida * 0.05, negrita=True))
        for codigo, ventanilla in self._filas:
            codigo.setFont(fuente_px(medida * 0.06, negrita=True))
            reservar_ancho(codigo, _MUESTRA_CODIGO)
            ventanilla.setFont(fuente_px(medida * 0.045))
            reservar_ancho(ventanilla, _MUESTRAS_VENTANILLA)

    def _ajustar_lista(self) -> None:
        self.factores["lista"] = mayor_factor(
            escala_vigente(), self._letra_lista, lambda: cabe_en(self._lista, self._lista.size())
        )

    def resizeEvent(self, evento: QResizeEvent) -> None:
        super().resizeEvent(evento)
        self._ajustar_letra()
