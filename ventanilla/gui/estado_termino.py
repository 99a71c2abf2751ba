"""Cómo se ve el estado del término de una solicitud: palabra, icono y color, siempre juntos.

El color nunca va solo (INTERFAZ.md): quien no distingue el rojo del verde lee «Vencida» y ve
el triángulo. Los colores salen del tema vigente, así alcanzan el contraste en los cuatro.
Los iconos son de qtawesome (fuentes de iconos: toman el color del tema y crecen con el texto).
"""

from __future__ import annotations

from functools import cache

from ventanilla.dominio.terminos import EstadoTermino as T
from ventanilla.gui.qt import QApplication, QColor, QIcon
from ventanilla.gui.temas import gestor

__all__ = ["color", "icono", "precargar", "preparar_iconos", "texto"]

_APARIENCIA: dict[T, tuple[str, str]] = {
    T.VIGENTE: ("fa6s.clock", "exito"),
    T.POR_VENCER: ("fa6s.hourglass-half", "aviso"),
    T.VENCIDA: ("fa6s.triangle-exclamation", "error"),
    T.RESPONDIDA_A_TIEMPO: ("fa6s.circle-check", "exito"),
    T.RESPONDIDA_FUERA_DE_TERMINO: ("fa6s.circle-exclamation", "error"),
    T.TRASLADADA: ("fa6s.share", "texto_secundario"),
    T.EN_ESPERA_DEL_CIUDADANO: ("fa6s.hourglass-half", "texto_secundario"),
    T.DESISTIDA: ("fa6s.circle-xmark", "texto_secundario"),
    T.SIN_TERMINO: ("fa6s.minus", "texto_secundario"),
    T.ANULADA: ("fa6s.ban", "texto_secundario"),
}


def _paleta_actual() -> str:
    app = QApplication.instance()
    return gestor(app).tema_efectivo if isinstance(app, QApplication) else "claro"


def color(estado: T) -> QColor:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return QColor()
    return gestor(app).paleta.color(_APARIENCIA[estado][1])


@cache
def _icono(nombre: str, tema: str, rgb: str) -> QIcon:
    # qtawesome (y qtpy) cuesta cerca de un segundo de importar: se paga con la primera búsqueda,
    # o antes en segundo plano (`precargar`), nunca en el arranque.
    import qtawesome

    return qtawesome.icon(nombre, color=rgb)


def precargar() -> None:
    """Importa qtawesome (en un hilo de trabajo) para que el primer icono no haga esperar."""
    import qtawesome  # noqa: F401


def preparar_iconos() -> None:
    """Arma los iconos de todos los estados (carga la fuente de iconos) en un momento ocioso,
    en el hilo de la interfaz, para que la primera búsqueda no lo pague."""
    global _LISTOS
    for estado in _APARIENCIA:
        _icono(_APARIENCIA[estado][0], _paleta_actual(), color(estado).name())
    _LISTOS = True


_LISTOS = False


def iconos_listos() -> bool:
    return _LISTOS


def icono(estado: T) -> QIcon:
    """El icono del estado; vacío mientras la fuente de iconos no esté preparada (la palabra y el
    color ya lo dicen), para no esperar en el hilo de la interfaz a que termine de importarse."""
    if not _LISTOS:
        return QIcon()
    return _icono(_APARIENCIA[estado][0], _paleta_actual(), color(estado).name())


def texto(estado: T) -> str:
    return estado.etiqueta
