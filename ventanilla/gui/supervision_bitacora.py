"""La pestaña «Bitácora»: cada evento del periodo (quién, cuándo, dónde, qué), filtrable por
funcionario, punto, clase de acción y radicado, y exportable a PDF, XLSX o CSV con el mismo
filtro (el informe «diario»).
"""

from __future__ import annotations

from pathlib import Path

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ventanilla.gui.supervision_tabla import ModeloTabla
from ventanilla.gui.supervision_terminos import nueva_vista
from ventanilla.informes import generar
from ventanilla.informes.bitacora import Entrada, Filtro
from ventanilla.informes.modelo import Columna, Tabla, Tipo
from ventanilla.informes.periodo import Periodo
from ventanilla.informes.supervision import Opciones, leer_bitacora, opciones_de_bitacora

__all__ = ["PestanaBitacora", "tabla_bitacora"]

_TODOS = "Todos"


def tabla_bitacora(entradas: list[Entrada]) -> Tabla:
    return Tabla(
        "Bitácora",
        [Columna("Fecha y hora", Tipo.FECHA_HORA), Columna("Funcionario"), Columna("Punto"), Columna("Acción"),
         Columna("Radicado"), Columna("Detalle", ancho=3)],
        [[e.instante, e.funcionario, e.punto, e.accion, e.radicado, e.detalle] for e in entradas],
    )


class PestanaBitacora(QWidget):
    def __init__(self, almacen: Almacen) -> None:
        super().__init__()
        self.almacen = almacen
        self.periodo: Periodo | None = None
        self._lectura = 0
        """Cuenta las lecturas pedidas: solo se muestra la última (una anterior puede terminar después)."""
        self.funcionario = QComboBox()
        self.punto = QComboBox()
        self.clase = QComboBox()
        self.radicado = QLineEdit(placeholderText="Radicado o parte de él")
        self.modelo = ModeloTabla(self)
        self.vista = nueva_vista(self.modelo, "Eventos de la bitácora")
        self.estado = QLabel()
        filtros = QHBoxLayout()
        for etiqueta, campo in (("Funcionario", self.funcionario), ("Punto", self.punto), ("Acción", self.clase),
                                ("Radicado", self.radicado)):
            texto = QLabel(etiqueta)
            texto.setBuddy(campo)
            campo.setAccessibleName(etiqueta)
            filtros.addWidget(texto)
            filtros.addWidget(campo, 1)
        exportar = QHBoxLayout()
        exportar.addWidget(self.estado, 1)
        self.botones: dict[str, QPushButton] = {}
        for formato in ("pdf", "xlsx", "csv"):
            boton = QPushButton(f"Exportar {formato.upper()}…")
            boton.clicked.connect(lambda _=False, f=formato: self._pedir_archivo(f))
            exportar.addWidget(boton)
            self.botones[formato] = boton
        capa = QVBoxLayout(self)
        capa.addLayout(filtros)
        capa.addWidget(self.vista, 1)
        capa.addLayout(exportar)
        for combo in (self.funcionario, self.punto, self.clase):
            combo.activated.connect(lambda _=0: self._leer())
        self.radicado.returnPressed.connect(self._leer)
        ejecutar(self, lambda: opciones_de_bitacora(almacen), al_terminar=self._poner_opciones, al_fallar=self._error)

    def _poner_opciones(self, opciones: Opciones) -> None:
        for combo, valores in ((self.funcionario, opciones.funcionarios), (self.punto, opciones.puntos),
                               (self.clase, opciones.clases)):
            combo.clear()
            combo.addItem(_TODOS, None)
            for clave, nombre in sorted(valores.items(), key=lambda par: par[1]):
                combo.addItem(nombre, clave)

    @property
    def filtro(self) -> Filtro:
        return Filtro(
            usuario=self.funcionario.currentData(), dispositivo=self.punto.currentData(),
            clase=self.clase.currentData(), radicado=self.radicado.text().strip() or None,
        )

    def actualizar(self, periodo: Periodo) -> None:
        self.periodo = periodo
        self._leer()

    def _leer(self) -> None:
        if self.periodo is None:
            return
        periodo, filtro = self.periodo, self.filtro
        self._lectura += 1
        numero = self._lectura
        self.estado.setText("Leyendo la bitácora…")
        ejecutar(self, lambda: leer_bitacora(self.almacen, periodo, filtro),
                 al_terminar=lambda entradas: self._mostrar(entradas) if numero == self._lectura else None,
                 al_fallar=self._error, descripcion="Leyendo la bitácora…")

    def _mostrar(self, entradas: list[Entrada]) -> None:
        self.modelo.cambiar(tabla_bitacora(entradas))
        self.estado.setText(f"{len(entradas)} eventos en el periodo." if entradas else "No hay eventos con este filtro.")

    def _error(self, error: Exception) -> None:
        self.estado.setText(f"No se pudo leer la bitácora: {error}")

    def _pedir_archivo(self, formato: str) -> None:
        if self.periodo is None:
            return
        nombre = f"bitacora-{self.periodo.desde.isoformat()}-{self.periodo.hasta.isoformat()}.{formato}"
        ruta, _ = QFileDialog.getSaveFileName(self, "Exportar la bitácora", str(Path.home() / nombre),
                                              f"{formato.upper()} (*.{formato})")
        if ruta:
            self.exportar(Path(ruta), formato)

    def exportar(self, ruta: Path, formato: str) -> None:
        """Escribe la bitácora filtrada (el informe «diario») en `ruta`, fuera del hilo de la interfaz."""
        assert self.periodo is not None
        periodo, filtro, almacen = self.periodo, self.filtro, self.almacen

        def trabajo() -> Path:
            ruta.write_bytes(generar(almacen, "diario", periodo, formato, filtro=filtro))
            return ruta

        self.estado.setText("Exportando…")
        ejecutar(self, trabajo, al_terminar=lambda r: self.estado.setText(f"Se guardó {r}."),
                 al_fallar=lambda e: self.estado.setText(f"No se pudo exportar: {e}"), descripcion="Exportando la bitácora…")
