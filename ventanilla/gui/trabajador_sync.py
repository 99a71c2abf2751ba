"""La sincronización en segundo plano: cada tanto, con espera creciente si no hay red, y a pedido.

`TrabajadorSync` corre `sincronizar` fuera del hilo de la interfaz (por `operaciones.ejecutar`) y
avisa por señales: el avance, el resultado, las fallas y el estado para la barra de estado. Si la
red falla, espera el doble cada vez (de 15 s hasta 5 min); si el servidor rechaza algo, no
reintenta solo: lo muestra (`DialogoRechazos`) hasta que alguien lo vea.
"""

from __future__ import annotations

from typing import Any

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QObject,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ventanilla.sincronizacion.errores import NoInscrito, RechazoDelServidor, SinConexion
from ventanilla.sincronizacion.estado import (
    estado_sincronizacion,
    marcar_rechazos_vistos,
    rechazos_pendientes,
)
from ventanilla.sincronizacion.motor import sincronizar

__all__ = ["ESPERA_MAXIMA_S", "INTERVALO_NORMAL_S", "DialogoRechazos", "TrabajadorSync"]

INTERVALO_NORMAL_S = 60
ESPERA_INICIAL_S = 15
ESPERA_MAXIMA_S = 300


class TrabajadorSync(QObject):
    """Sincroniza el almacén con su servidor sin bloquear nunca la interfaz."""

    progreso = Signal(str, int, int)
    """Etapa («eventos enviados»...), hecho y total (0 si no se sabe)."""
    terminado = Signal(object)
    """El `Resumen` de una sincronización completa."""
    fallo = Signal(str, bool)
    """Mensaje en español y si se reintentará solo (sin conexión) o necesita a una persona (rechazo)."""
    estado = Signal(object)
    """El `EstadoSync` después de cada intento, para la barra de estado."""

    def __init__(self, almacen: Almacen, parent: QObject | None = None, *, intervalo_s: int = INTERVALO_NORMAL_S) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self._intervalo_s = intervalo_s
        self._espera_s = ESPERA_INICIAL_S
        self._en_curso = False
        self._temporizador = QTimer(self)
        self._temporizador.setSingleShot(True)
        self._temporizador.timeout.connect(self._en_segundo_plano)

    @property
    def en_curso(self) -> bool:
        return self._en_curso

    @property
    def proxima_espera_s(self) -> int:
        """Segundos hasta el próximo intento automático."""
        return max(0, self._temporizador.remainingTime() // 1000)

    def iniciar(self) -> None:
        """Empieza a sincronizar cada tanto (el primer intento, enseguida)."""
        self._temporizador.start(0)

    def detener(self) -> None:
        self._temporizador.stop()

    def sincronizar_ahora(self) -> bool:
        """«Sincronizar ahora»: empieza ya, con el avance en la barra; False si ya había una en curso."""
        return self._lanzar("Sincronizando…")

    def _en_segundo_plano(self) -> None:
        self._lanzar("")

    def _lanzar(self, descripcion: str) -> bool:
        if self._en_curso:
            return False
        self._en_curso = True
        self._temporizador.stop()
        almacen = self._almacen

        def trabajo() -> Any:
            return sincronizar(almacen, progreso=lambda etapa, hecho, total: self.progreso.emit(etapa, hecho, total))

        ejecutar(
            None, trabajo, al_terminar=self._al_terminar, al_fallar=self._al_fallar,
            cambia={"solicitudes", "eventos", "catalogos"}, descripcion=descripcion,
        )
        return True

    def _programar(self, segundos: int) -> None:
        self._temporizador.start(segundos * 1000)

    def _publicar_estado(self) -> None:
        ejecutar(None, lambda: estado_sincronizacion(self._almacen), al_terminar=self.estado.emit)

    def _al_terminar(self, resumen: Any) -> None:
        self._en_curso = False
        self._espera_s = ESPERA_INICIAL_S
        self.terminado.emit(resumen)
        self._publicar_estado()
        self._programar(self._intervalo_s)

    def _al_fallar(self, error: Exception) -> None:
        self._en_curso = False
        if isinstance(error, SinConexion):
            self.fallo.emit(str(error), True)
            self._programar(self._espera_s)
            self._espera_s = min(self._espera_s * 2, ESPERA_MAXIMA_S)
        elif isinstance(error, (RechazoDelServidor, NoInscrito)):
            self.fallo.emit(str(error), False)
        else:
            self.fallo.emit(f"La sincronización falló: {error}", False)
        self._publicar_estado()


class DialogoRechazos(QDialog):
    """Lo que el servidor rechazó, con su mensaje: nada se descarta sin que alguien lo vea."""

    def __init__(self, almacen: Almacen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._almacen = almacen
        self.setWindowTitle("Envíos rechazados por el servidor")
        self.lista = QListWidget(self)
        self.lista.setAccessibleName("Rechazos del servidor")
        self.explicacion = QLabel(self)
        self.explicacion.setWordWrap(True)
        botones = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        botones.rejected.connect(self.reject)
        disposicion = QVBoxLayout(self)
        disposicion.addWidget(self.explicacion)
        disposicion.addWidget(self.lista)
        disposicion.addWidget(botones)
        self.cargar()

    def cargar(self) -> None:
        filas = rechazos_pendientes(self._almacen, todos=True)
        self.lista.clear()
        for fila in filas:
            self.lista.addItem(f"{fila['creado_en']} · {fila['tipo']} {fila['referencia']}: {fila['mensaje']}")
        self.explicacion.setText(
            "Nada de esto se perdió: los datos siguen en este equipo. Cada rechazo dice qué pasó y qué hacer."
            if filas else "El servidor no ha rechazado nada."
        )

    def done(self, resultado: int) -> None:
        marcar_rechazos_vistos(self._almacen)
        super().done(resultado)
