"""Preferencias visuales de quien usa el equipo (tema, tamaño del texto, voz) y sus atajos.

Las preferencias siguen a la persona, no al equipo: quien las guarda y las lee (el almacén,
por usuario, y de ahí la sincronización) se pasa como un par de funciones, de modo que este
módulo no sabe nada de la base de datos. Los atajos funcionan aunque la persona no pueda leer
la pantalla actual: Ctrl+Shift+C cambia el tema y Ctrl+= / Ctrl+- el tamaño, y cada cambio se
anuncia a la tecnología de asistencia.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ventanilla.gui.accesibilidad import anunciar
from ventanilla.gui.qt import QApplication, QKeySequence, QObject, QShortcut, Qt, QWidget, Signal
from ventanilla.gui.temas import (
    ESCALA_MAXIMA,
    ESCALA_MINIMA,
    SISTEMA,
    TEMAS,
    cargar_paleta,
    gestor,
    siguiente_escala,
    siguiente_tema,
)

__all__ = [
    "ATAJOS",
    "Cargar",
    "Guardar",
    "Preferencias",
    "PreferenciasVisuales",
    "instalar_atajos_globales",
]

Cargar = Callable[[], Mapping[str, Any] | None]
Guardar = Callable[[Mapping[str, Any]], None]


@dataclass(frozen=True)
class Preferencias:
    """Tema ("sistema" o uno de TEMAS), escala en % (100–200) y si se leen los avisos en voz alta."""

    tema: str = SISTEMA
    escala: int = ESCALA_MINIMA
    voz: bool = False

    def como_dict(self) -> dict[str, Any]:
        """Lo que se guarda: un diccionario de tipos simples (JSON)."""
        return asdict(self)

    @classmethod
    def desde_dict(cls, datos: Mapping[str, Any] | None) -> Preferencias:
        """Lee lo guardado; lo ausente o inválido vuelve a su valor por omisión."""
        datos = datos or {}
        tema = datos.get("tema", SISTEMA)
        escala = datos.get("escala", ESCALA_MINIMA)
        return cls(
            tema=tema if tema in (SISTEMA, *TEMAS) else SISTEMA,
            escala=(
                min(max(escala, ESCALA_MINIMA), ESCALA_MAXIMA)
                if isinstance(escala, int) and not isinstance(escala, bool)
                else ESCALA_MINIMA
            ),
            voz=datos.get("voz") is True,
        )


class PreferenciasVisuales(QObject):
    """Las preferencias vigentes: las aplica a la aplicación y las guarda al cambiar."""

    cambiadas = Signal(object)
    """Las nuevas `Preferencias`, ya aplicadas y guardadas."""

    def __init__(
        self,
        app: QApplication,
        cargar: Cargar,
        guardar: Guardar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._cargar = cargar
        self._guardar = guardar
        self._actuales = Preferencias()

    @property
    def actuales(self) -> Preferencias:
        """Las preferencias vigentes."""
        return self._actuales

    def cargar(self) -> Preferencias:
        """Lee las preferencias guardadas y las aplica (sin volver a guardarlas)."""
        self._actuales = Preferencias.desde_dict(self._cargar())
        self._aplicar()
        self.cambiadas.emit(self._actuales)
        return self._actuales

    def cambiar_de_usuario(self, cargar: Cargar, guardar: Guardar) -> Preferencias:
        """Otra persona inició sesión: usa su par de funciones y aplica sus preferencias."""
        self._cargar, self._guardar = cargar, guardar
        return self.cargar()

    def fijar(
        self, *, tema: str | None = None, escala: int | None = None, voz: bool | None = None
    ) -> Preferencias:
        """Cambia una o más preferencias, las aplica y las guarda."""
        if tema is not None and tema != SISTEMA:
            cargar_paleta(tema)
        nuevas = Preferencias(
            tema=self._actuales.tema if tema is None else tema,
            escala=self._actuales.escala if escala is None else escala,
            voz=self._actuales.voz if voz is None else voz,
        )
        nuevas = Preferencias.desde_dict(nuevas.como_dict())
        if nuevas == self._actuales:
            return nuevas
        self._actuales = nuevas
        self._aplicar()
        self._guardar(nuevas.como_dict())
        self.cambiadas.emit(nuevas)
        return nuevas

    def ciclar_tema(self) -> str:
        """Pasa al tema siguiente (claro, oscuro, alto contraste oscuro, alto contraste claro)."""
        actual = gestor(self._app).tema_efectivo
        return self.fijar(tema=siguiente_tema(actual)).tema

    def agrandar(self) -> int:
        """Un paso más de tamaño de texto (hasta 200 %)."""
        return self.fijar(escala=siguiente_escala(self._actuales.escala, 1)).escala

    def achicar(self) -> int:
        """Un paso menos de tamaño de texto (hasta 100 %)."""
        return self.fijar(escala=siguiente_escala(self._actuales.escala, -1)).escala

    def restablecer_escala(self) -> int:
        """Vuelve al 100 %."""
        return self.fijar(escala=ESCALA_MINIMA).escala

    def _aplicar(self) -> None:
        gestor(self._app).aplicar(self._actuales.tema, self._actuales.escala)


ATAJOS: tuple[tuple[str, str], ...] = (
    ("Ctrl+Shift+C", "Cambiar el tema de color"),
    ("Ctrl+=", "Agrandar el texto"),
    ("Ctrl++", "Agrandar el texto"),
    ("Ctrl+-", "Achicar el texto"),
    ("Ctrl+0", "Volver al tamaño de texto normal"),
)


def instalar_atajos_globales(
    ventana: QWidget, preferencias: PreferenciasVisuales
) -> list[QShortcut]:
    """Pone en `ventana` los atajos de tema y tamaño; cada ventana de primer nivel lo llama una vez.

    Devuelve los atajos creados (hijos de la ventana). Cada cambio se anuncia al lector de
    pantalla: "Tema: Alto contraste oscuro", "Texto al 150 %".
    """

    def tema() -> None:
        anunciar(ventana, f"Tema: {cargar_paleta(preferencias.ciclar_tema()).nombre}")

    def escala(cambio: Callable[[], int]) -> Callable[[], None]:
        def hacer() -> None:
            anunciar(ventana, f"Texto al {cambio()} %")

        return hacer

    acciones: dict[str, Callable[[], None]] = {
        "Ctrl+Shift+C": tema,
        "Ctrl+=": escala(preferencias.agrandar),
        "Ctrl++": escala(preferencias.agrandar),
        "Ctrl+-": escala(preferencias.achicar),
        "Ctrl+0": escala(preferencias.restablecer_escala),
    }
    atajos = []
    for secuencia, descripcion in ATAJOS:
        atajo = QShortcut(QKeySequence(secuencia), ventana)
        atajo.setContext(Qt.ShortcutContext.WindowShortcut)
        atajo.setWhatsThis(descripcion)
        atajo.activated.connect(acciones[secuencia])
        atajos.append(atajo)
    return atajos
