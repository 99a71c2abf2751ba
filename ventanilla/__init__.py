"""Ventanilla: radicación de PQRSD, turnos y supervisión para la ventanilla única de una alcaldía."""

__version__ = "0.1.0"
