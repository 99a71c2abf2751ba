"""El kiosco de turnos: el ciudadano toca su trámite y se lleva el turno impreso.

Pensado para el dedo y para quien ve poco: botones enormes (nunca menos de 44 px, aquí mucho
más), alto contraste por defecto, pocas palabras. La atención preferencial es un botón aparte
que pide la razón (Ley 1437 art. 5); el número de documento es opcional. El turno se muestra en
pantalla y se imprime en el rollo de 80 mm; a los pocos segundos el kiosco vuelve al inicio.
El documento nunca viaja en el evento del turno: si el equipo conoce al ciudadano, el turno lleva
solo su id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import qtawesome
from PySide6.QtGui import QIntValidator, QResizeEvent

from ventanilla.dominio.turnos import CATEGORIAS_PREFERENCIALES
from ventanilla.gui.accesibilidad import anunciar, nombrar
from ventanilla.gui.qt import (
    QApplication,
    QFont,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPalette,
    QPushButton,
    QSize,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.temas import GestorTemas
from ventanilla.turnos.fuentes import FuenteTurnos

__all__ = ["ALTO_MINIMO_BOTON", "MAX_SERVICIOS", "VOLVER_MS", "Kiosko"]

ALTO_MINIMO_BOTON = 88
"""Alto mínimo de un botón del kiosco en píxeles (el mínimo de WCAG 2.5.5 es 44)."""
MAX_SERVICIOS = 8
VOLVER_MS = 12_000

Impresora = Callable[[dict[str, Any], str], None]
"""Imprime el turno (el dict que devuelve la cola) con el nombre de su servicio."""


def _fuente(pixeles: int, negrita: bool = False) -> QFont:
    fuente = QFont()
    fuente.setPixelSize(max(8, pixeles))
    fuente.setBold(negrita)
    return fuente


class Kiosko(QWidget):
    """Elegir trámite → ver e imprimir el turno → volver al inicio."""

    def __init__(
        self,
        fuente: FuenteTurnos,
        *,
        imprimir: Impresora | None = None,
        resolver_ciudadano: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ventanilla · Turnos")
        self._fuente = fuente
        self._imprimir = imprimir
        self._resolver = resolver_ciudadano
        self._categoria: str | None = None
        self._esperando = False
        self.ultimo_turno: dict[str, Any] | None = None

        self._paginas = QStackedWidget()
        self._paginas.addWidget(self._pagina_inicio())
        self._paginas.addWidget(self._pagina_turno())
        self._estado = QLabel()
        self._estado.setWordWrap(True)
        self._estado.setProperty("rol", "aviso")
        nombrar(self._estado, "Mensajes del kiosco")
        raiz = QVBoxLayout(self)
        raiz.setContentsMargins(32, 24, 32, 24)
        raiz.addWidget(self._paginas, 1)
        raiz.addWidget(self._estado)

        self._volver = QTimer(self, singleShot=True)
        self._volver.timeout.connect(self.reiniciar)
        fuente.foto.connect(self._foto)
        fuente.conexion.connect(self._conexion)
        fuente.resultado.connect(self._resultado)
        nombrar(self, "Kiosco de turnos")

    def _pagina_inicio(self) -> QWidget:
        pagina = QWidget()
        self._bienvenida = QLabel("Bienvenido. Toque el trámite que viene a hacer")
        self._bienvenida.setWordWrap(True)
        self._bienvenida.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._rejilla = QGridLayout()
        self._rejilla.setSpacing(20)
        self._botones: list[QPushButton] = []

        self._preferencial = QPushButton("Atención preferencial")
        self._preferencial.setCheckable(True)
        self._preferencial.setMinimumHeight(ALTO_MINIMO_BOTON)
        self._preferencial.toggled.connect(self._alternar_preferencial)
        nombrar(self._preferencial, "Atención preferencial",
                "Para personas con discapacidad, niños, gestantes, adultos mayores y veteranos")
        self._razones = QWidget()
        razones = QGridLayout(self._razones)
        razones.setContentsMargins(0, 0, 0, 0)
        razones.setSpacing(12)
        self._botones_razon: dict[str, QPushButton] = {}
        for i, (clave, nombre) in enumerate(CATEGORIAS_PREFERENCIALES.items()):
            boton = QPushButton(nombre)
            boton.setCheckable(True)
            boton.setMinimumHeight(ALTO_MINIMO_BOTON * 3 // 4)
            boton.clicked.connect(lambda _c=False, k=clave: self._elegir_razon(k))
            nombrar(boton, f"Razón de la atención preferencial: {nombre}")
            self._botones_razon[clave] = boton
            razones.addWidget(boton, i // 3, i % 3)
        self._razones.hide()

        self._documento = QLineEdit()
        self._documento.setPlaceholderText("Su número de documento (opcional)")
        self._documento.setValidator(QIntValidator(0, 2_000_000_000, self._documento))
        self._documento.setMinimumHeight(ALTO_MINIMO_BOTON * 3 // 4)
        nombrar(self._documento, "Número de documento, opcional")
        etiqueta_doc = QLabel("Documento:")
        self._etiqueta_doc = etiqueta_doc
        etiqueta_doc.setBuddy(self._documento)
        fila_doc = QHBoxLayout()
        fila_doc.addWidget(etiqueta_doc)
        fila_doc.addWidget(self._documento, 1)

        caja = QVBoxLayout(pagina)
        caja.setContentsMargins(0, 0, 0, 0)  # los márgenes ya los pone la ventana: así cabe en 768 px
        caja.addWidget(self._bienvenida)
        caja.addLayout(self._rejilla, 1)
        caja.addWidget(self._preferencial)
        caja.addWidget(self._razones)
        caja.addLayout(fila_doc)
        return pagina

    def _pagina_turno(self) -> QWidget:
        pagina = QWidget()
        self._su_turno = QLabel("Su turno es")
        self._codigo = QLabel()
        self._servicio = QLabel()
        self._antes = QLabel()
        self._impresion = QLabel()
        for etiqueta in (self._su_turno, self._codigo, self._servicio, self._antes, self._impresion):
            etiqueta.setAlignment(Qt.AlignmentFlag.AlignCenter)
            etiqueta.setWordWrap(True)
        nombrar(self._codigo, "Código de su turno")
        self._listo = QPushButton("Listo")
        self._listo.setProperty("rol", "primario")
        self._listo.setMinimumHeight(ALTO_MINIMO_BOTON)
        self._listo.clicked.connect(self.reiniciar)
        nombrar(self._listo, "Listo, volver al inicio")
        caja = QVBoxLayout(pagina)
        caja.addStretch(1)
        for etiqueta in (self._su_turno, self._codigo, self._servicio, self._antes, self._impresion):
            caja.addWidget(etiqueta)
        caja.addStretch(1)
        caja.addWidget(self._listo)
        return pagina

    @property
    def botones_servicio(self) -> list[QPushButton]:
        return list(self._botones)

    @property
    def boton_preferencial(self) -> QPushButton:
        return self._preferencial

    @property
    def botones_razon(self) -> dict[str, QPushButton]:
        return dict(self._botones_razon)

    @property
    def campo_documento(self) -> QLineEdit:
        return self._documento

    @property
    def mensaje(self) -> str:
        return self._estado.text()

    @property
    def mostrando_turno(self) -> bool:
        return self._paginas.currentIndex() == 1

    def _foto(self, foto: dict[str, Any]) -> None:
        for boton in self._botones:
            self._rejilla.removeWidget(boton)
            boton.deleteLater()
        self._botones = []
        servicios = list(foto.get("servicios", []))[:MAX_SERVICIOS]
        columnas = 2 if len(servicios) > 3 else 1
        for i, servicio in enumerate(servicios):
            boton = QPushButton(f"{servicio['letra']}   {servicio['nombre']}")
            boton.setProperty("icono", servicio.get("icono") or "")
            boton.setMinimumHeight(ALTO_MINIMO_BOTON)
            boton.setProperty("rol", "primario")
            boton.clicked.connect(lambda _c=False, s=servicio: self._pedir(s))
            nombrar(boton, servicio["nombre"], f"Pedir un turno de {servicio['nombre']}")
            self._botones.append(boton)
            self._rejilla.addWidget(boton, i // columnas, i % columnas)
        self._ajustar_letra()

    def _conexion(self, disponible: bool, mensaje: str) -> None:
        for boton in self._botones:
            boton.setEnabled(disponible)
        self._estado.setText(
            "" if disponible else f"{mensaje} Por ahora pida su turno al funcionario de la entrada."
        )

    def _alternar_preferencial(self, activo: bool) -> None:
        self._razones.setVisible(activo)
        if not activo:
            self._elegir_razon(None)

    def _elegir_razon(self, clave: str | None) -> None:
        self._categoria = clave
        for k, boton in self._botones_razon.items():
            boton.setChecked(k == clave)

    def _pedir(self, servicio: dict[str, Any]) -> None:
        if self._esperando:
            return
        if self._preferencial.isChecked() and self._categoria is None:
            self._estado.setText("Toque primero la razón de su atención preferencial.")
            anunciar(self, self._estado.text(), asertivo=True)
            return
        self._esperando = True
        self._servicio_pedido = servicio
        self._estado.setText("Un momento, por favor…")
        documento = self._documento.text().strip()
        ciudadano = self._resolver(documento) if documento and self._resolver else None
        self._fuente.pedir(
            "emitir", servicio=servicio["clave"], preferencial=self._categoria, ciudadano_id=ciudadano
        )

    def _resultado(self, accion: str, turno: Any, error: str) -> None:
        if accion != "emitir" or not self._esperando:
            return
        self._esperando = False
        if error or not turno:
            self._estado.setText(f"No se pudo dar el turno. {error}")
            return
        self.ultimo_turno = turno
        nombre = self._servicio_pedido["nombre"]
        self._codigo.setText(turno["codigo"])
        nombrar(self._codigo, f"Código de su turno: {turno['codigo']}")
        self._servicio.setText(nombre + ("  ·  Atención preferencial" if turno.get("preferencial") else ""))
        antes = int(turno.get("personas_antes", 0))
        self._antes.setText(
            "No hay nadie antes de usted" if antes == 0
            else "1 persona antes de usted" if antes == 1 else f"{antes} personas antes de usted"
        )
        self._estado.setText("")
        self._impresion.setText("Tome su turno impreso. Espere su llamado en la pantalla.")
        if self._imprimir is not None:
            try:
                self._imprimir(turno, nombre)
            except Exception as falla:  # noqa: BLE001  (el turno ya existe: se dice y se sigue)
                self._impresion.setText(f"No se pudo imprimir ({falla}). Anote su turno: {turno['codigo']}.")
        self._paginas.setCurrentIndex(1)
        anunciar(self, f"Su turno es {turno['codigo']}, {nombre}")
        self._listo.setFocus()
        self._volver.start(VOLVER_MS)

    def reiniciar(self) -> None:
        """Vuelve al inicio, sin preferencial ni documento."""
        self._volver.stop()
        self._preferencial.setChecked(False)
        self._documento.clear()
        self._paginas.setCurrentIndex(0)

    def _pintar_iconos(self) -> None:
        existente = QApplication.instance().findChild(GestorTemas, "gestor_temas")  # type: ignore[union-attr]
        color = (existente.paleta.colores["texto_sobre_acento"] if existente is not None
                 else self.palette().color(QPalette.ColorRole.ButtonText).name())
        lado = max(16, int(self.height() * 0.05))
        for boton in self._botones:
            nombre = str(boton.property("icono") or "")
            if nombre:
                boton.setIcon(qtawesome.icon(nombre, color=color))
                boton.setIconSize(QSize(lado, lado))
        self._preferencial.setIcon(qtawesome.icon("fa5s.wheelchair", color=self.palette().color(
            QPalette.ColorRole.ButtonText).name()))
        self._preferencial.setIconSize(QSize(lado, lado))

    def _ajustar_letra(self) -> None:
        self._pintar_iconos()
        alto = max(1, self.height())
        self._bienvenida.setFont(_fuente(int(alto * 0.05), negrita=True))
        for boton in self._botones:
            boton.setFont(_fuente(int(alto * 0.04), negrita=True))
        self._preferencial.setFont(_fuente(int(alto * 0.035), negrita=True))
        for boton in self._botones_razon.values():
            boton.setFont(_fuente(int(alto * 0.026)))
        self._documento.setFont(_fuente(int(alto * 0.03)))
        self._etiqueta_doc.setFont(_fuente(int(alto * 0.03), negrita=True))
        self._su_turno.setFont(_fuente(int(alto * 0.05)))
        self._codigo.setFont(_fuente(int(alto * 0.22), negrita=True))
        self._servicio.setFont(_fuente(int(alto * 0.05), negrita=True))
        self._antes.setFont(_fuente(int(alto * 0.04)))
        self._impresion.setFont(_fuente(int(alto * 0.035)))
        self._listo.setFont(_fuente(int(alto * 0.04), negrita=True))
        self._estado.setFont(_fuente(int(alto * 0.03), negrita=True))

    def resizeEvent(self, evento: QResizeEvent) -> None:
        self._ajustar_letra()
        super().resizeEvent(evento)
