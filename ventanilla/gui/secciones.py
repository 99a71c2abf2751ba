"""Las secciones de la ventana principal que vienen de otros módulos: turnos, jornada,
supervisión y administración, armadas según el equipo (con o sin servidor) y el rol de quien entró.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.gui.qt import QLabel, QVBoxLayout, QWidget
from ventanilla.servicios.sesion import SesionUsuario

__all__ = [
    "aviso",
    "panel_administracion",
    "panel_jornada",
    "panel_supervision",
    "panel_turnos",
]

def aviso(titulo: str, texto: str) -> QWidget:
    """Una sección con solo un título y un texto explicativo."""
    panel = QWidget()
    disposicion = QVBoxLayout(panel)
    disposicion.setContentsMargins(24, 16, 24, 16)
    encabezado = QLabel(titulo)
    encabezado.setProperty("rol", "titulo")
    cuerpo = QLabel(texto)
    cuerpo.setWordWrap(True)
    cuerpo.setTextInteractionFlags(cuerpo.textInteractionFlags() | cuerpo.textInteractionFlags().TextSelectableByKeyboard)
    disposicion.addWidget(encabezado)
    disposicion.addWidget(cuerpo)
    disposicion.addStretch(1)
    return panel


def panel_turnos(almacen: Almacen, sesion: SesionUsuario) -> QWidget:
    """El panel de turnos de esta ventanilla: la cola de la sede o, sin servidor, la del equipo."""
    from ventanilla.gui.panel_turnos import PanelTurnos
    from ventanilla.turnos.fuentes import FuenteLocal, FuenteRemota, FuenteTurnos

    servidor = almacen.ajustes.servidor
    fuente: FuenteTurnos
    if servidor:
        fuente = FuenteRemota(servidor)
    else:
        from ventanilla.servicios.turnos import abrir_cola_local

        fuente = FuenteLocal(abrir_cola_local(almacen))
    panel = PanelTurnos(fuente, almacen.ajustes.numero_ventanilla, sesion.login)
    panel.ventanilla_cambiada.connect(lambda numero: _guardar_ventanilla(almacen, numero))
    fuente.setParent(panel)
    fuente.iniciar()
    return panel


def _guardar_ventanilla(almacen: Almacen, numero: int) -> None:
    from ventanilla.datos.ajustes import guardar_ajustes

    with almacen.escribir() as sesion:
        guardar_ajustes(sesion, numero_ventanilla=numero)


def panel_jornada(almacen: Almacen, sesion: SesionUsuario) -> QWidget:
    """La jornada de brigada (Gobierno en la Calle) abierta en este equipo."""
    from ventanilla.gui.jornadas import PanelJornada

    return PanelJornada(almacen, sesion.login)


def panel_supervision(almacen: Almacen, sesion: SesionUsuario) -> QWidget:
    from ventanilla.gui.supervision import PanelSupervision

    return PanelSupervision(almacen, sesion.login)


def panel_administracion(almacen: Almacen) -> QWidget:
    ajustes = almacen.ajustes
    return aviso(
        "Administración",
        f"Punto de radicación: {ajustes.punto}\nSerie: {ajustes.serie}\n"
        f"Identificador del equipo: {ajustes.dispositivo}\n"
        f"Servidor: {ajustes.servidor or 'ninguno (el equipo trabaja sin servidor)'}",
    )
