"""Seguridad y privacidad del equipo: la clave del almacén y su cifrado (SQLCipher), la
verificación de la cadena de eventos, las copias de respaldo y los derechos de habeas data.

`llavero`, `clave` y `cifrado` no importan nada de `datos` (el almacén los usa al abrirse); los
demás módulos trabajan sobre un almacén abierto.
"""
