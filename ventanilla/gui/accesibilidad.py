"""Ayudas de accesibilidad que usa cada ventana: anunciar, nombrar, etiquetar y revisar.

Un lector de pantalla solo sabe lo que Qt le publica: el nombre accesible (el texto del botón,
la etiqueta compañera del campo o `setAccessibleName`), el rol y los anuncios. Las funciones
`revisar_accesibilidad`, `orden_de_tabulacion` y `textos_recortados` (en `recortes`) las usan
las pruebas de cada ventana para que ninguna llegue sin nombres, fuera de orden o cortada.
"""

from __future__ import annotations

from ventanilla.gui.qt import (
    QAbstractButton,
    QAbstractSpinBox,
    QAccessible,
    QAccessibleAnnouncementEvent,
    QComboBox,
    QLabel,
    QRadioButton,
    Qt,
    QWidget,
)
from ventanilla.gui.recortes import describir, texto_sin_atajo, textos_recortados

__all__ = [
    "anunciar",
    "enfocables",
    "etiquetar",
    "nombrar",
    "nombre_accesible",
    "objetivos_pequenos",
    "orden_de_tabulacion",
    "revisar_accesibilidad",
    "rol_accesible",
    "textos_recortados",
]


def anunciar(widget: QWidget, texto: str, *, asertivo: bool = False) -> None:
    """Pide a la tecnología de asistencia que lea `texto` (un radicado nuevo, un error, un turno).

    Cortés por omisión: espera a que el lector termine; `asertivo` interrumpe (errores que
    impiden seguir). No hace nada si no hay ninguna tecnología de asistencia escuchando.
    """
    evento = QAccessibleAnnouncementEvent(widget, texto)
    evento.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if asertivo
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(evento)


def nombrar(widget: QWidget, nombre: str, descripcion: str | None = None) -> None:
    """Nombre accesible (y descripción, cuando el nombre no basta) de un control."""
    widget.setAccessibleName(nombre)
    if descripcion is not None:
        widget.setAccessibleDescription(descripcion)


def etiquetar(etiqueta: QLabel, campo: QWidget) -> None:
    """Hace de `etiqueta` la compañera de `campo`: le da su nombre accesible y su atajo Alt+letra.

    Qt toma el nombre de la etiqueta compañera para casi todo. Una lista desplegable es
    distinta: en Linux Qt la nombra con el valor elegido y publica la etiqueta como relación
    "etiquetada por" (la que leen Orca y AT-SPI); en Windows usa su nombre propio, así que se le
    copia el texto de la etiqueta.
    """
    etiqueta.setBuddy(campo)
    if isinstance(campo, QComboBox) and not campo.accessibleName():
        campo.setAccessibleName(texto_sin_atajo(etiqueta.text()).strip())


def nombre_accesible(widget: QWidget) -> str:
    """El nombre que verá un lector de pantalla (propio, del texto o de la etiqueta compañera)."""
    interfaz = QAccessible.queryAccessibleInterface(widget)
    return "" if interfaz is None else interfaz.text(QAccessible.Text.Name).strip()


def rol_accesible(widget: QWidget) -> QAccessible.Role:
    """El rol que verá un lector de pantalla (botón, campo de texto, casilla...)."""
    interfaz = QAccessible.queryAccessibleInterface(widget)
    return QAccessible.Role.NoRole if interfaz is None else interfaz.role()


def _es_interno(widget: QWidget) -> bool:
    """El editor que llevan dentro las listas desplegables y los campos numéricos."""
    padre = widget.parentWidget()
    return isinstance(padre, (QComboBox, QAbstractSpinBox))


def _enfocable(widget: QWidget, ventana: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isEnabled()
        and widget.isVisibleTo(ventana)
        and not _es_interno(widget)
    )


def enfocables(ventana: QWidget) -> list[QWidget]:
    """Los controles visibles de `ventana` a los que se llega con Tab."""
    return [w for w in ventana.findChildren(QWidget) if _enfocable(w, ventana)]


def _opcion_saltada(widget: QWidget) -> bool:
    """Tab solo se detiene en la opción marcada de un grupo de opciones excluyentes."""
    if not isinstance(widget, QRadioButton) or widget.isChecked() or not widget.autoExclusive():
        return False
    padre = widget.parentWidget()
    hermanas = padre.findChildren(QRadioButton) if padre is not None else []
    return any(h.isChecked() and h.autoExclusive() for h in hermanas)


def orden_de_tabulacion(ventana: QWidget) -> list[QWidget]:
    """Los controles de `ventana` en el orden en que Tab los recorre, desde el principio."""
    orden: list[QWidget] = []
    actual = ventana.nextInFocusChain()
    while actual is not None and actual is not ventana and len(orden) < 10_000:
        if (
            ventana.isAncestorOf(actual)
            and _enfocable(actual, ventana)
            and not _opcion_saltada(actual)
            and actual not in orden
        ):
            orden.append(actual)
        actual = actual.nextInFocusChain()
    return orden


def objetivos_pequenos(ventana: QWidget, minimo: int = 44) -> list[str]:
    """Los controles visibles de `ventana` que el dedo no alcanza bien: menos de `minimo` px.

    WCAG 2.5.5 pide 44 × 44 px para los objetivos táctiles (el kiosco). La ventana debe estar
    mostrada y distribuida.
    """
    return [
        f"{describir(w)}: mide {w.width()}×{w.height()} px, menos de {minimo}×{minimo}"
        for w in enfocables(ventana)
        if w.width() < minimo or w.height() < minimo
    ]


_ROLES_SIN_SENTIDO = {QAccessible.Role.NoRole, QAccessible.Role.Client}


def revisar_accesibilidad(ventana: QWidget) -> list[str]:
    """Los problemas de accesibilidad que se pueden ver desde dentro, uno por línea.

    Revisa que cada control enfocable tenga nombre y rol accesibles, que los botones de solo
    icono tengan ayuda emergente (una casilla cuyo texto es su etiqueta compañera no lo es) y que
    cada etiqueta con atajo (&) tenga un campo compañero.
    Una lista vacía quiere decir que no encontró nada.
    """
    problemas: list[str] = []
    companeros = [etiqueta.buddy() for etiqueta in ventana.findChildren(QLabel)]
    for widget in enfocables(ventana):
        if not nombre_accesible(widget):
            problemas.append(
                f"{describir(widget)}: sin nombre accesible (use etiquetar() o nombrar())"
            )
        elif (
            isinstance(widget, QComboBox)
            and not widget.accessibleName()
            and widget not in companeros
        ):
            problemas.append(
                f"{describir(widget)}: el lector solo diría el valor elegido (use etiquetar())"
            )
        if rol_accesible(widget) in _ROLES_SIN_SENTIDO:
            problemas.append(f"{describir(widget)}: sin rol accesible propio")
        if (
            isinstance(widget, QAbstractButton)
            and not widget.text()
            and not widget.toolTip()
            and widget not in companeros
        ):
            problemas.append(f"{describir(widget)}: botón sin texto ni ayuda emergente")
    for etiqueta in ventana.findChildren(QLabel):
        texto = etiqueta.text().replace("&&", "")
        if "&" in texto and etiqueta.buddy() is None and etiqueta.isVisibleTo(ventana):
            problemas.append(f"{describir(etiqueta)}: tiene atajo (&) pero ningún campo compañero")
    return problemas
