"""Interfaz de escritorio (PySide6): ventanas, temas y accesibilidad. Nada fuera de aquí la importa."""
