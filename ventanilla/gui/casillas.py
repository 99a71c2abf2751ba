"""Casillas de verificación cuyo texto se parte en líneas.

Qt nunca parte el texto de un `QCheckBox`: una casilla como «Atención prioritaria: evita un
perjuicio irremediable…» mide lo que mide su texto en una sola línea, y al 200 % eso basta para
que el formulario sea más ancho que la pantalla. `partir_texto(casilla)` deja la casilla sin texto
propio y pone a su lado una etiqueta que sí parte el suyo, como el `<label>` de HTML:

- la casilla conserva su objectName, su estado, sus señales, su anillo de foco y su lugar en el
  orden de Tab; su nombre accesible es el texto entero (sin el &), así el lector de pantalla la
  sigue encontrando y leyendo igual;
- la etiqueta es su compañera (`setBuddy`): Alt+letra lleva el foco a la casilla, y pulsar la
  etiqueta con el puntero marca o desmarca la casilla;
- la etiqueta se ve deshabilitada cuando la casilla lo está, lleva su ayuda emergente y se oculta
  con ella.

Se hace al armar la ventana, y no en el `.ui`, porque el `.ui` sigue diciendo lo que el formulario
es (una casilla con su texto, que Designer muestra tal cual), el mismo paso sirve a los
formularios que se arman en Python, y lo que la etiqueta hace (marcar al pulsarla, seguir el
estado de la casilla) necesita código de todos modos. Debe hacerse antes de que `reacomodo`
guarde las posiciones de una rejilla: la casilla deja su lugar en la disposición a una fila nueva
(casilla y etiqueta), y `reacomodo` guarda los elementos que encuentra la primera vez.
"""

from __future__ import annotations

from ventanilla.gui.qt import (
    QCheckBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QMouseEvent,
    QObject,
    QRect,
    QSize,
    QStyle,
    QStyleOptionButton,
    Qt,
    QWidget,
)
from ventanilla.gui.recortes import texto_sin_atajo

__all__ = ["EtiquetaDeCasilla", "partir_texto", "partir_textos"]

_GRANDE = 1_000_000
_CAMBIOS_QUE_MUEVEN_LA_CASILLA = (
    QEvent.Type.Resize,
    QEvent.Type.StyleChange,
    QEvent.Type.FontChange,
)


class EtiquetaDeCasilla(QLabel):
    """El texto de una casilla, partido en líneas; pulsarlo marca o desmarca la casilla."""

    def __init__(self, casilla: QCheckBox, texto: str, parent: QWidget) -> None:
        super().__init__(texto, parent)
        self.casilla = casilla
        self.setObjectName(f"e_{casilla.objectName()}")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBuddy(casilla)
        self.setEnabled(casilla.isEnabled())
        self.setToolTip(casilla.toolTip())
        casilla.installEventFilter(self)

    def sizeHint(self) -> QSize:
        """El texto en una sola línea, como lo pediría la casilla: se parte solo si la
        disposición no le da ese ancho (QLabel, con `wordWrap`, lo partiría aunque sobrara)."""
        linea = self.fontMetrics().boundingRect(
            QRect(0, 0, _GRANDE, _GRANDE), Qt.TextFlag.TextShowMnemonic, self.text()
        )
        margenes = self.contentsMargins()
        ancho = linea.width() + margenes.left() + margenes.right()
        return QSize(ancho, self.heightForWidth(ancho))

    def mousePressEvent(self, evento: QMouseEvent) -> None:
        if evento.button() == Qt.MouseButton.LeftButton:
            evento.accept()
        else:
            super().mousePressEvent(evento)

    def mouseReleaseEvent(self, evento: QMouseEvent) -> None:
        dentro = self.rect().contains(evento.position().toPoint())
        if evento.button() == Qt.MouseButton.LeftButton and dentro and self.casilla.isEnabled():
            self.casilla.setFocus(Qt.FocusReason.MouseFocusReason)
            self.casilla.click()
            evento.accept()
        else:
            super().mouseReleaseEvent(evento)

    def changeEvent(self, evento: QEvent) -> None:
        super().changeEvent(evento)
        if evento.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._alinear()

    def eventFilter(self, vigilado: QObject, evento: QEvent) -> bool:
        """Sigue a la casilla: habilitada, ayuda emergente, visible y medidas del tema."""
        tipo = evento.type()
        if tipo == QEvent.Type.EnabledChange:
            self.setEnabled(self.casilla.isEnabled())
        elif tipo == QEvent.Type.ToolTipChange:
            self.setToolTip(self.casilla.toolTip())
        elif tipo in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.parentWidget().setVisible(tipo == QEvent.Type.ShowToParent)
        elif tipo in _CAMBIOS_QUE_MUEVEN_LA_CASILLA:
            self._alinear()
        return False

    def _alinear(self) -> None:
        """La casilla, del ancho de su cuadro (el anillo de foco lo rodea parejo); la primera
        línea, centrada en el cuadro y a la distancia que el tema da entre cuadro y texto (la
        `spacing` de la hoja), como si fuera el texto de la casilla."""
        opcion = QStyleOptionButton()
        self.casilla.initStyleOption(opcion)
        estilo = self.casilla.style()
        casilla = self.casilla
        cuadro = estilo.subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opcion, casilla)
        separacion = estilo.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, opcion, casilla)
        ancho = 2 * cuadro.x() + cuadro.width()
        if casilla.maximumWidth() != ancho:
            casilla.setFixedWidth(ancho)
        izquierda = max(0, separacion - cuadro.x())
        arriba = max(0, round(cuadro.y() + cuadro.height() / 2 - self.fontMetrics().height() / 2))
        if self.contentsMargins().left() != izquierda or self.contentsMargins().top() != arriba:
            self.setContentsMargins(izquierda, arriba, 0, 0)


def partir_texto(casilla: QCheckBox) -> EtiquetaDeCasilla:
    """Pasa el texto de `casilla` a una etiqueta que lo parte en líneas, en el mismo lugar.

    La casilla debe estar ya en la disposición de su padre (la de un `.ui` cargado, o una armada
    en Python).
    """
    padre = casilla.parentWidget()
    disposicion = padre.layout() if padre is not None else None
    fila = QWidget(padre)
    fila.setObjectName(f"fila_{casilla.objectName()}")
    if disposicion is None or disposicion.replaceWidget(casilla, fila) is None:
        fila.deleteLater()
        raise ValueError(f"La casilla «{casilla.objectName()}» no está en ninguna disposición")
    texto = casilla.text()
    if not casilla.accessibleName():
        casilla.setAccessibleName(texto_sin_atajo(texto))
    casilla.setText("")
    filas = QHBoxLayout(fila)
    filas.setContentsMargins(0, 0, 0, 0)
    filas.setSpacing(0)
    filas.addWidget(casilla, 0, Qt.AlignmentFlag.AlignTop)
    etiqueta = EtiquetaDeCasilla(casilla, texto, fila)
    filas.addWidget(etiqueta, 1)
    if casilla.isHidden() and casilla.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
        fila.hide()
    return etiqueta


def partir_textos(contenedor: QWidget) -> list[EtiquetaDeCasilla]:
    """`partir_texto` en cada casilla con texto dentro de `contenedor`."""
    return [partir_texto(c) for c in contenedor.findChildren(QCheckBox) if c.text()]
