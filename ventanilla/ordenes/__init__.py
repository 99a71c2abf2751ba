"""Las subórdenes de la línea de órdenes, una por módulo (ver `ventanilla/cli.py`)."""
