"""Lo que comparten los archivos .spec de Linux y Windows: qué entra en el paquete y qué no.

- Todo `ventanilla` (las subórdenes se descubren en tiempo de ejecución, así que se nombran aquí),
  sus recursos y sus migraciones de Alembic como archivos `.py` (Alembic las lee del disco).
- SQLCipher (`sqlcipher3`) y su dialecto de SQLAlchemy, que nadie importa de forma visible.
- Fuera: el tema GTK de Qt y GTK mismo, que un `apt install gnome-keyring` en la máquina de
  construcción metería en el paquete sin que la aplicación los use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

__all__ = ["RAIZ", "filtrar_binarios", "parametros_analisis"]

RAIZ = Path(__file__).resolve().parent.parent
_EXCLUIR_BINARIOS = ("libqgtk3", "libgtk-3", "libgdk-3", "libatk-", "libgdk_pixbuf", "libpango", "libcairo-gobject")
_EXCLUIR_MODULOS = [
    "tkinter",
    "PIL.ImageTk",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtDataVisualization",
    "PySide6.QtQuick",
    "PySide6.Qt3DCore",
    "pytest",
    "hypothesis",
    "schemathesis",
]


def parametros_analisis() -> dict[str, Any]:
    datos = collect_data_files("ventanilla")
    datos += collect_data_files("ventanilla", subdir="datos/migraciones", include_py_files=True)
    # reportlab importa sus códigos de barras por nombre, al vuelo: PyInstaller no los ve.
    ocultos = collect_submodules("ventanilla") + collect_submodules("reportlab.graphics.barcode") + [
        "sqlcipher3",
        "sqlcipher3.dbapi2",
        "sqlalchemy.dialects.sqlite.pysqlcipher",
        "keyring.backends.SecretService",
        "keyring.backends.Windows",
        "keyring.backends.fail",
    ]
    return {
        "scripts": [str(RAIZ / "instaladores" / "entrada.py")],
        "pathex": [str(RAIZ / "instaladores"), str(RAIZ)],
        "datas": datos,
        "hiddenimports": ocultos,
        "excludes": _EXCLUIR_MODULOS,
        "noarchive": False,
    }


def filtrar_binarios(binarios: Any) -> list[Any]:
    return [b for b in binarios if not any(x in Path(b[0]).name for x in _EXCLUIR_BINARIOS)]
