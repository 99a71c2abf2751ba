"""Textos cortados: compara lo que mide cada texto con el espacio que su control le deja.

A 200 % de tamaño de texto una ventana debe reacomodarse o desplazarse, nunca cortar letras.
`textos_recortados(ventana)` lo comprueba con las métricas de la fuente de cada etiqueta, botón,
casilla, lista desplegable y campo de texto frente al área de contenido que el estilo vigente
(con la hoja QSS del tema) les da. Un campo de texto puede desplazar su contenido a lo ancho,
así que de él se mide la altura y, si está vacío, el ancho del texto de ejemplo.
"""

from __future__ import annotations

from ventanilla.gui.qt import (
    QCheckBox,
    QComboBox,
    QFontMetrics,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QRect,
    QSize,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    Qt,
    QTextDocument,
    QWidget,
    mightBeRichText,
)

__all__ = ["describir", "textos_recortados"]

_GRANDE = 1_000_000


def describir(widget: QWidget) -> str:
    """Cómo nombrar un control en un mensaje de prueba: su clase y su nombre o texto."""
    nombre = widget.objectName()
    if not nombre:
        texto = getattr(widget, "text", None)
        nombre = texto() if callable(texto) else ""
    return f"{type(widget).__name__} «{nombre}»"


def texto_sin_atajo(texto: str) -> str:
    """El texto de una etiqueta o botón tal como se ve: sin el & que marca su atajo."""
    return texto.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _tamano_de_etiqueta(etiqueta: QLabel, ancho: int) -> QSize:
    """Lo que ocupa el texto de la etiqueta; con ajuste de línea, al ancho disponible."""
    texto = etiqueta.text()
    enriquecido = etiqueta.textFormat() == Qt.TextFormat.RichText or (
        etiqueta.textFormat() == Qt.TextFormat.AutoText and mightBeRichText(texto)
    )
    if enriquecido:
        documento = QTextDocument()
        documento.setDefaultFont(etiqueta.font())
        documento.setDocumentMargin(0)
        documento.setHtml(texto)
        if etiqueta.wordWrap():
            documento.setTextWidth(ancho)
            return QSize(min(ancho, int(documento.idealWidth())), int(documento.size().height()))
        return QSize(int(documento.idealWidth()), int(documento.size().height()))
    metricas = QFontMetrics(etiqueta.font())
    if etiqueta.wordWrap():
        caja = metricas.boundingRect(
            QRect(0, 0, ancho, _GRANDE), int(Qt.TextFlag.TextWordWrap), texto_sin_atajo(texto)
        )
        return caja.size()
    return metricas.boundingRect(QRect(0, 0, _GRANDE, _GRANDE), 0, texto_sin_atajo(texto)).size()


def _revisar_etiqueta(etiqueta: QLabel) -> str | None:
    if not etiqueta.text() or etiqueta.pixmap() is not None and not etiqueta.pixmap().isNull():
        return None
    margen = etiqueta.margin() + max(etiqueta.indent(), 0)
    area = etiqueta.contentsRect().adjusted(margen, margen, -margen, -margen)
    necesita = _tamano_de_etiqueta(etiqueta, area.width())
    return _comparar(etiqueta, necesita, area)


def _revisar_boton(boton: QPushButton | QCheckBox | QRadioButton) -> str | None:
    texto = texto_sin_atajo(boton.text())
    if not texto:
        return None
    opcion = QStyleOptionButton()
    boton.initStyleOption(opcion)
    metricas = QFontMetrics(boton.font())
    if isinstance(boton, QCheckBox):
        elemento = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(boton, QRadioButton):
        elemento = QStyle.SubElement.SE_RadioButtonContents
    else:
        elemento = QStyle.SubElement.SE_PushButtonContents
    area = boton.style().subElementRect(elemento, opcion, boton)
    necesita = metricas.boundingRect(QRect(0, 0, _GRANDE, _GRANDE), 0, texto).size()
    if isinstance(boton, QPushButton) and not boton.icon().isNull():
        necesita.setWidth(necesita.width() + boton.iconSize().width() + 4)
    return _comparar(boton, necesita, area)


def _revisar_campo(campo: QLineEdit) -> str | None:
    opcion = QStyleOptionFrame()
    campo.initStyleOption(opcion)
    area = campo.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opcion, campo)
    area = area.marginsRemoved(campo.textMargins())
    metricas = QFontMetrics(campo.font())
    ancho = metricas.horizontalAdvance(campo.placeholderText()) if not campo.text() else 0
    return _comparar(campo, QSize(ancho, metricas.height()), area)


def _revisar_lista(lista: QComboBox) -> str | None:
    if lista.isEditable() or not lista.currentText():
        return None
    opcion = QStyleOptionComboBox()
    lista.initStyleOption(opcion)
    area = lista.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opcion, QStyle.SubControl.SC_ComboBoxEditField, lista
    )
    metricas = QFontMetrics(lista.font())
    necesita = QSize(metricas.horizontalAdvance(lista.currentText()), metricas.height())
    return _comparar(lista, necesita, area)


def _comparar(widget: QWidget, necesita: QSize, area: QRect) -> str | None:
    if necesita.width() <= area.width() and necesita.height() <= area.height():
        return None
    return (
        f"{describir(widget)}: el texto necesita {necesita.width()}×{necesita.height()} px "
        f"y tiene {area.width()}×{area.height()} px"
    )


def textos_recortados(ventana: QWidget) -> list[str]:
    """Los textos visibles de `ventana` que no caben en su control, uno por línea.

    La ventana debe estar mostrada y distribuida (después de `show()` y de procesar eventos).
    """
    problemas: list[str] = []
    for widget in [ventana, *ventana.findChildren(QWidget)]:
        if not widget.isVisibleTo(ventana) and widget is not ventana:
            continue
        if isinstance(widget, QLabel):
            problema = _revisar_etiqueta(widget)
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            problema = _revisar_boton(widget)
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), QComboBox):
            problema = _revisar_campo(widget)
        elif isinstance(widget, QComboBox):
            problema = _revisar_lista(widget)
        else:
            problema = None
        if problema is not None:
            problemas.append(problema)
    return problemas
