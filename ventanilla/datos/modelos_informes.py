"""Lo que los informes le añaden al esquema: índices para las consultas de un periodo.

- `(ocurrido_en, solicitud_id)` en eventos: qué solicitudes cambiaron después de un corte
  (ver `informes/fotos.py`) se responde solo con el índice, sin ir a cada fila del registro.
- `(estado, recibido_en)` y `(tipo, recibido_en)` en solicitudes: las abiertas, trasladadas o
  de documentos de un periodo se leen directamente, sin recorrer todo el periodo otra vez.
"""

from __future__ import annotations

from sqlalchemy import Index

from ventanilla.datos.modelos import EventoFila, SolicitudFila

__all__ = ["INDICE_EVENTOS_POR_CORTE", "INDICE_SOLICITUDES_ESTADO_RECIBO", "INDICE_SOLICITUDES_TIPO_RECIBO"]

INDICE_EVENTOS_POR_CORTE = Index(
    "ix_informes_eventos_ocurrido_solicitud", EventoFila.__table__.c.ocurrido_en, EventoFila.__table__.c.solicitud_id
)
INDICE_SOLICITUDES_ESTADO_RECIBO = Index(
    "ix_informes_solicitudes_estado_recibido", SolicitudFila.__table__.c.estado, SolicitudFila.__table__.c.recibido_en
)
INDICE_SOLICITUDES_TIPO_RECIBO = Index(
    "ix_informes_solicitudes_tipo_recibido", SolicitudFila.__table__.c.tipo, SolicitudFila.__table__.c.recibido_en
)
