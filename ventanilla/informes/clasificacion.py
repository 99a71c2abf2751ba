"""Cómo queda cada solicitud en un informe: su estado de término al corte, los días hábiles que
tardó la respuesta y si el traslado por competencia se hizo dentro de los 5 días hábiles.

Son las reglas de `dominio.terminos` (`estado_termino`, `limite_traslado`) aplicadas con el
índice de días hábiles, para poder clasificar un millón de solicitudes en segundos. Una prueba
compara esta clasificación con la del dominio. Una diferencia a propósito: una solicitud
trasladada y después cerrada sigue contando como trasladada (el cierre no la vuelve vencida).
"""

from __future__ import annotations

from datetime import date

from ventanilla.dominio.terminos import DIAS_TRASLADO, EstadoTermino
from ventanilla.informes.fotos import Foto
from ventanilla.informes.habiles import IndiceHabil

__all__ = ["Clasificador"]

E = EstadoTermino


class Clasificador:
    """Clasifica fotos al día de corte `hoy` con el umbral de «por vencer» de la entidad."""

    def __init__(self, indice: IndiceHabil, hoy: date, umbral_por_vencer: int) -> None:
        self.indice = indice
        self.hoy = hoy.isoformat()
        self.umbral = umbral_por_vencer

    def estado(self, f: Foto) -> EstadoTermino:
        estado = f.estado
        if estado == "anulada":
            return E.ANULADA
        if estado == "desistida":
            return E.DESISTIDA
        if f.trasladada_el is not None or estado == "trasladada":
            return E.TRASLADADA
        if estado == "incompleta":
            return E.EN_ESPERA_DEL_CIUDADANO
        vence = f.vence_el
        if vence is None:
            return E.SIN_TERMINO
        if f.respondida_el is not None:
            return E.RESPONDIDA_A_TIEMPO if f.respondida_el <= vence else E.RESPONDIDA_FUERA_DE_TERMINO
        if self.hoy > vence:
            return E.VENCIDA
        if self.indice.entre(self.hoy, vence) <= self.umbral:
            return E.POR_VENCER
        return E.VIGENTE

    def dias_respuesta(self, f: Foto) -> int | None:
        """Días hábiles entre la fecha de recibo y la respuesta (None si no está respondida)."""
        if f.respondida_el is None:
            return None
        return self.indice.entre(f.fecha_recibo, f.respondida_el)

    def dias_atraso(self, f: Foto) -> int:
        """Días hábiles vencidos al corte (0 si no está vencida)."""
        if f.vence_el is None or self.hoy <= f.vence_el:
            return 0
        return self.indice.entre(f.vence_el, self.hoy)

    def limite_traslado(self, f: Foto) -> str:
        return self.indice.sumar(f.fecha_recibo, DIAS_TRASLADO)

    def traslado_a_tiempo(self, f: Foto) -> bool | None:
        """Art. 21: trasladada dentro de los 5 días hábiles siguientes al recibo."""
        if f.trasladada_el is None:
            return None
        return f.trasladada_el <= self.limite_traslado(f)
