"""El almacén local de un equipo: SQLite (WAL), el registro de eventos, los ciudadanos, los
catálogos y los modelos de lectura que los eventos mantienen al día."""
