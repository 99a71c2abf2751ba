"""Casos de uso compartidos por la interfaz, la línea de órdenes y el servidor: una función cada
uno, una transacción cada uno. Aquí se aplican también los permisos por rol."""
