"""Accesorios del servidor central (definidos en `apoyo_central`)."""

from apoyo_central import central, cliente

__all__ = ["central", "cliente"]
