"""La cola de turnos que comparten el modo brigada (todo en un equipo) y el servidor de la sede:
el estado construido con eventos, el motor que aplica las políticas y los anuncios en voz alta."""
