"""Temas de color y tamaño del texto, aplicados en vivo a toda la aplicación.

Los colores viven solo en `recursos/temas/` (una paleta JSON por tema y una plantilla QSS
común); aquí se leen, se vuelven QPalette + hoja de estilo + fuente y se aplican a la
QApplication, de modo que cada ventana abierta se vuelve a pintar y a distribuir sin reiniciar.
El tema "sistema" sigue el esquema de color y la preferencia de alto contraste que Qt informe.
Las ventanas con partes pintadas a mano se conectan a `gestor(app).cambiado`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template

from ventanilla.gui.qt import (
    QApplication,
    QColor,
    QFont,
    QObject,
    QPalette,
    QStyleFactory,
    Qt,
    QTemporaryDir,
    Signal,
)
from ventanilla.rutas import recurso

__all__ = [
    "ESCALA_MAXIMA",
    "ESCALA_MINIMA",
    "PARES_DE_CONTORNO",
    "PARES_DE_TEXTO",
    "PASOS_ESCALA",
    "PUNTOS_BASE",
    "SISTEMA",
    "TEMAS",
    "GestorTemas",
    "Paleta",
    "aplicar_escala",
    "aplicar_tema",
    "cargar_paleta",
    "escribir_iconos",
    "gestor",
    "hoja_de_estilo",
    "paleta_qt",
    "razon_de_contraste",
    "siguiente_escala",
    "siguiente_tema",
    "tema_del_sistema",
]

TEMAS: tuple[str, ...] = ("claro", "oscuro", "alto_contraste_oscuro", "alto_contraste_claro")
SISTEMA = "sistema"
ESCALA_MINIMA = 100
ESCALA_MAXIMA = 200
PASOS_ESCALA: tuple[int, ...] = (100, 110, 125, 150, 175, 200)
PUNTOS_BASE = 11.0
_FUENTE_DE_RESPALDO = "DejaVu Sans"

# Cada par (primer plano, fondo) que la plantilla QSS y la QPalette llegan a mostrar juntos.
PARES_DE_TEXTO: tuple[tuple[str, str], ...] = (
    *(
        (texto, fondo)
        for texto in (
            "texto",
            "texto_secundario",
            "texto_ejemplo",
            "texto_deshabilitado",
            "acento",
            "error",
            "exito",
            "aviso",
        )
        for fondo in ("fondo", "superficie")
    ),
    ("texto", "resaltado"),
    ("texto_sobre_acento", "acento"),
    ("texto_seleccion", "seleccion"),
)
# Bordes, anillos de foco y contornos de campos inválidos: WCAG 1.4.11 pide 3:1.
PARES_DE_CONTORNO: tuple[tuple[str, str], ...] = (
    *(
        (contorno, fondo)
        for contorno in ("foco", "borde", "error")
        for fondo in ("fondo", "superficie", "resaltado")
    ),
)


@dataclass(frozen=True)
class Paleta:
    """Un tema leído de `recursos/temas/<clave>.json`."""

    clave: str
    nombre: str
    oscuro: bool
    alto_contraste: bool
    grosor_borde: int
    grosor_foco: int
    colores: Mapping[str, str]

    def color(self, rol: str) -> QColor:
        """El color de un rol ("texto", "acento", "foco"...) como QColor."""
        return QColor(self.colores[rol])


@cache
def cargar_paleta(clave: str) -> Paleta:
    """Lee la paleta de un tema; `clave` es uno de TEMAS."""
    if clave not in TEMAS:
        raise ValueError(f"No existe el tema «{clave}». Los temas son: {', '.join(TEMAS)}.")
    datos = json.loads(recurso("temas", f"{clave}.json").read_text(encoding="utf-8"))
    return Paleta(
        clave=clave,
        nombre=datos["nombre"],
        oscuro=bool(datos["oscuro"]),
        alto_contraste=bool(datos["alto_contraste"]),
        grosor_borde=int(datos["grosor_borde"]),
        grosor_foco=int(datos["grosor_foco"]),
        colores=dict(datos["colores"]),
    )


def _luminancia(color: str) -> float:
    """Luminancia relativa de WCAG 2.1 de un color #RRGGBB."""

    def canal(valor: int) -> float:
        c = valor / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(color)
    return 0.2126 * canal(q.red()) + 0.7152 * canal(q.green()) + 0.0722 * canal(q.blue())


def razon_de_contraste(primero: str, segundo: str) -> float:
    """Razón de contraste de WCAG 2.1 entre dos colores (de 1 a 21)."""
    claro, oscuro = sorted((_luminancia(primero), _luminancia(segundo)), reverse=True)
    return (claro + 0.05) / (oscuro + 0.05)


def tema_del_sistema(esquema: Qt.ColorScheme, contraste: Qt.ContrastPreference) -> str:
    """El tema que corresponde a lo que informa el sistema operativo."""
    oscuro = esquema == Qt.ColorScheme.Dark
    if contraste == Qt.ContrastPreference.HighContrast:
        return "alto_contraste_oscuro" if oscuro else "alto_contraste_claro"
    return "oscuro" if oscuro else "claro"


def siguiente_tema(actual: str) -> str:
    """El tema que sigue en el ciclo de Ctrl+Shift+C; desde "sistema" empieza en claro."""
    if actual not in TEMAS:
        return TEMAS[0]
    return TEMAS[(TEMAS.index(actual) + 1) % len(TEMAS)]


def siguiente_escala(actual: int, sentido: int) -> int:
    """El paso de escala siguiente (sentido 1) o anterior (sentido -1), sin salir de 100–200."""
    if sentido > 0:
        return next((p for p in PASOS_ESCALA if p > actual), ESCALA_MAXIMA)
    return next((p for p in reversed(PASOS_ESCALA) if p < actual), ESCALA_MINIMA)


def _medidas(paleta: Paleta, escala: int) -> dict[str, str]:
    """Rellenos, radios y tamaños en píxeles para la escala dada (crecen con el texto)."""
    f = escala / 100
    px = {
        "relleno_v": round(4 * f),
        "relleno_h": round(8 * f),
        "relleno_boton": round(14 * f),
        "relleno_grupo": round(10 * f),
        "margen_grupo": round(22 * f),
        "radio": 0 if paleta.alto_contraste else round(4 * f),
        "indicador": round(16 * f),
        "flecha": round(20 * f),
        "flecha_dibujo": round(12 * f),
    }
    # El anillo de foco engorda con el texto: 1 px más al 150 % y 2 px más al 200 %.
    grosor_foco = paleta.grosor_foco + (escala - ESCALA_MINIMA) // 50
    diferencia = grosor_foco - paleta.grosor_borde
    for clave in ("relleno_v", "relleno_h", "relleno_boton"):
        px[f"{clave}_foco"] = max(0, px[clave] - diferencia)
    px["radio_opcion"] = (px["indicador"] + 2 * paleta.grosor_borde) // 2
    valores = {clave: str(valor) for clave, valor in px.items()}
    valores["grosor_borde"] = str(paleta.grosor_borde)
    valores["grosor_foco"] = str(grosor_foco)
    valores["titulo_pt"] = f"{PUNTOS_BASE * f * 1.6:.1f}"
    valores["subtitulo_pt"] = f"{PUNTOS_BASE * f * 1.25:.1f}"
    return valores


# Iconos que la hoja QSS dibuja: (plantilla SVG en recursos/temas/iconos, rol de su color).
_ICONOS: dict[str, tuple[str, str]] = {
    "flecha_abajo": ("flecha_abajo", "texto"),
    "flecha_abajo_deshabilitada": ("flecha_abajo", "texto_deshabilitado"),
    "flecha_arriba": ("flecha_arriba", "texto"),
    "flecha_arriba_deshabilitada": ("flecha_arriba", "texto_deshabilitado"),
    "marca": ("marca", "texto_sobre_acento"),
}


def escribir_iconos(paleta: Paleta, carpeta: Path) -> dict[str, str]:
    """Colorea los iconos SVG de la hoja con el tema, los escribe en `carpeta` y da sus url()."""
    urls = {}
    for nombre, (plantilla, rol) in _ICONOS.items():
        svg = Template(recurso("temas", "iconos", f"{plantilla}.svg").read_text(encoding="utf-8"))
        destino = carpeta / f"{paleta.clave}-{nombre}.svg"
        destino.write_text(svg.substitute(color=paleta.colores[rol]), encoding="utf-8")
        urls[f"icono_{nombre}"] = f'url("{destino.as_posix()}")'
    return urls


def hoja_de_estilo(paleta: Paleta, escala: int, iconos: Mapping[str, str]) -> str:
    """La plantilla QSS con los colores del tema, las medidas de la escala y los iconos."""
    plantilla = Template(recurso("temas", "plantilla.qss").read_text(encoding="utf-8"))
    return plantilla.substitute({**paleta.colores, **_medidas(paleta, escala), **iconos})


def paleta_qt(paleta: Paleta) -> QPalette:
    """La QPalette del tema, para lo que Qt pinta sin hoja de estilo."""
    c = paleta.color
    qp = QPalette()
    roles = {
        QPalette.ColorRole.Window: "fondo",
        QPalette.ColorRole.WindowText: "texto",
        QPalette.ColorRole.Base: "fondo",
        QPalette.ColorRole.AlternateBase: "superficie",
        QPalette.ColorRole.Text: "texto",
        QPalette.ColorRole.PlaceholderText: "texto_ejemplo",
        QPalette.ColorRole.Button: "superficie",
        QPalette.ColorRole.ButtonText: "texto",
        QPalette.ColorRole.BrightText: "error",
        QPalette.ColorRole.Highlight: "seleccion",
        QPalette.ColorRole.HighlightedText: "texto_seleccion",
        QPalette.ColorRole.Link: "acento",
        QPalette.ColorRole.LinkVisited: "acento",
        QPalette.ColorRole.ToolTipBase: "superficie",
        QPalette.ColorRole.ToolTipText: "texto",
        QPalette.ColorRole.Accent: "acento",
        QPalette.ColorRole.Light: "fondo",
        QPalette.ColorRole.Midlight: "superficie",
        QPalette.ColorRole.Mid: "borde",
        QPalette.ColorRole.Dark: "borde",
        QPalette.ColorRole.Shadow: "texto",
    }
    for rol_qt, rol in roles.items():
        qp.setColor(rol_qt, c(rol))
    for rol_qt in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        qp.setColor(QPalette.ColorGroup.Disabled, rol_qt, c("texto_deshabilitado"))
    return qp


class GestorTemas(QObject):
    """Tema y escala vigentes de una QApplication; uno por aplicación (ver `gestor`)."""

    cambiado = Signal(str, int)
    """Clave del tema efectivo y escala en %, después de aplicarlos."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("gestor_temas")
        self._app = app
        self._familia = app.font().family()
        self._puntos_iniciales = app.font().pointSizeF()
        self._tema = SISTEMA
        self._escala = ESCALA_MINIMA
        pistas = app.styleHints()
        self._esquema = pistas.colorScheme()
        self._contraste = pistas.accessibility().contrastPreference()
        pistas.colorSchemeChanged.connect(self._al_cambiar_esquema)
        pistas.accessibility().contrastPreferenceChanged.connect(self._al_cambiar_contraste)
        self._iconos = QTemporaryDir()
        self._estilo_inicial = app.style().name()
        app.setStyle(QStyleFactory.create("Fusion"))

    @property
    def tema(self) -> str:
        """El tema elegido: uno de TEMAS o "sistema"."""
        return self._tema

    @property
    def tema_efectivo(self) -> str:
        """El tema que se ve: el elegido o el que corresponde al sistema."""
        if self._tema == SISTEMA:
            return tema_del_sistema(self._esquema, self._contraste)
        return self._tema

    @property
    def escala(self) -> int:
        """Tamaño del texto en % (100–200)."""
        return self._escala

    @property
    def paleta(self) -> Paleta:
        """La paleta del tema efectivo, para pintar a mano con sus colores."""
        return cargar_paleta(self.tema_efectivo)

    def aplicar(self, tema: str, escala: int) -> str:
        """Aplica tema (o "sistema") y escala de una vez; devuelve la clave del tema efectivo."""
        if tema != SISTEMA:
            cargar_paleta(tema)
        if not ESCALA_MINIMA <= escala <= ESCALA_MAXIMA:
            raise ValueError(
                f"El tamaño del texto va de {ESCALA_MINIMA} a {ESCALA_MAXIMA} %, no {escala} %."
            )
        self._tema = tema
        self._escala = int(escala)
        self._aplicar()
        return self.tema_efectivo

    def aplicar_tema(self, nombre: str) -> str:
        """Aplica un tema (o "sistema") y devuelve la clave del tema efectivo."""
        return self.aplicar(nombre, self._escala)

    def aplicar_escala(self, porcentaje: int) -> int:
        """Aplica un tamaño de texto entre 100 y 200 % y lo devuelve."""
        self.aplicar(self._tema, porcentaje)
        return self._escala

    def _aplicar(self) -> None:
        paleta = self.paleta
        fuente = QFont(self._app.font())
        fuente.setFamilies([self._familia, _FUENTE_DE_RESPALDO])
        fuente.setPointSizeF(PUNTOS_BASE * self._escala / 100)
        self._app.setPalette(paleta_qt(paleta))
        self._app.setFont(fuente)
        iconos = escribir_iconos(paleta, Path(self._iconos.path()))
        self._app.setStyleSheet(hoja_de_estilo(paleta, self._escala, iconos))
        self.cambiado.emit(paleta.clave, self._escala)

    def retirar(self) -> None:
        """Deja de seguir al sistema, quita hoja, paleta y escala, y se elimina."""
        pistas = self._app.styleHints()
        pistas.colorSchemeChanged.disconnect(self._al_cambiar_esquema)
        pistas.accessibility().contrastPreferenceChanged.disconnect(self._al_cambiar_contraste)
        self._app.setStyleSheet("")
        self._app.setStyle(QStyleFactory.create(self._estilo_inicial))
        self._app.setPalette(QPalette())
        fuente = QFont(self._app.font())
        fuente.setFamily(self._familia)
        fuente.setPointSizeF(self._puntos_iniciales)
        self._app.setFont(fuente)
        self.setParent(None)
        self.deleteLater()

    def _al_cambiar_esquema(self, esquema: Qt.ColorScheme) -> None:
        self._esquema = esquema
        if self._tema == SISTEMA:
            self._aplicar()

    def _al_cambiar_contraste(self, contraste: Qt.ContrastPreference) -> None:
        self._contraste = contraste
        if self._tema == SISTEMA:
            self._aplicar()


def gestor(app: QApplication) -> GestorTemas:
    """El gestor de temas de la aplicación; se crea la primera vez."""
    existente = app.findChild(GestorTemas, "gestor_temas")
    return existente if existente is not None else GestorTemas(app)


def retirar_temas(app: QApplication) -> None:
    """Quita tema, escala y gestor: la aplicación vuelve al aspecto de Qt sin tema (pruebas)."""
    existente = app.findChild(GestorTemas, "gestor_temas")
    if existente is not None:
        existente.retirar()


def aplicar_tema(app: QApplication, nombre: str) -> str:
    """Aplica un tema (uno de TEMAS o "sistema") a toda la aplicación; devuelve el efectivo."""
    return gestor(app).aplicar_tema(nombre)


def aplicar_escala(app: QApplication, porcentaje: int) -> int:
    """Aplica el tamaño del texto (100–200 %) a toda la aplicación."""
    return gestor(app).aplicar_escala(porcentaje)
