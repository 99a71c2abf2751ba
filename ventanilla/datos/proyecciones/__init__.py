"""Los proyectores de cada área; importar este paquete los registra todos."""

from ventanilla.datos.proyecciones import jornadas, solicitudes

__all__ = ["jornadas", "solicitudes"]
