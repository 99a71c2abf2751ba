"""Accesorios de impresión: poppler y zbar para leer los PDF, y un CUPS propio con CUPS-PDF."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from piezas import falta


def _falta(pieza: str) -> None:
    falta(f"Falta {pieza} (scripts/instalar-sistema.sh lo instala).")


def _programa(nombre: str) -> str:
    ruta = shutil.which(nombre)
    if ruta is None:
        _falta(nombre)
    assert ruta is not None
    return ruta


@pytest.fixture(scope="session")
def leer_codigos(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., list[str]]:
    """Convierte cada página del PDF (o las `paginas` primeras) en PNG a 300 ppp y devuelve lo
    que zbarimg lee: «CODE-128:…», «QR-Code:…»."""
    pdftoppm = _programa("pdftoppm")
    zbarimg = _programa("zbarimg")
    carpeta = tmp_path_factory.mktemp("codigos")
    contador = iter(range(1_000_000))

    def leer(pdf: bytes, paginas: int | None = None) -> list[str]:
        n = next(contador)
        entrada = carpeta / f"doc{n}.pdf"
        entrada.write_bytes(pdf)
        rango = ["-l", str(paginas)] if paginas else []
        subprocess.run([pdftoppm, "-r", "300", "-gray", "-png", *rango, entrada, carpeta / f"pag{n}"],
                       check=True)
        paginas = sorted(carpeta.glob(f"pag{n}-*.png"))
        # zbarimg sale con 4 cuando no encuentra códigos: eso lo decide la prueba.
        salida = subprocess.run([zbarimg, "-q", *paginas], capture_output=True, text=True, check=False)
        return [linea for linea in salida.stdout.splitlines() if linea]

    return leer


@pytest.fixture(scope="session")
def texto_pdf(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bytes], str]:
    """El texto del PDF según pdftotext, con todos los espacios (también los de no separación)
    reducidos a uno."""
    pdftotext = _programa("pdftotext")
    carpeta = tmp_path_factory.mktemp("texto")
    contador = iter(range(1_000_000))

    def extraer(pdf: bytes) -> str:
        entrada = carpeta / f"doc{next(contador)}.pdf"
        entrada.write_bytes(pdf)
        crudo = subprocess.run([pdftotext, "-enc", "UTF-8", entrada, "-"], check=True,
                               capture_output=True, text=True).stdout
        return re.sub(r"\s+", " ", crudo.replace("\u00a0", " ")).strip()

    return extraer


@pytest.fixture(scope="session")
def info_pdf(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bytes, str], str]:
    """La salida de una herramienta de poppler sobre el PDF («pdfinfo», «pdftotext -bbox {} -»:
    `{}` marca dónde va el archivo; sin él, va al final)."""
    carpeta = tmp_path_factory.mktemp("info")
    contador = iter(range(1_000_000))

    def ejecutar(pdf: bytes, orden: str) -> str:
        partes = orden.split()
        entrada = carpeta / f"doc{next(contador)}.pdf"
        entrada.write_bytes(pdf)
        argumentos = [str(entrada) if p == "{}" else p for p in partes[1:]]
        if "{}" not in partes:
            argumentos.append(str(entrada))
        return subprocess.run([_programa(partes[0]), *argumentos], check=True,
                              capture_output=True, text=True).stdout

    return ejecutar


@dataclass(frozen=True)
class ServidorCups:
    """Un cupsd propio con una impresora CUPS-PDF que deja sus PDF en `salida`."""

    impresora: str
    salida: Path
    socket: Path

    def esperar_pdf(self, previos: set[Path], plazo: float = 60.0) -> Path:
        """El primer PDF nuevo (fuera de `previos`) que CUPS-PDF termine de escribir."""
        limite = time.monotonic() + plazo
        while time.monotonic() < limite:
            nuevos = [p for p in self.salida.glob("*.pdf") if p not in previos]
            for pdf in nuevos:
                if pdf.stat().st_size > 0 and pdf.read_bytes().rstrip().endswith(b"%%EOF"):
                    return pdf
            time.sleep(0.1)
        raise AssertionError(f"CUPS-PDF no dejó ningún PDF en {self.salida} en {plazo:.0f} s.")


def _reiniciar_servidor_libcups() -> None:
    # libcups guarda el servidor la primera vez que lo consulta: se le pide releer CUPS_SERVER.
    nombre = ctypes.util.find_library("cups")
    if nombre:
        biblioteca = ctypes.CDLL(nombre)
        biblioteca.cupsSetServer.argtypes = [ctypes.c_char_p]
        biblioteca.cupsSetServer(None)


@pytest.fixture(scope="session")
def _servidor_cups() -> Iterator[ServidorCups]:
    """Arranca un cupsd con su propia configuración en un directorio temporal (no toca el CUPS del
    sistema, esté o no corriendo) y le agrega la impresora CUPS-PDF."""
    cupsd = Path("/usr/sbin/cupsd")
    ppd = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
    if not cupsd.exists() or not ppd.exists():
        _falta("CUPS con printer-driver-cups-pdf")
    lpadmin = _programa("lpadmin")
    if os.geteuid() != 0:
        _falta("permiso de administrador para arrancar cupsd")
    # Un directorio corto (el socket admite ~100 caracteres) que el usuario lp pueda recorrer.
    base = Path(tempfile.mkdtemp(prefix="ventanilla-cups-"))
    base.chmod(0o755)
    cola = f"ventanilla{os.getpid()}"
    config_pdf = Path(f"/etc/cups/cups-pdf-{cola}.conf")
    proceso: subprocess.Popen[bytes] | None = None
    try:
        for nombre in ("raiz", "cola", "cache", "estado", "temporal", "registro", "salida"):
            (base / nombre).mkdir()
        for nombre, modo in (("cola", 0o710), ("temporal", 0o1770), ("cache", 0o770)):
            shutil.chown(base / nombre, group="lp")
            (base / nombre).chmod(modo)
        socket = base / "cups.sock"
        (base / "raiz" / "cupsd.conf").write_text(
            f"Listen {socket}\nLogLevel info\nBrowsing No\nWebInterface No\n"
            f"Printcap {base / 'printcap'}\nDefaultAuthType None\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  JobPrivateAccess all\n  JobPrivateValues none\n"
            "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        (base / "raiz" / "cups-files.conf").write_text(
            f"ServerRoot {base / 'raiz'}\nRequestRoot {base / 'cola'}\nCacheDir {base / 'cache'}\n"
            f"StateDir {base / 'estado'}\nTempDir {base / 'temporal'}\n"
            f"AccessLog {base / 'registro' / 'access_log'}\nErrorLog {base / 'registro' / 'error_log'}\n"
            f"PageLog {base / 'registro' / 'page_log'}\nSystemGroup root\n"
        )
        # CUPS-PDF lee /etc/cups/cups-pdf-<cola>.conf cuando el dispositivo es cups-pdf:/<cola>.
        config_pdf.write_text(f"Out {base / 'salida'}\nAnonDirName {base / 'salida'}\nLabel 0\n")
        proceso = subprocess.Popen(
            [cupsd, "-f", "-c", base / "raiz" / "cupsd.conf", "-s", base / "raiz" / "cups-files.conf"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        limite = time.monotonic() + 15
        while not socket.exists():
            if proceso.poll() is not None or time.monotonic() > limite:
                raise AssertionError("cupsd no arrancó: " + _registro(base))
            time.sleep(0.05)
        impresora = "VentanillaPDF"
        subprocess.run(
            [lpadmin, "-h", str(socket), "-p", impresora, "-E", "-v", f"cups-pdf:/{cola}", "-P", ppd],
            check=True, capture_output=True,
        )
        yield ServidorCups(impresora, base / "salida", socket)
    finally:
        if proceso is not None:
            proceso.terminate()
            proceso.wait(timeout=15)
        config_pdf.unlink(missing_ok=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def cups(_servidor_cups: ServidorCups) -> Iterator[ServidorCups]:
    """El CUPS de las pruebas, como servidor de este proceso solo mientras dura la prueba: las
    demás pruebas de la sesión siguen viendo el CUPS del sistema."""
    anterior = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = str(_servidor_cups.socket)
    _reiniciar_servidor_libcups()
    try:
        yield _servidor_cups
    finally:
        if anterior is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = anterior
        _reiniciar_servidor_libcups()


def _registro(base: Path) -> str:
    registro = base / "registro" / "error_log"
    return registro.read_text(errors="replace")[-2000:] if registro.exists() else "(sin registro)"
