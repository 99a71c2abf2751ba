"""Los proyectores de cada área; importar este paquete los registra todos."""

from ventanilla.datos.proyecciones import solicitudes

__all__ = ["solicitudes"]
