"""Datos de demostración: solicitudes realistas (nombres y documentos colombianos de Faker
es_CO) radicadas con el caso de uso real, repartidas en las últimas semanas.

Cada solicitud pasa por `radicar` (y algunas por `asignar`, `responder` o `cerrar`), así la
demostración muestra exactamente lo que produciría una ventanilla de verdad: radicados
consecutivos, vencimientos legales, bitácora y línea de tiempo.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ventanilla.datos.ajustes import guardar_ajustes
from ventanilla.datos.almacen import Almacen
from ventanilla.datos.modelos import Usuario
from ventanilla.dominio.calendario import BOGOTA
from ventanilla.servicios.errores import ErrorDeServicio

__all__ = ["USUARIO_DEMO", "generar_solicitudes", "preparar_equipo_demo"]

USUARIO_DEMO = "demo"

_ASUNTOS = (
    ("peticion", "Solicitud de poda de árbol frente a la vivienda"),
    ("peticion", "Reparación de hueco en la vía del barrio"),
    ("documentos", "Copia del certificado de estratificación"),
    ("documentos", "Copia de la licencia de construcción del predio"),
    ("consulta", "Consulta sobre el uso del suelo del lote"),
    ("queja", "Queja por ruido de establecimiento nocturno"),
    ("reclamo", "Reclamo por cobro del impuesto predial"),
    ("sugerencia", "Sugerencia de horario extendido en el CAM"),
    ("denuncia", "Denuncia de invasión del espacio público"),
    ("peticion", "Inscripción al programa de adulto mayor"),
    ("peticion", "Solicitud de cupo escolar para el hijo"),
    ("felicitacion", "Felicitación por la atención en la brigada"),
)
_DEPENDENCIAS = ("Medio Ambiente", "Movilidad", "Planeación", "Planeación", "Planeación", "Interior",
                 "Hacienda", "Atención al Ciudadano", "Interior", "Desarrollo Social", "Educación", "Desarrollo Social")


def preparar_equipo_demo(almacen: Almacen) -> None:
    """Equipo configurado y una funcionaria de demostración (sin clave: entra directamente)."""
    with almacen.escribir() as sesion:
        guardar_ajustes(sesion, configurado=True, punto="Ventanilla Única CAM")
        if sesion.get(Usuario, USUARIO_DEMO) is None:
            sesion.add(Usuario(login=USUARIO_DEMO, nombre="María Gómez", roles=["funcionario", "supervisor"], clave_hash=None, activo=True))


def _instantes(cantidad: int, ahora: datetime, rng: random.Random) -> list[datetime]:
    """Momentos de recibo en horario de oficina de los últimos 42 días, en orden."""
    inicio = ahora.astimezone(BOGOTA) - timedelta(days=42)
    momentos = []
    for _ in range(cantidad):
        dia = inicio + timedelta(days=rng.randrange(42))
        if dia.weekday() >= 5:
            dia -= timedelta(days=dia.weekday() - 4)
        momento = dia.replace(hour=rng.randrange(7, 16), minute=rng.randrange(60), second=rng.randrange(60))
        momentos.append(min(momento, ahora - timedelta(minutes=5)))
    return sorted(momentos)


def generar_solicitudes(
    almacen: Almacen,
    cantidad: int,
    *,
    semilla: int = 17001,
    usuario: str = USUARIO_DEMO,
    progreso: Callable[[int], None] | None = None,
) -> int:
    """Radica `cantidad` solicitudes de ejemplo y hace avanzar el trámite de algunas."""
    # Faker y los casos de uso se importan aquí: `ventanilla demo` abre la ventana sin esperarlos.
    from faker import Faker

    from ventanilla.servicios import tramite
    from ventanilla.servicios.radicacion import radicar

    rng = random.Random(semilla)
    falso = Faker("es_CO")
    falso.seed_instance(semilla)
    ahora = datetime.now(UTC)
    hechas = 0
    for i, momento in enumerate(_instantes(cantidad, ahora, rng)):
        j = rng.randrange(len(_ASUNTOS))
        tipo, asunto = _ASUNTOS[j]
        anonimo = tipo in ("queja", "denuncia") and rng.random() < 0.15
        datos = {
            "tipo": tipo,
            "canal": rng.choice(("presencial", "presencial", "presencial", "escrito", "telefonico", "correo_electronico", "brigada")),
            "asunto": asunto,
            "descripcion": falso.paragraph(nb_sentences=2),
            "dependencia": _DEPENDENCIAS[j],
            "folios": rng.randrange(0, 6),
            "consentimiento": rng.random() < 0.6,
            "ciudadano": None if anonimo else {
                "tipo_documento": "CC",
                "numero_documento": str(rng.randrange(1_000_000, 1_999_999_999)),
                "nombres": falso.first_name(),
                "apellidos": f"{falso.last_name()} {falso.last_name()}",
                "telefono": f"3{rng.randrange(10**8, 10**9 - 1)}",
                "correo": falso.free_email(),
                "direccion": falso.street_address(),
            },
        }
        resultado = radicar(almacen, datos, usuario=usuario, ahora=momento)
        edad = ahora - momento
        try:
            if edad > timedelta(days=10) and rng.random() < 0.6:
                tramite.responder(almacen, resultado.radicado, "escrito", "Respuesta enviada por correo.", usuario=usuario, ahora=momento + timedelta(days=rng.randrange(3, 10)))
            elif rng.random() < 0.3:
                tramite.asignar(almacen, resultado.radicado, _DEPENDENCIAS[rng.randrange(len(_DEPENDENCIAS))], usuario=usuario, ahora=momento + timedelta(hours=2))
        except ErrorDeServicio:
            pass
        hechas += 1
        if progreso is not None and (i + 1) % 50 == 0:
            progreso(i + 1)
    return hechas
