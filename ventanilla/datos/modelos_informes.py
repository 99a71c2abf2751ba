"""Lo que los informes le añaden al esquema: un índice para hallar rápido qué solicitudes
tuvieron eventos después de un corte (ver `informes/fotos.py`).

Con `(ocurrido_en, solicitud_id)` esa consulta se responde solo con el índice, sin ir a cada
fila del registro: en un almacén de un millón, de segundos a milisegundos.
"""

from __future__ import annotations

from sqlalchemy import Index

from ventanilla.datos.modelos import EventoFila

__all__ = ["INDICE_EVENTOS_POR_CORTE"]

INDICE_EVENTOS_POR_CORTE = Index(
    "ix_informes_eventos_ocurrido_solicitud", EventoFila.__table__.c.ocurrido_en, EventoFila.__table__.c.solicitud_id
)
