"""Un escritorio accesible de verdad para las pruebas: bus de sesión, Xvfb y bus AT-SPI.

`EscritorioAccesible` arranca `dbus-run-session`, un Xvfb en una pantalla libre y
`at-spi-bus-launcher`; dentro de él abre aplicaciones con la accesibilidad de Qt encendida y
corre `lector_atspi.py` con el Python de Debian para leer su árbol o actuar sobre ellas desde
otro proceso, como lo haría un lector de pantalla. Cada ventana nueva de la aplicación se prueba
igual: `leer_arbol(comando, aplicacion)` y `ejecutar_acciones(comando, aplicacion, pasos)`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

__all__ = [
    "APLICACION",
    "LANZADOR_BUS",
    "PYTHON_DEBIAN",
    "EscritorioAccesible",
    "Lectura",
    "PiezaFaltante",
    "comando_muestra",
    "piezas_faltantes",
]

PYTHON_DEBIAN = "/usr/bin/python3"
LANZADOR_BUS = "/usr/libexec/at-spi-bus-launcher"
LECTOR = Path(__file__).with_name("lector_atspi.py")
APLICACION = "Ventanilla"
"""El nombre que la aplicación da a `QApplication.setApplicationName()`."""
RAIZ = Path(__file__).resolve().parents[2]


# Imprime la dirección del bus de sesión y lo mantiene vivo hasta que se cierre su entrada.
_GUARDIAN_DE_SESION = (
    "import os, sys; print(os.environ['DBUS_SESSION_BUS_ADDRESS'], flush=True); sys.stdin.read()"
)


class PiezaFaltante(Exception):
    """Falta en la máquina una pieza real del escritorio accesible."""


def piezas_faltantes() -> list[str]:
    """Las piezas del sistema que faltan para el escritorio accesible (vacía si está todo)."""
    faltan = [p for p in ("Xvfb", "dbus-run-session", "dbus-send") if shutil.which(p) is None]
    faltan += [p for p in (LANZADOR_BUS, PYTHON_DEBIAN) if not os.access(p, os.X_OK)]
    if not faltan:
        prueba = subprocess.run(
            [PYTHON_DEBIAN, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
            capture_output=True,
            check=False,
        )
        if prueba.returncode != 0:
            faltan.append("gir1.2-atspi-2.0 / python3-gi")
    return faltan


def comando_muestra(*argumentos: str) -> list[str]:
    """La ventana de muestra de los temas, lista para abrir dentro del escritorio."""
    return [sys.executable, "-m", "ventanilla.gui.muestra_temas", *argumentos]


@dataclass
class Lectura:
    """Lo que el lector vio: el árbol accesible, los anuncios y el resultado de cada paso."""

    arbol: list[dict[str, Any]]
    anuncios: list[str]
    pasos: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def buscar(self, **criterio: Any) -> list[dict[str, Any]]:
        """Los nodos cuyos campos coinciden con el criterio (rol="push button", objeto="radicar")."""
        return [n for n in self.arbol if all(n.get(k) == v for k, v in criterio.items())]

    def enfocables_visibles(self) -> list[dict[str, Any]]:
        """Los controles que se ven y que reciben el foco: lo que un lector recorre con Tab.

        Qt marca "showing" los elementos de una lista desplegable cerrada; se descartan los
        nodos que tienen algún antepasado que no se ve.
        """
        ocultos = {n["ruta"] for n in self.arbol if "showing" not in n["estados"]}

        def visible(ruta: str) -> bool:
            partes = ruta.split("/")
            return all("/".join(partes[:i]) not in ocultos for i in range(1, len(partes) + 1))

        return [n for n in self.arbol if n["enfocable"] and visible(n["ruta"])]


class EscritorioAccesible:
    """Sesión D-Bus + Xvfb + bus AT-SPI, vivos mientras dure el objeto (ver `cerrar`)."""

    def __init__(self, carpeta: Path, plazo: float = 30.0) -> None:
        faltan = piezas_faltantes()
        if faltan:
            raise PiezaFaltante("Faltan piezas del sistema: " + ", ".join(faltan))
        self.carpeta = carpeta
        self.plazo = plazo
        self._procesos: list[subprocess.Popen[bytes]] = []
        self._archivos: list[IO[bytes]] = []
        self.entorno = dict(os.environ)
        for variable in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS"):
            self.entorno.pop(variable, None)
        try:
            self._iniciar()
        except BaseException:
            self.cerrar()
            raise

    def _iniciar(self) -> None:
        sesion = subprocess.Popen(
            [
                "dbus-run-session",
                "--",
                PYTHON_DEBIAN,
                "-c",
                _GUARDIAN_DE_SESION,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._registro("dbus"),
        )
        self._procesos.append(sesion)
        assert sesion.stdout is not None
        direccion = sesion.stdout.readline().decode().strip()
        if not direccion:
            raise PiezaFaltante("dbus-run-session no dio la dirección del bus de sesión.")
        self.entorno["DBUS_SESSION_BUS_ADDRESS"] = direccion

        lectura, escritura = os.pipe()
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(escritura),
                "-screen",
                "0",
                "1366x768x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(escritura,),
            stderr=self._registro("xvfb"),
        )
        os.close(escritura)
        self._procesos.append(xvfb)
        with os.fdopen(lectura) as canal:
            pantalla = canal.readline().strip()
        if not pantalla:
            raise PiezaFaltante("Xvfb no arrancó.")
        self.entorno["DISPLAY"] = f":{pantalla}"

        self._procesos.append(
            subprocess.Popen(
                [LANZADOR_BUS, "--launch-immediately"],
                env=self.entorno,
                stdout=subprocess.DEVNULL,
                stderr=self._registro("bus-atspi"),
            )
        )
        self._esperar_bus()

    def _registro(self, nombre: str) -> IO[bytes]:
        archivo = (self.carpeta / f"{nombre}.log").open("wb")
        self._archivos.append(archivo)
        return archivo

    def _esperar_bus(self) -> None:
        limite = time.monotonic() + self.plazo
        while time.monotonic() < limite:
            respuesta = subprocess.run(
                [
                    "dbus-send",
                    "--session",
                    "--print-reply",
                    "--dest=org.a11y.Bus",
                    "/org/a11y/bus",
                    "org.a11y.Bus.GetAddress",
                ],
                env=self.entorno,
                capture_output=True,
                check=False,
            )
            if respuesta.returncode == 0 and b"unix:" in respuesta.stdout:
                return
            time.sleep(0.1)
        raise PiezaFaltante("El bus de accesibilidad (org.a11y.Bus) no respondió a tiempo.")

    def abrir(self, comando: Sequence[str], nombre: str = "aplicacion") -> subprocess.Popen[bytes]:
        """Abre una aplicación Qt en el escritorio, con la accesibilidad siempre encendida."""
        entorno = {
            **self.entorno,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(RAIZ), self.entorno.get("PYTHONPATH")])
            ),
        }
        return subprocess.Popen(
            list(comando),
            env=entorno,
            cwd=RAIZ,
            stdout=subprocess.DEVNULL,
            stderr=self._registro(nombre),
        )

    def leer(self, aplicacion: str, pasos: Sequence[dict[str, Any]] = ()) -> Lectura:
        """Corre el lector contra una aplicación ya abierta: ejecuta los pasos y lee el árbol."""
        corrida = subprocess.run(
            [PYTHON_DEBIAN, str(LECTOR), "--aplicacion", aplicacion, "--plazo", str(self.plazo)],
            input=json.dumps(list(pasos)).encode(),
            env=self.entorno,
            capture_output=True,
            timeout=self.plazo * (len(pasos) + 3),
            check=False,
        )
        (self.carpeta / "lector.log").write_bytes(corrida.stderr)
        try:
            datos = json.loads(corrida.stdout)
        except json.JSONDecodeError as error:
            raise AssertionError(
                f"El lector falló ({corrida.returncode}): {corrida.stderr.decode()[-2000:]}"
            ) from error
        return Lectura(datos["arbol"], datos["anuncios"], datos["pasos"], datos["error"])

    def ejecutar_acciones(
        self,
        comando: Sequence[str],
        aplicacion: str = APLICACION,
        pasos: Sequence[dict[str, Any]] = (),
    ) -> Lectura:
        """Abre la aplicación, ejecuta los pasos por AT-SPI, lee el árbol y la cierra."""
        proceso = self.abrir(comando)
        try:
            return self.leer(aplicacion, pasos)
        finally:
            _terminar(proceso)

    def leer_arbol(
        self, comando: Sequence[str], aplicacion: str = APLICACION
    ) -> list[dict[str, Any]]:
        """Abre la aplicación, lee su árbol accesible y la cierra."""
        lectura = self.ejecutar_acciones(comando, aplicacion, [])
        if lectura.error:
            raise AssertionError(f"El lector no pudo leer «{aplicacion}»: {lectura.error}")
        return lectura.arbol

    def capturar(self, destino: Path) -> None:
        """Guarda una imagen de toda la pantalla virtual (ImageMagick `import`)."""
        subprocess.run(
            ["import", "-window", "root", str(destino)], env=self.entorno, check=True, timeout=30
        )

    def cerrar(self) -> None:
        """Termina todo lo que arrancó, en orden inverso."""
        for proceso in reversed(self._procesos):
            if proceso.stdin is not None:
                proceso.stdin.close()
            _terminar(proceso)
        self._procesos.clear()
        for archivo in self._archivos:
            archivo.close()
        self._archivos.clear()


def _terminar(proceso: subprocess.Popen[bytes]) -> None:
    if proceso.poll() is None:
        proceso.terminate()
        try:
            proceso.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait(timeout=10)
    for canal in (proceso.stdout, proceso.stderr):
        if canal is not None:
            canal.close()
