"""Accesorios de la sincronización (definidos en `apoyo_sync`, con nombre propio para que los
módulos de apoyo de otras carpetas no se confundan al correr toda la suite)."""

from apoyo_sync import servidor, sin_llavero

__all__ = ["servidor", "sin_llavero"]
