"""Letra a la medida de la pantalla y del tamaño del texto, sin cortarse.

El kiosco y la pantalla de turnos miden su letra en fracciones del alto de su pantalla (se leen
con el dedo o desde el otro lado de la sala) y la multiplican por el tamaño del texto elegido
(100–200 %). Cuando una zona ya no da para tanto, `mayor_factor` busca el mayor factor con el
que todo lo de la zona cabe: la letra crece hasta donde hay espacio y nunca se corta.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ventanilla.gui.qt import QApplication, QEvent, QFont, QLabel, QObject, QSize, QWidget
from ventanilla.gui.temas import gestor

__all__ = [
    "FACTOR_MINIMO",
    "SIN_LIMITE",
    "al_redimensionar",
    "cabe_en",
    "escala_vigente",
    "etiqueta_vacia",
    "fuente_px",
    "mayor_factor",
    "reservar_ancho",
]

FACTOR_MINIMO = 0.5
"""Lo menos que se achica la letra de una zona respecto a su tamaño al 100 % (ventanas diminutas)."""
_PRECISION = 0.02
SIN_LIMITE = 16_777_215
"""El alto (o ancho) más grande que admite un widget de Qt: «sin límite» para `cabe_en`."""


def fuente_px(pixeles: float, negrita: bool = False) -> QFont:
    """La fuente de la aplicación a `pixeles` de alto (nunca menos de 8)."""
    fuente = QFont()
    fuente.setPixelSize(max(8, int(pixeles)))
    fuente.setBold(negrita)
    return fuente


def etiqueta_vacia() -> QLabel:
    """Una etiqueta todavía sin texto que, aun vacía, mide su alto con la letra que se le ponga.

    Una `QLabel()` que nunca tuvo texto no se entera de los cambios de letra (su tamaño sugerido se
    queda con la primera) y la medida de su zona saldría errada.
    """
    etiqueta = QLabel(" ")
    etiqueta.setText("")
    return etiqueta


def reservar_ancho(etiqueta: QLabel, muestras: Iterable[str]) -> None:
    """Deja a `etiqueta` el ancho del más ancho de los textos que puede mostrar, con su letra actual.

    Así la letra se mide una vez para todos ellos y no cambia de tamaño con cada texto nuevo.
    """
    metricas = etiqueta.fontMetrics()
    anchos = (max(metricas.horizontalAdvance(t), metricas.boundingRect(t).width()) for t in muestras)
    etiqueta.setMinimumWidth(max(anchos))


def escala_vigente() -> float:
    """El tamaño del texto de la aplicación como factor: 1,0 al 100 %, 2,0 al 200 %."""
    return gestor(QApplication.instance()).escala / 100  # type: ignore[arg-type]


def cabe_en(contenido: QWidget, tamano: QSize) -> bool:
    """Si lo que dispone `contenido` (su layout) cabe en `tamano` sin apretar a nadie.

    Mira el ancho mínimo y, para ese ancho, el alto que piden los textos que parten líneas. Para
    medir solo a lo ancho, pase el alto `SIN_LIMITE`.
    """
    # Qt pone al día los tamaños de los widgets anidados en la siguiente vuelta del ciclo de
    # eventos; aquí se hace ya, de adentro hacia afuera, para medir con la letra recién puesta.
    for hijo in reversed(contenido.findChildren(QWidget)):
        if hijo.layout() is not None:
            hijo.layout().activate()
    disposicion = contenido.layout()
    disposicion.invalidate()
    minimo = disposicion.totalMinimumSize()
    if minimo.width() > tamano.width():
        return False
    alto = (
        disposicion.totalMinimumHeightForWidth(tamano.width())
        if disposicion.hasHeightForWidth()
        else minimo.height()
    )
    return alto <= tamano.height()


def mayor_factor(
    maximo: float,
    aplicar: Callable[[float], None],
    cabe: Callable[[], bool],
    minimo: float = FACTOR_MINIMO,
) -> float:
    """Aplica y devuelve el mayor factor entre `minimo` y `maximo` con el que `cabe()`.

    `aplicar(factor)` pone la letra de la zona a ese factor; si ni `minimo` cabe, queda `minimo`.
    """
    aplicar(maximo)
    if cabe():
        return maximo
    bajo, alto = minimo, maximo
    while alto - bajo > _PRECISION:
        medio = (bajo + alto) / 2
        aplicar(medio)
        if cabe():
            bajo = medio
        else:
            alto = medio
    aplicar(bajo)
    return bajo


class _Vigia(QObject):
    def __init__(self, vigilado: QWidget, funcion: Callable[[], None]) -> None:
        super().__init__(vigilado)
        self._funcion = funcion
        vigilado.installEventFilter(self)

    def eventFilter(self, _objeto: QObject, evento: QEvent) -> bool:
        if evento.type() == QEvent.Type.Resize:
            self._funcion()
        return False


def al_redimensionar(widget: QWidget, funcion: Callable[[], None]) -> None:
    """Llama a `funcion` cada vez que `widget` cambia de tamaño."""
    _Vigia(widget, funcion)
