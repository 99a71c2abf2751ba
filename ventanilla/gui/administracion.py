"""La ventana de administración (rol administrador): usuarios y roles, equipos, catálogos, días
cerrados, plantillas de numeración y revisiones, todo en el servidor central.

Habla con el servidor por `sincronizacion.administracion` y siempre fuera del hilo de la interfaz
(`operaciones.ejecutar`). Cada negativa del servidor (una plantilla sin consecutivo, una serie que
ya es de otro equipo) se muestra en la línea de mensajes de la sección, y lo escrito no se borra.
"""

from __future__ import annotations

from typing import Any

from ventanilla.gui.administracion_revisiones import SeccionRevisiones
from ventanilla.gui.administracion_seccion import SeccionAdministracion
from ventanilla.gui.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QStackedWidget,
    QWidget,
)
from ventanilla.sincronizacion.administracion import ClienteAdministracion

__all__ = ["VentanaAdministracion"]

ROLES = ("funcionario", "supervisor", "administrador", "correspondencia")
SECCIONES = ("Usuarios y roles", "Equipos", "Catálogos", "Días cerrados", "Plantillas de numeración", "Revisiones")


def _desfase(segundos: float | None) -> str:
    if segundos is None:
        return "desfase desconocido"
    return f"desfase {segundos:+.0f} s" + (" ⚠" if abs(segundos) > 300 else "")


class _Usuarios(SeccionAdministracion):
    def __init__(self, ventana: VentanaAdministracion) -> None:
        super().__init__(ventana)
        self.login, self.nombre, self.clave = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.clave.setEchoMode(QLineEdit.EchoMode.Password)
        self.clave.setPlaceholderText("vacía: no cambiarla")
        self.roles = {rol: QCheckBox(rol, self) for rol in ROLES}
        self.activo = QCheckBox("Activo", self)
        self.activo.setChecked(True)
        caja = QHBoxLayout()
        for casilla in self.roles.values():
            caja.addWidget(casilla)
        for etiqueta, campo in (("&Usuario", self.login), ("&Nombre", self.nombre), ("&Clave", self.clave)):
            self.formulario.addRow(etiqueta, campo)
        self.formulario.addRow("Roles", caja)
        self.formulario.addRow("", self.activo)
        self.boton("&Guardar usuario", self.guardar)
        self.lista.currentItemChanged.connect(lambda *_: self._mostrar(self.elegido()))

    def cargar(self) -> None:
        self.pedir(lambda c: c.usuarios(), lambda filas: self.llenar(
            [(f"{u['clave']} · {u['datos']['nombre']} · {', '.join(u['datos']['roles'])}"
              + ("" if u["activo"] else " (inactivo)"), u) for u in filas]))

    def _mostrar(self, usuario: dict[str, Any] | None) -> None:
        if usuario is None:
            return
        self.login.setText(usuario["clave"])
        self.nombre.setText(usuario["datos"]["nombre"])
        for rol, casilla in self.roles.items():
            casilla.setChecked(rol in usuario["datos"]["roles"])
        self.activo.setChecked(bool(usuario["activo"]))

    def guardar(self) -> None:
        login, nombre, clave = self.login.text().strip(), self.nombre.text().strip(), self.clave.text()
        roles = [r for r, c in self.roles.items() if c.isChecked()]
        activo = self.activo.isChecked()
        self.pedir(lambda c: c.guardar_usuario(login, nombre, roles, clave or None, activo), lambda _: self.cargar())


class _Equipos(SeccionAdministracion):
    def __init__(self, ventana: VentanaAdministracion) -> None:
        super().__init__(ventana)
        self.serie, self.punto = QLineEdit(self), QLineEdit(self)
        self.codigo = QLineEdit(self)
        self.codigo.setReadOnly(True)
        self.codigo.setAccessibleName("Código de inscripción")
        self.formulario.addRow("&Serie", self.serie)
        self.formulario.addRow("&Punto de radicación", self.punto)
        self.formulario.addRow("Código", self.codigo)
        self.boton("Crear código de &inscripción", self.crear_codigo)
        self.boton("&Revocar equipo", self.revocar)

    def cargar(self) -> None:
        self.pedir(lambda c: c.equipos(), lambda filas: self.llenar([
            (f"{e['punto']} · serie {e['serie']} · último sync {e['ultimo_sync'] or 'nunca'} · "
             f"{_desfase(e['desfase_segundos'])}" + (" · REVOCADO" if e["revocado"] else ""), e)
            for e in filas]))

    def crear_codigo(self) -> None:
        serie, punto = self.serie.text().strip(), self.punto.text().strip() or self.serie.text().strip()

        def mostrar(respuesta: dict[str, Any]) -> None:
            self.codigo.setText(respuesta["codigo"])
            self.mensaje.setText(f"Código para la serie {respuesta['serie']}; vence {respuesta['vence_en'][:10]}.")

        self.pedir(lambda c: c.codigo_inscripcion(serie, punto), mostrar)

    def revocar(self) -> None:
        equipo = self.elegido()
        if equipo is None:
            self.mensaje.setText("Elija primero el equipo que quiere revocar.")
            return
        self.pedir(lambda c: c.revocar(equipo["id"]), lambda _: self.cargar())


class _Catalogos(SeccionAdministracion):
    TIPOS = ("dependencias", "comunas", "servicios", "ventanillas")

    def __init__(self, ventana: VentanaAdministracion) -> None:
        super().__init__(ventana)
        self.tipo = QComboBox(self)
        self.tipo.addItems(self.TIPOS)
        self.tipo.currentTextChanged.connect(lambda _: self.cargar())
        self.clave, self.nombre = QLineEdit(self), QLineEdit(self)
        self.activo = QCheckBox("Activo", self)
        self.activo.setChecked(True)
        self.formulario.addRow("&Catálogo", self.tipo)
        self.formulario.addRow("C&lave", self.clave)
        self.formulario.addRow("&Nombre", self.nombre)
        self.formulario.addRow("", self.activo)
        self.boton("&Guardar entrada", self.guardar)
        self.lista.currentItemChanged.connect(lambda *_: self._mostrar(self.elegido()))

    def cargar(self) -> None:
        tipo = self.tipo.currentText()
        self.pedir(lambda c: c.catalogo(tipo), lambda filas: self.llenar(
            [(f"{e['clave']} · {e['datos'].get('nombre', '')}" + ("" if e["activo"] else " (de baja)"), e) for e in filas]))

    def _mostrar(self, entrada: dict[str, Any] | None) -> None:
        if entrada is not None:
            self.clave.setText(entrada["clave"])
            self.nombre.setText(entrada["datos"].get("nombre", ""))
            self.activo.setChecked(bool(entrada["activo"]))

    def guardar(self) -> None:
        tipo, clave, nombre, activo = self.tipo.currentText(), self.clave.text().strip(), self.nombre.text(), self.activo.isChecked()
        anterior = self.elegido()
        datos = dict(anterior["datos"]) if anterior and anterior["clave"] == clave else {}
        datos["nombre"] = nombre
        self.pedir(lambda c: c.guardar_catalogo(tipo, clave, datos, activo), lambda _: self.cargar())


class _Cierres(SeccionAdministracion):
    def __init__(self, ventana: VentanaAdministracion) -> None:
        super().__init__(ventana)
        self.fecha = QDateEdit(self)
        self.fecha.setCalendarPopup(True)
        self.motivo = QLineEdit(self)
        self.formulario.addRow("&Fecha", self.fecha)
        self.formulario.addRow("&Motivo", self.motivo)
        self.boton("&Declarar cerrado", lambda: self.guardar(True))
        self.boton("&Quitar cierre", lambda: self.guardar(False))

    def cargar(self) -> None:
        self.pedir(lambda c: c.catalogo("cierres"), lambda filas: self.llenar(
            [(f"{e['clave']} · {e['datos'].get('motivo', '')}", e) for e in filas if e["activo"]]))

    def guardar(self, activo: bool) -> None:
        fecha, motivo = self.fecha.date().toString("yyyy-MM-dd"), self.motivo.text()
        self.pedir(lambda c: c.guardar_catalogo("cierres", fecha, {"motivo": motivo}, activo), lambda _: self.cargar())


class _Plantillas(SeccionAdministracion):
    def __init__(self, ventana: VentanaAdministracion) -> None:
        super().__init__(ventana)
        self.texto = QLineEdit(self)
        self.texto.setAccessibleName("Plantilla de numeración")
        self.formulario.addRow("&Plantilla", self.texto)
        self.formulario.addRow("", QLabel("Debe contener {serie}, {año} y {consecutivo}; p. ej. {entidad}-{serie}-{año}-{consecutivo:06d}"))
        self.boton("&Guardar plantilla", self.guardar)

    def cargar(self) -> None:
        def mostrar(filas: list[dict[str, Any]]) -> None:
            vigente = next((e for e in filas if e["clave"] == "vigente"), None)
            self.llenar([(f"{e['clave']}: {e['datos']['texto']}", e) for e in filas])
            if vigente is not None and not self.texto.text():
                self.texto.setText(vigente["datos"]["texto"])

        self.pedir(lambda c: c.catalogo("plantillas"), mostrar)

    def guardar(self) -> None:
        texto = self.texto.text().strip()
        self.pedir(lambda c: c.guardar_catalogo("plantillas", "vigente", {"texto": texto}), lambda _: self.cargar())


class VentanaAdministracion(QDialog):
    """Administración del servidor central; recibe un cliente con la sesión ya abierta."""

    def __init__(self, cliente: ClienteAdministracion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cliente = cliente
        self.setWindowTitle("Administración del servidor")
        self.secciones_lista = QListWidget(self)
        self.secciones_lista.setAccessibleName("Secciones")
        self.secciones_lista.addItems(SECCIONES)
        self.pila = QStackedWidget(self)
        self.usuarios, self.equipos = _Usuarios(self), _Equipos(self)
        self.catalogos, self.cierres, self.plantillas = _Catalogos(self), _Cierres(self), _Plantillas(self)
        self.revisiones = SeccionRevisiones(self)
        self._secciones: list[SeccionAdministracion] = [
            self.usuarios, self.equipos, self.catalogos, self.cierres, self.plantillas, self.revisiones,
        ]
        for seccion, nombre in zip(self._secciones, SECCIONES, strict=True):
            seccion.setAccessibleName(nombre)
            self.pila.addWidget(seccion)
        self.secciones_lista.currentRowChanged.connect(self._ir_a)
        disposicion = QHBoxLayout(self)
        disposicion.addWidget(self.secciones_lista)
        disposicion.addWidget(self.pila, 1)
        self.secciones_lista.setCurrentRow(0)

    def _ir_a(self, fila: int) -> None:
        if 0 <= fila < len(self._secciones):
            self.pila.setCurrentIndex(fila)
            self._secciones[fila].cargar()

    def done(self, resultado: int) -> None:
        self.cliente.cerrar()
        super().done(resultado)
