"""La sincronización de un equipo con el servidor central: inscribirse una vez, enviar sus eventos
pendientes y recibir los de los demás, sin perder ni duplicar nada aunque la red se corte.

Lo que usan la ventana principal y la línea de órdenes: `estado_sincronizacion`, `inscribir` y
`sincronizar`. El protocolo está en `docs/sync.md`.
"""
