"""Imprimir un documento de un radicado: armarlo desde el almacén, entregarlo y anotarlo.

`imprimir` hace todo de una vez (la línea de órdenes). La interfaz lo hace en dos pasos:
`preparar` arma el PDF para la vista previa y `entregar` imprime esos mismos bytes.

Cada impresión y cada reimpresión es un evento `documento.impreso`; es copia si ya había uno del
mismo documento para esa solicitud, y entonces el papel dice «COPIA» con la hora. El documento
se arma y se entrega (archivo o impresora) fuera de la transacción de escritura: una impresora
lenta no debe bloquear las radicaciones del equipo. Si la entrega falla, no se anota nada.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ventanilla.datos.ajustes import Ajustes
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.datos.registro import anotar
from ventanilla.dominio.eventos import Evento
from ventanilla.dominio.terminos import EstadoSolicitud
from ventanilla.impresion import (
    DOCUMENTOS,
    DatosAnulacion,
    DatosRadicado,
    Entidad,
    Peticionario,
    constancia,
    constancia_anulacion,
    recibo,
    sticker,
)
from ventanilla.impresion.aviso import aviso_privacidad
from ventanilla.servicios.consultas import Ficha, ficha
from ventanilla.servicios.errores import AccionNoPermitida
from ventanilla.servicios.usuarios import usuario_activo

__all__ = [
    "ARCHIVO_LOGO",
    "Impresion",
    "Preparado",
    "datos_anulacion",
    "datos_radicado",
    "documento_pdf",
    "entidad_de",
    "entregar",
    "imprimir",
    "preparar",
]

ARCHIVO_LOGO = "logo.png"
"""El logo de la entidad, si el equipo tiene uno en su directorio de datos."""


@dataclass(frozen=True)
class Impresion:
    radicado: str
    documento: str
    copia: bool
    destino: str
    """La ruta del archivo escrito o el nombre de la impresora."""

    def como_json(self) -> dict[str, object]:
        return {"radicado": self.radicado, "documento": self.documento, "copia": self.copia,
                "destino": self.destino}


def entidad_de(almacen: Almacen) -> Entidad:
    """La entidad de los encabezados, según los ajustes del equipo."""
    ajustes = almacen.ajustes
    logo = almacen.directorio / ARCHIVO_LOGO
    return Entidad(
        nombre=ajustes.entidad_nombre,
        nit=ajustes.entidad_nit,
        url_consulta=ajustes.url_consulta,
        logo=logo.read_bytes() if logo.is_file() else None,
    )


def _punto(ajustes: Ajustes, serie: str) -> str:
    # Una solicitud recibida de otro equipo conserva su serie; su punto solo se conoce por ella.
    return ajustes.punto if serie == ajustes.serie else f"Punto de radicación {serie}"


def _anexos(anexos: Sequence[Any] | None) -> tuple[str, ...]:
    return tuple(
        str(a.get("nombre") or a.get("descripcion") or a) if isinstance(a, dict) else str(a)
        for a in anexos or ()
    )


def datos_radicado(almacen: Almacen, registro: Ficha) -> DatosRadicado:
    s, c = registro.solicitud, registro.ciudadano
    return DatosRadicado(
        entidad=entidad_de(almacen),
        radicado=s.radicado,
        recibido_en=s.recibido_en,
        peticionario=Peticionario(c.nombre_completo, c.tipo_documento, c.numero_documento) if c else None,
        canal=s.canal,
        tipo=s.tipo,
        asunto=s.asunto,
        dependencia=registro.dependencia_nombre,
        vence_el=s.vence_el,
        folios=s.folios,
        anexos=_anexos(s.anexos),
        funcionario=registro.funcionario_nombre,
        punto=_punto(almacen.ajustes, s.serie),
        serie=s.serie,
        aviso_privacidad=aviso_privacidad().resumen,
        verbal=s.verbal,
    )


def _nombre(sesion: Session, login: str) -> str:
    usuario = sesion.get(Usuario, login)
    return usuario.nombre if usuario else login


def _ultimo(eventos: list[Evento], tipo: str) -> Evento | None:
    return next((e for e in reversed(eventos) if e.tipo == tipo), None)


def datos_anulacion(almacen: Almacen, registro: Ficha) -> DatosAnulacion:
    s = registro.solicitud
    aprobada = _ultimo(registro.eventos, "anulacion.aprobada")
    if s.estado != EstadoSolicitud.ANULADA or aprobada is None:
        raise AccionNoPermitida(
            f"El radicado {s.radicado} no está anulado: su constancia de anulación no existe."
        )
    solicitada = _ultimo(registro.eventos, "anulacion.solicitada")
    with almacen.leer() as sesion:
        solicitante = _nombre(sesion, solicitada.usuario if solicitada else aprobada.usuario)
        aprobador = _nombre(sesion, aprobada.usuario)
    return DatosAnulacion(
        entidad=entidad_de(almacen),
        radicado=s.radicado,
        recibido_en=s.recibido_en,
        tipo=s.tipo,
        asunto=s.asunto,
        solicitada_por=solicitante,
        justificacion=str(solicitada.datos["justificacion"]) if solicitada else str(aprobada.datos["motivo"]),
        aprobada_por=aprobador,
        anulada_en=aprobada.ocurrido_en,
        punto=_punto(almacen.ajustes, s.serie),
        serie=s.serie,
    )


def _es_copia(registro: Ficha, documento: str) -> bool:
    return any(
        e.tipo == "documento.impreso" and e.datos.get("documento") == documento for e in registro.eventos
    )


def documento_pdf(
    almacen: Almacen,
    registro: Ficha,
    documento: str,
    *,
    copia: datetime | None = None,
    tamano: str = "carta",
    letra_grande: bool = False,
) -> bytes:
    """El PDF de `documento` (constancia, sticker, recibo o anulacion) de la solicitud."""
    if documento not in DOCUMENTOS:
        raise AccionNoPermitida(
            f"El documento «{documento}» no existe: use {', '.join(DOCUMENTOS)}."
        )
    if documento == "anulacion":
        return constancia_anulacion(datos_anulacion(almacen, registro), tamano, letra_grande, copia)
    datos = datos_radicado(almacen, registro)
    if documento == "constancia":
        return constancia(datos, tamano, letra_grande, copia)
    if documento == "sticker":
        return sticker(datos, copia=copia)
    return recibo(datos, copia=copia)


@dataclass(frozen=True)
class Preparado:
    """Un documento armado para la vista previa: lo que se ve es lo que se imprime."""

    radicado: str
    solicitud_id: str
    documento: str
    copia: bool
    pdf: bytes
    tamano: str = "carta"
    letra_grande: bool = False


def preparar(
    almacen: Almacen,
    radicado: str,
    documento: str,
    *,
    tamano: str = "carta",
    letra_grande: bool = False,
    ahora: datetime | None = None,
) -> Preparado:
    """Arma el documento tal como saldría ahora (con «COPIA» si ya se imprimió antes)."""
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    registro = ficha(almacen, radicado)
    copia = _es_copia(registro, documento)
    pdf = documento_pdf(almacen, registro, documento, copia=momento if copia else None,
                        tamano=tamano, letra_grande=letra_grande)
    return Preparado(registro.solicitud.radicado, registro.solicitud.id, documento, copia, pdf,
                     tamano, letra_grande)


def entregar(
    almacen: Almacen,
    preparado: Preparado,
    usuario: str,
    *,
    salida: Path | None = None,
    impresora: str | None = None,
    ahora: datetime | None = None,
) -> Impresion:
    """Escribe en `salida` o envía a `impresora` el documento preparado y anota el evento.

    Si entre tanto el mismo documento se imprimió (otra vez el botón Imprimir, otro funcionario),
    se vuelve a armar como copia: el papel nunca dice original cuando no lo es.
    """
    if (salida is None) == (impresora is None):
        raise AccionNoPermitida("Diga dónde imprimir: un archivo de salida o una impresora, no ambos.")
    momento = (ahora or datetime.now(UTC)).astimezone(UTC)
    with almacen.leer() as sesion:
        usuario_activo(sesion, usuario)
    if not preparado.copia and _es_copia(ficha(almacen, preparado.radicado), preparado.documento):
        preparado = preparar(almacen, preparado.radicado, preparado.documento,
                             tamano=preparado.tamano, letra_grande=preparado.letra_grande, ahora=momento)
    if salida is not None:
        salida.write_bytes(preparado.pdf)
        destino, medio = str(salida), "archivo"
    else:
        from ventanilla.impresion.impresora import imprimir_pdf

        assert impresora is not None
        imprimir_pdf(preparado.pdf, impresora,
                     titulo=f"{DOCUMENTOS[preparado.documento]} {preparado.radicado}")
        destino, medio = impresora, "impresora"
    with almacen.escribir() as sesion:
        anotar(
            sesion,
            dispositivo=almacen.ajustes.dispositivo,
            usuario=usuario,
            tipo="documento.impreso",
            datos={
                "solicitud_id": preparado.solicitud_id,
                "documento": preparado.documento,
                "copia": preparado.copia,
                "medio": medio,
                **({"impresora": impresora} if impresora else {}),
            },
            ahora=momento,
        )
    return Impresion(preparado.radicado, preparado.documento, preparado.copia, destino)


def imprimir(
    almacen: Almacen,
    radicado: str,
    documento: str,
    usuario: str,
    *,
    salida: Path | None = None,
    impresora: str | None = None,
    tamano: str = "carta",
    letra_grande: bool = False,
    ahora: datetime | None = None,
) -> Impresion:
    """Arma el documento, lo escribe en `salida` o lo envía a `impresora` y anota el evento.

    Lanza `NoEncontrado`, `AccionNoPermitida`, `PermisoDenegado` o, al imprimir,
    `impresion.impresora.ErrorDeImpresion`.
    """
    preparado = preparar(almacen, radicado, documento, tamano=tamano, letra_grande=letra_grande,
                         ahora=ahora)
    return entregar(almacen, preparado, usuario, salida=salida, impresora=impresora, ahora=ahora)
