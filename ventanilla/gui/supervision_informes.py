"""La pestaña «Informes»: elegir uno de los informes que la oficina debe, el formato, y
guardarlo. Se calcula y se escribe fuera del hilo de la interfaz; al terminar, un enlace
abre el archivo.
"""

from __future__ import annotations

from pathlib import Path

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QDesktopServices,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ventanilla.informes import TIPOS_INFORME, generar
from ventanilla.informes.periodo import Periodo

__all__ = ["PestanaInformes"]


class PestanaInformes(QWidget):
    def __init__(self, almacen: Almacen) -> None:
        super().__init__()
        self.almacen = almacen
        self.periodo: Periodo | None = None
        self.lista = QListWidget()
        self.lista.setAccessibleName("Informes")
        for tipo in TIPOS_INFORME.values():
            item = QListWidgetItem(f"{tipo.nombre}\n{tipo.descripcion}")
            item.setData(Qt.ItemDataRole.UserRole, tipo.clave)
            self.lista.addItem(item)
        self.lista.setCurrentRow(0)
        self.formatos = {f: QRadioButton(f.upper()) for f in ("pdf", "xlsx", "csv")}
        self.formatos["pdf"].setChecked(True)
        self.boton = QPushButton("&Generar y guardar…")
        self.estado = QLabel()
        self.estado.setWordWrap(True)
        self.estado.setOpenExternalLinks(False)
        self.estado.linkActivated.connect(lambda enlace: QDesktopServices.openUrl(QUrl(enlace)))
        fila = QHBoxLayout()
        fila.addWidget(QLabel("Formato"))
        for boton in self.formatos.values():
            fila.addWidget(boton)
        fila.addStretch(1)
        fila.addWidget(self.boton)
        capa = QVBoxLayout(self)
        capa.addWidget(QLabel("Cada informe cuenta las solicitudes recibidas en el periodo elegido arriba, con su "
                              "estado al final del periodo."))
        capa.addWidget(self.lista, 1)
        capa.addLayout(fila)
        capa.addWidget(self.estado)
        self.boton.clicked.connect(self._pedir_archivo)

    @property
    def tipo(self) -> str:
        return str(self.lista.currentItem().data(Qt.ItemDataRole.UserRole))

    @property
    def formato(self) -> str:
        return next(f for f, boton in self.formatos.items() if boton.isChecked())

    def _pedir_archivo(self) -> None:
        if self.periodo is None:
            return
        nombre = f"{self.tipo}-{self.periodo.desde.isoformat()}-{self.periodo.hasta.isoformat()}.{self.formato}"
        ruta, _ = QFileDialog.getSaveFileName(self, "Guardar el informe", str(Path.home() / nombre),
                                              f"{self.formato.upper()} (*.{self.formato})")
        if ruta:
            self.guardar(Path(ruta))

    def guardar(self, ruta: Path) -> None:
        """Calcula el informe elegido y lo escribe en `ruta`, fuera del hilo de la interfaz."""
        assert self.periodo is not None
        tipo, periodo, formato, almacen = self.tipo, self.periodo, self.formato, self.almacen

        def trabajo() -> Path:
            ruta.write_bytes(generar(almacen, tipo, periodo, formato))
            return ruta

        self.boton.setEnabled(False)
        self.estado.setText(f"Generando «{TIPOS_INFORME[tipo].nombre}»…")
        ejecutar(self, trabajo, al_terminar=self._listo, al_fallar=self._fallo, descripcion="Generando el informe…")

    def _listo(self, ruta: Path) -> None:
        self.boton.setEnabled(True)
        self.estado.setText(f'Se guardó <a href="{QUrl.fromLocalFile(str(ruta)).toString()}">{ruta.name}</a>.')

    def _fallo(self, error: Exception) -> None:
        self.boton.setEnabled(True)
        self.estado.setText(f"No se pudo generar el informe: {error}")
