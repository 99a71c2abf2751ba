"""Lector AT-SPI: lee desde otro proceso el árbol accesible de una aplicación y actúa sobre él.

Corre con el Python de Debian (`/usr/bin/python3`), que trae gi y Atspi; no con el del entorno
virtual. Lo usa `escritorio_atspi.py`, pero también se puede correr a mano dentro de la sesión:

    /usr/bin/python3 tests/a11y/lector_atspi.py --aplicacion "Ventanilla muestra" < acciones.json

Lee de la entrada estándar una lista JSON de pasos (vacía: solo leer) y escribe en la salida un
JSON con `arbol` (cada nodo: ruta, id, objeto, rol, nombre, descripción, estados, enfocable,
acciones, texto, etiquetado_por), `anuncios` (lo que la aplicación anunció a la tecnología de
asistencia) y `pasos`. `id` es la ruta de objectName que Qt publica y `objeto` su último tramo.

Un paso es {"buscar": {...}, "hacer": ..., "texto": ...}. "buscar" compara campos del nodo
(rol, nombre, objeto...) y "estado": "focused" pide un nodo con ese estado. "hacer" es:
- "escribir": pone `texto` en un campo editable;
- "pulsar": la acción de pulsar o marcar del nodo;
- "enfocar": le da el foco;
- "esperar": espera a que el nodo exista y, con `texto`, a que su nombre o su texto lo contengan;
- "teclas": pulsa una combinación ("ctrl+shift+c", "tab", "h") en el teclado de la pantalla,
  con el puntero sobre la ventana (o sobre el nodo de "buscar");
- "oir": espera un anuncio nuevo, posterior al último oído, que contenga `texto`;
- "leer": guarda en el resultado del paso el árbol tal como está en ese momento (`arbol`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib

__all__ = ["main"]

_MAXIMO_NODOS = 5000
_ACCIONES_DE_PULSAR = ("press", "click", "activate", "toggle")


class PlazoVencido(Exception):
    """Lo esperado no apareció antes del plazo."""


def _girar(segundos: float = 0.05) -> None:
    """Deja correr el bucle de GLib: así llegan los eventos y se refresca la caché de libatspi."""
    contexto = GLib.MainContext.default()
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if not contexto.iteration(False):
            time.sleep(0.01)


def _buscar_aplicacion(nombre: str, plazo: float) -> Atspi.Accessible:
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        escritorio = Atspi.get_desktop(0)
        for i in range(escritorio.get_child_count()):
            app = escritorio.get_child_at_index(i)
            if app is not None and app.get_name() == nombre and app.get_child_count() > 0:
                return app
        _girar(0.2)
    raise PlazoVencido(f"La aplicación «{nombre}» no apareció en el bus de accesibilidad.")


def _ventana(app: Atspi.Accessible, plazo: float) -> Atspi.Accessible:
    """La primera ventana de primer nivel que se ve (un marco o, si la ventana no lo es, un widget suelto)."""
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        for i in range(app.get_child_count()):
            hijo = app.get_child_at_index(i)
            try:
                if hijo is not None and hijo.get_state_set().contains(Atspi.StateType.SHOWING):
                    return hijo
            except GLib.Error:
                continue
        _girar(0.2)
    raise PlazoVencido("La aplicación no mostró ninguna ventana.")


def _interfaces(nodo: Atspi.Accessible) -> list[str]:
    try:
        return list(nodo.get_interfaces())
    except GLib.Error:
        return []


def _texto(nodo: Atspi.Accessible) -> str | None:
    try:
        if "Text" not in _interfaces(nodo):
            return None
        return Atspi.Text.get_text(nodo, 0, Atspi.Text.get_character_count(nodo))
    except GLib.Error:
        return None


def _acciones(nodo: Atspi.Accessible) -> list[str]:
    try:
        if "Action" not in _interfaces(nodo):
            return []
        return [
            Atspi.Action.get_action_name(nodo, i) for i in range(Atspi.Action.get_n_actions(nodo))
        ]
    except GLib.Error:
        return []


def _etiquetas(nodo: Atspi.Accessible) -> list[str]:
    """Los nombres de las etiquetas que el nodo declara como suyas (relación "labelled-by")."""
    nombres = []
    try:
        for relacion in nodo.get_relation_set():
            if relacion.get_relation_type() == Atspi.RelationType.LABELLED_BY:
                for i in range(relacion.get_n_targets()):
                    nombres.append(relacion.get_target(i).get_name() or "")
    except GLib.Error:
        return []
    return nombres


def _estados(nodo: Atspi.Accessible) -> list[str]:
    return sorted(Atspi.StateType(s).value_nick for s in nodo.get_state_set().get_states())


_CAMPOS = {
    "id": lambda nodo: nodo.get_accessible_id() or "",
    "objeto": lambda nodo: (nodo.get_accessible_id() or "").rsplit(".", 1)[-1],
    "rol": lambda nodo: nodo.get_role_name(),
    "nombre": lambda nodo: nodo.get_name() or "",
    "descripcion": lambda nodo: nodo.get_description() or "",
    "estados": _estados,
    "enfocable": lambda nodo: nodo.get_state_set().contains(Atspi.StateType.FOCUSABLE),
    "acciones": _acciones,
    "texto": _texto,
    "etiquetado_por": _etiquetas,
}
"""Cómo se lee cada campo de un nodo; cada uno cuesta viajes por el bus."""


class _Nodo(dict):  # type: ignore[type-arg]
    """Los campos de un nodo, leídos del bus solo cuando se piden (buscar es mucho más rápido)."""

    def __init__(self, nodo: Atspi.Accessible, ruta: str) -> None:
        super().__init__(ruta=ruta)
        self._nodo = nodo

    def __missing__(self, clave: str) -> object:
        if clave not in _CAMPOS:
            return None
        valor = _CAMPOS[clave](self._nodo)
        self[clave] = valor
        return valor

    def completo(self) -> dict[str, object]:
        return {clave: self[clave] for clave in ("ruta", *_CAMPOS)}


def _recorrer(app: Atspi.Accessible) -> list[tuple[Atspi.Accessible, _Nodo]]:
    nodos: list[tuple[Atspi.Accessible, _Nodo]] = []
    pendientes = [(app, "0")]
    while pendientes and len(nodos) < _MAXIMO_NODOS:
        nodo, ruta = pendientes.pop(0)
        try:
            nodos.append((nodo, _Nodo(nodo, ruta)))
            hijos = nodo.get_child_count()
        except GLib.Error:
            continue
        for i in range(hijos):
            hijo = nodo.get_child_at_index(i)
            if hijo is not None:
                pendientes.append((hijo, f"{ruta}/{i}"))
    return nodos


def _arbol(app: Atspi.Accessible) -> list[dict[str, object]]:
    """Todos los nodos con todos sus campos."""
    arbol = []
    for _, datos in _recorrer(app):
        try:
            arbol.append(datos.completo())
        except GLib.Error:
            continue
    return arbol


def _coincide(datos: _Nodo, criterio: dict[str, str]) -> bool:
    """Cada clave del criterio coincide; "estado" pide que el nodo tenga ese estado."""
    return all(
        valor in datos["estados"] if clave == "estado" else datos[clave] == valor
        for clave, valor in criterio.items()
    )


def _encontrar(
    app: Atspi.Accessible, criterio: dict[str, str], plazo: float, texto: str | None = None
) -> Atspi.Accessible:
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        for nodo, datos in _recorrer(app):
            try:
                if _coincide(datos, criterio) and (
                    texto is None or texto in f"{datos['nombre']}\n{datos['texto'] or ''}"
                ):
                    return nodo
            except GLib.Error:
                continue
        _girar(0.2)
    raise PlazoVencido(
        f"No apareció un nodo con {criterio}" + (f" y texto «{texto}»" if texto else "")
    )


def _pulsar(nodo: Atspi.Accessible) -> str:
    acciones = [accion.lower() for accion in _acciones(nodo)]
    for preferida in _ACCIONES_DE_PULSAR:
        if preferida in acciones:
            Atspi.Action.do_action(nodo, acciones.index(preferida))
            return preferida
    raise ValueError(f"El nodo «{nodo.get_name()}» no tiene acción de pulsar: {acciones}")


_MODIFICADORES = {
    "ctrl": 1 << int(Atspi.ModifierType.CONTROL),
    "shift": 1 << int(Atspi.ModifierType.SHIFT),
    "alt": 1 << int(Atspi.ModifierType.ALT),
}


def _apuntar(ventana: Atspi.Accessible) -> None:
    """Lleva el puntero al centro de la ventana.

    Sin gestor de ventanas, el foco de X puede quedar en la raíz; entonces el teclado va a la
    ventana que está bajo el puntero.
    """
    caja = Atspi.Component.get_extents(ventana, Atspi.CoordType.SCREEN)
    Atspi.generate_mouse_event(caja.x + caja.width // 2, caja.y + caja.height // 2, "abs")


_TECLAS_CON_NOMBRE = {
    "tab": 0xFF09,
    "return": 0xFF0D,
    "escape": 0xFF1B,
    "up": 0xFF52,
    "down": 0xFF54,
    "f2": 0xFFBF,
}
"""Símbolos de X (keysym) de las teclas que no son un carácter."""


def _teclas(combinacion: str) -> str:
    """Pulsa una combinación como "ctrl+shift+c" en el teclado del servidor X (XTest)."""
    *modificadores, tecla = combinacion.lower().split("+") if combinacion != "+" else ["+"]
    mascara = sum(_MODIFICADORES[m] for m in modificadores)
    if mascara:
        Atspi.generate_keyboard_event(mascara, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        simbolo = _TECLAS_CON_NOMBRE.get(tecla) if len(tecla) > 1 else ord(tecla)
        if simbolo is None:
            raise ValueError(f"Tecla desconocida: {tecla}")
        Atspi.generate_keyboard_event(simbolo, None, Atspi.KeySynthType.SYM)
    finally:
        if mascara:
            Atspi.generate_keyboard_event(mascara, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    return combinacion


def _oir(anuncios: list[str], oidos: list[int], texto: str, plazo: float) -> str:
    """Espera un anuncio nuevo (posterior al último oído) que contenga `texto`."""
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        for indice in range(oidos[0], len(anuncios)):
            if texto in anuncios[indice]:
                oidos[0] = indice + 1
                return anuncios[indice]
        _girar(0.1)
    raise PlazoVencido(f"No se anunció «{texto}»; se oyó: {anuncios}")


def _hacer(
    app: Atspi.Accessible,
    paso: dict[str, object],
    plazo: float,
    anuncios: list[str],
    oidos: list[int],
) -> dict[str, object]:
    criterio = dict(paso.get("buscar", {}))
    hacer = paso.get("hacer", "esperar")
    texto = paso.get("texto")
    if hacer == "teclas":
        _apuntar(_encontrar(app, criterio, plazo) if criterio else _ventana(app, plazo))
        return {"hecho": "teclas", "texto": _teclas(str(texto))}
    if hacer == "leer":
        return {"hecho": "leer", "arbol": _arbol(app)}
    if hacer == "oir":
        return {"hecho": "oir", "texto": _oir(anuncios, oidos, str(texto), plazo)}
    if hacer == "esperar":
        nodo = _encontrar(app, criterio, plazo, texto)
        return {"hecho": "esperar", "texto": _texto(nodo)}
    nodo = _encontrar(app, criterio, plazo)
    if hacer == "escribir":
        if not Atspi.EditableText.set_text_contents(nodo, str(texto)):
            raise ValueError(f"No se pudo escribir en «{nodo.get_name()}».")
        return {"hecho": "escribir", "texto": _texto(nodo)}
    if hacer == "enfocar":
        return {"hecho": "enfocar", "logrado": Atspi.Component.grab_focus(nodo)}
    if hacer == "pulsar":
        return {"hecho": _pulsar(nodo)}
    raise ValueError(f"Paso desconocido: {hacer}")


def main() -> int:
    """Lee los pasos de la entrada, los ejecuta y escribe el resultado en JSON."""
    opciones = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    opciones.add_argument("--aplicacion", required=True, help="nombre de la aplicación en AT-SPI")
    opciones.add_argument("--plazo", type=float, default=30.0, help="segundos de espera máxima")
    argumentos = opciones.parse_args()
    pasos = json.loads(sys.stdin.read() or "[]")

    anuncios: list[str] = []
    oidos = [0]
    oyente = Atspi.EventListener.new(lambda evento: anuncios.append(str(evento.any_data)))
    oyente.register("object:announcement")
    resultado: dict[str, object] = {"anuncios": anuncios, "pasos": [], "arbol": [], "error": None}
    app = None
    try:
        app = _buscar_aplicacion(argumentos.aplicacion, argumentos.plazo)
        _ventana(app, argumentos.plazo)
        for paso in pasos:
            resultado["pasos"].append(_hacer(app, paso, argumentos.plazo, anuncios, oidos))
            _girar(0.1)
        _girar(0.3)
    except (PlazoVencido, ValueError, GLib.Error) as error:
        resultado["error"] = str(error)
    if app is not None:
        resultado["arbol"] = _arbol(app)
    json.dump(resultado, sys.stdout, ensure_ascii=False)
    return 0 if resultado["error"] is None else 1


if __name__ == "__main__":
    sys.exit(main())
