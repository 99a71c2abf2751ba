"""El reloj del equipo frente al del servidor: la fecha de un radicado es prueba.

En cada sincronización se anota la hora del servidor y el desfase medido. El equipo avisa si su
reloj está por detrás de la última hora del servidor que vio (alguien lo atrasó, o la pila del
reloj falló) o si el desfase pasa de cinco minutos.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ventanilla.sincronizacion import memoria

__all__ = ["DESFASE_MAXIMO", "anotar_reloj", "aviso_de_reloj"]

DESFASE_MAXIMO = timedelta(minutes=5)


def anotar_reloj(sesion: Session, hora_servidor: datetime | None, desfase: timedelta | None) -> None:
    cambios: dict[str, object] = {"ultimo_sync": datetime.now(UTC).isoformat()}
    if hora_servidor is not None:
        anterior = memoria.leer(sesion, "hora_servidor")
        if anterior is None or datetime.fromisoformat(anterior) < hora_servidor:
            cambios["hora_servidor"] = hora_servidor.isoformat()
    if desfase is not None:
        cambios["desfase_segundos"] = desfase.total_seconds()
    memoria.guardar(sesion, **cambios)


def aviso_de_reloj(hora_servidor: str | None, desfase_segundos: float | None, ahora: datetime | None = None) -> str | None:
    """El aviso que hay que mostrar sobre el reloj del equipo, o None si está bien."""
    momento = ahora or datetime.now(UTC)
    if hora_servidor:
        visto = datetime.fromisoformat(hora_servidor)
        if momento < visto:
            return (
                f"El reloj de este equipo ({momento.astimezone().strftime('%Y-%m-%d %H:%M')}) está por detrás de la "
                f"última hora del servidor ({visto.astimezone().strftime('%Y-%m-%d %H:%M')}): corríjalo, la fecha de "
                "cada radicado es prueba."
            )
    if desfase_segundos is not None and abs(desfase_segundos) > DESFASE_MAXIMO.total_seconds():
        minutos = round(abs(desfase_segundos) / 60)
        sentido = "atrasado" if desfase_segundos > 0 else "adelantado"
        return f"El reloj de este equipo está {sentido} unos {minutos} minutos respecto al servidor: corríjalo."
    return None
