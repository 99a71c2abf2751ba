"""Mide la ventana del funcionario sobre el almacén grande compartido e imprime JSON.

    python benchmarks/gui.py [--solicitudes 1000000] [--arranques 5] [--radicaciones 30]

- arranque de `ventanilla demo` (proceso nuevo) hasta la ventana principal con sesión, lista
  para el teclado (la primera vuelta del ciclo de eventos tras mostrarla);
- arranque de `ventanilla` hasta la ventana de entrada;
- Ctrl+Enter en la confirmación hasta el radicado en pantalla (en el mismo proceso);
- el bloqueo máximo del hilo de la interfaz, con un latido de QTimer cada 5 ms desde Ctrl+Enter
  hasta el radicado en pantalla y desde Enter hasta los resultados de una búsqueda: el mayor
  hueco entre latidos menos el intervalo.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datos import copia_de_trabajo

LATIDO_MS = 5


def percentil(valores: list[float], p: float) -> float:
    ordenados = sorted(valores)
    return ordenados[min(len(ordenados) - 1, int(len(ordenados) * p))]


def resumen(valores: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(valores), 1),
        "p95_ms": round(percentil(valores, 0.95), 1),
        "max_ms": round(max(valores), 1),
        "n": len(valores),
    }


def arranque(orden: list[str], directorio: Path) -> tuple[float, float]:
    """Milisegundos de reloj desde lanzar el proceso hasta que escribe la marca de lista, y los
    de CPU (usuario + sistema) que gastó el proceso entero (en una máquina cargada, el reloj
    incluye la espera por la CPU; la CPU no)."""
    from ventanilla.ordenes.app import MARCA_LISTA

    entorno = dict(os.environ, VENTANILLA_DATOS=str(directorio), VENTANILLA_MEDIR_ARRANQUE="1")
    inicio = time.perf_counter()
    antes = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile(mode="w+") as errores:
        proceso = subprocess.Popen(orden, stdout=subprocess.PIPE, stderr=errores, env=entorno, text=True)
        assert proceso.stdout is not None
        for linea in proceso.stdout:
            if linea.strip() == MARCA_LISTA:
                transcurrido = (time.perf_counter() - inicio) * 1000
                proceso.wait(timeout=60)
                despues = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (despues.ru_utime + despues.ru_stime - antes.ru_utime - antes.ru_stime) * 1000
                return transcurrido, cpu
        codigo = proceso.wait()
        errores.seek(0)
        detalle = errores.read()[-2000:]
    raise RuntimeError(f"{' '.join(orden)} terminó sin mostrar su ventana (código {codigo}):\n{detalle}")


def esperar_a(condicion: Callable[[], bool], limite_s: float = 60.0) -> None:
    """Corre el ciclo de eventos hasta que `condicion()` se cumpla (revisada cada milisegundo)."""
    from ventanilla.gui.qt import QEventLoop, Qt, QTimer

    ciclo = QEventLoop()
    vence = time.perf_counter() + limite_s
    revisor = QTimer()
    revisor.setTimerType(Qt.TimerType.PreciseTimer)
    revisor.setInterval(1)
    revisor.timeout.connect(lambda: ciclo.quit() if condicion() or time.perf_counter() > vence else None)
    revisor.start()
    ciclo.exec()
    revisor.stop()
    if not condicion():
        raise TimeoutError("la ventana no llegó al estado esperado")


class Latido:
    """Un QTimer cada LATIDO_MS: el mayor hueco entre dos latidos es el peor bloqueo del hilo."""

    def __init__(self) -> None:
        from ventanilla.gui.qt import Qt, QTimer

        self.huecos: list[float] = []
        self._ultimo = time.perf_counter()
        self._reloj = QTimer()
        self._reloj.setTimerType(Qt.TimerType.PreciseTimer)
        self._reloj.setInterval(LATIDO_MS)
        self._reloj.timeout.connect(self._latir)

    def _latir(self) -> None:
        ahora = time.perf_counter()
        self.huecos.append((ahora - self._ultimo) * 1000 - LATIDO_MS)
        self._ultimo = ahora

    def empezar(self) -> None:
        self._ultimo = time.perf_counter()
        self._reloj.start()

    def pausar(self) -> None:
        self._reloj.stop()

    def maximo(self) -> float:
        maximo = round(max(self.huecos, default=0.0), 1)
        self.huecos.clear()
        return maximo


def en_proceso(directorio: Path, radicaciones: int) -> dict[str, object]:
    os.environ["VENTANILLA_DATOS"] = str(directorio)
    from PySide6.QtTest import QTest

    from ventanilla.datos.almacen import Almacen
    from ventanilla.gui.operaciones import esperar_todas
    from ventanilla.gui.qt import QApplication, Qt
    from ventanilla.gui.registro import CONFIRMACION, RESULTADO
    from ventanilla.gui.registro_campos import elegir
    from ventanilla.gui.ventana_principal import VentanaPrincipal
    from ventanilla.ordenes.app import crear_aplicacion
    from ventanilla.servicios.demostracion import USUARIO_DEMO
    from ventanilla.servicios.sesion import sesion_de

    crear_aplicacion([], "claro")
    almacen = Almacen.abrir(directorio)
    ventana = VentanaPrincipal(almacen, sesion_de(almacen, USUARIO_DEMO))
    ventana.resize(1366, 768)
    ventana.show()
    ventana.activateWindow()
    esperar_a(lambda: QApplication.activeWindow() is ventana)
    latido = Latido()
    r = ventana.registro
    tiempos: list[float] = []
    cpu: list[float] = []
    for numero in range(radicaciones):
        f = r.form
        r.nueva()
        f.numero_documento.setText(str(80_000_000 + numero))
        f.nombres.setText("Luz Marina")
        f.apellidos.setText("Ocampo Giraldo")
        elegir(f.dependencia, "AMB")
        f.asunto.setText("Solicitud de poda de árbol en el barrio La Enea")
        r.revisar()
        assert r.paso == CONFIRMACION, f.mensaje.text()
        latido.empezar()
        inicio, inicio_cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        esperar_a(lambda: r.paso == RESULTADO)
        tiempos.append((time.perf_counter() - inicio) * 1000)
        cpu.append((time.process_time() - inicio_cpu) * 1000)
        latido.pausar()
    bloqueo_radicando = latido.maximo()
    busquedas: list[float] = []
    for texto in ("poda", "alumbrado público", "Rodríguez", "predial", "María"):
        b = ventana.busqueda
        ventana.buscar()
        b.form.texto.setText(texto)
        b.form.estado.setText("")
        latido.empezar()
        inicio = time.perf_counter()
        b.buscar(abrir_exacto=False)
        esperar_a(lambda b=b: b.form.estado.text() != "")
        busquedas.append((time.perf_counter() - inicio) * 1000)
        latido.pausar()
    bloqueo_buscando = latido.maximo()
    esperar_todas()
    ventana.close()
    almacen.cerrar()
    return {
        "ctrl_enter_a_radicado": resumen(tiempos),
        "ctrl_enter_a_radicado_cpu": resumen(cpu),
        "busqueda_a_resultados": resumen(busquedas),
        "bloqueo_max_hilo_interfaz_ms": {"radicando": bloqueo_radicando, "buscando": bloqueo_buscando},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--solicitudes", type=int, default=1_000_000)
    parser.add_argument("--arranques", type=int, default=5)
    parser.add_argument("--radicaciones", type=int, default=30)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ventanilla = str(Path(sys.executable).with_name("ventanilla"))
    with tempfile.TemporaryDirectory() as temporal:
        directorio = copia_de_trabajo(args.solicitudes, Path(temporal) / "equipo")
        # La primera demostración prepara el equipo (usuario de demostración, configurado).
        arranque([ventanilla, "demo", "--datos", str(directorio), "--cantidad", "0"], directorio)
        demo = [arranque([ventanilla, "demo", "--datos", str(directorio), "--cantidad", "0"], directorio)
                for _ in range(args.arranques)]
        entrada = [arranque([ventanilla], directorio) for _ in range(args.arranques)]
        medidas = en_proceso(directorio, args.radicaciones)
    json.dump(
        {
            "solicitudes": args.solicitudes,
            "arranque_demo_a_ventana_principal": resumen([r for r, _c in demo]),
            "arranque_demo_cpu": resumen([c for _r, c in demo]),
            "arranque_a_ventana_de_entrada": resumen([r for r, _c in entrada]),
            "arranque_entrada_cpu": resumen([c for _r, c in entrada]),
            **medidas,
            "carga_media": os.getloadavg()[0],
        },
        sys.stdout,
        ensure_ascii=False,
        indent=2,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
