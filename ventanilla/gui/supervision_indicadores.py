"""La pestaña «Indicadores»: las cifras del periodo y sus gráficos, del mismo cálculo que los
informes (solicitudes recibidas en el periodo, clasificadas al corte): por tipo, canal y
dependencia, oportunidad de respuesta, tiempos de respuesta (promedio y percentil 90) y, si hay
turnos, la espera por hora.
"""

from __future__ import annotations

from ventanilla.datos.almacen import Almacen
from ventanilla.dominio.terminos import EstadoTermino as E
from ventanilla.gui.operaciones import ejecutar
from ventanilla.gui.qt import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from ventanilla.gui.supervision_graficos import Grafico
from ventanilla.informes.contexto import nombre_canal, nombre_tipo
from ventanilla.informes.formato import celda
from ventanilla.informes.modelo import Tipo
from ventanilla.informes.periodo import Periodo
from ventanilla.informes.supervision import Tablero, tablero

__all__ = ["PestanaIndicadores"]


class PestanaIndicadores(QWidget):
    def __init__(self, almacen: Almacen) -> None:
        super().__init__()
        self.almacen = almacen
        self._lectura = 0
        self.cifras = QLabel()
        self.cifras.setWordWrap(True)
        self.por_tipo = Grafico("Solicitudes por tipo")
        self.por_canal = Grafico("Solicitudes por canal")
        self.oportunidad = Grafico("Respuesta por dependencia", apilado=True)
        self.tiempos = Grafico("Días hábiles de respuesta por tipo")
        self.espera = Grafico("Espera de turnos por hora de llegada (minutos)")
        rejilla = QGridLayout()
        for i, grafico in enumerate((self.por_tipo, self.por_canal, self.oportunidad, self.tiempos, self.espera)):
            rejilla.addWidget(grafico, i // 2, i % 2)
        contenido = QWidget()
        interior = QVBoxLayout(contenido)
        interior.addWidget(self.cifras)
        interior.addLayout(rejilla)
        desplazable = QScrollArea()
        desplazable.setWidgetResizable(True)
        desplazable.setWidget(contenido)
        capa = QVBoxLayout(self)
        capa.setContentsMargins(0, 0, 0, 0)
        capa.addWidget(desplazable)

    def actualizar(self, periodo: Periodo) -> None:
        self.cifras.setText("Calculando los indicadores…")
        self._lectura += 1
        numero = self._lectura
        ejecutar(self, lambda: tablero(self.almacen, periodo),
                 al_terminar=lambda datos: self.mostrar(datos) if numero == self._lectura else None,
                 al_fallar=lambda e: self.cifras.setText(f"No se pudieron calcular los indicadores: {e}"),
                 descripcion="Calculando los indicadores…")

    def mostrar(self, datos: Tablero) -> None:
        r = datos.resumen
        t = r.total
        self.cifras.setText(
            f"{datos.periodo.etiqueta}: {celda(t.total, Tipo.ENTERO)} solicitudes recibidas · "
            f"{celda(t.de(E.RESPONDIDA_A_TIEMPO), Tipo.ENTERO)} respondidas a tiempo · "
            f"{celda(t.de(E.RESPONDIDA_FUERA_DE_TERMINO), Tipo.ENTERO)} fuera de término · "
            f"{celda(t.de(E.VENCIDA), Tipo.ENTERO)} vencidas · oportunidad {celda(t.oportunidad, Tipo.PORCENTAJE)} · "
            f"respuesta en {celda(t.promedio_dias, Tipo.DECIMAL)} días hábiles en promedio "
            f"(p90: {celda(t.p90_dias, Tipo.ENTERO) or '—'})."
        )
        tipos = sorted(r.por_tipo, key=lambda k: -r.por_tipo[k].total)
        self.por_tipo.mostrar([nombre_tipo(k) for k in tipos], {"Solicitudes": [r.por_tipo[k].total for k in tipos]})
        canales = [c for c, _ in r.por_canal.most_common()]
        self.por_canal.mostrar([nombre_canal(c) for c in canales], {"Solicitudes": [r.por_canal[c] for c in canales]})
        deps = sorted(r.por_dependencia, key=lambda k: datos.dependencias.get(k, k))
        self.oportunidad.mostrar(
            [datos.dependencias.get(k, k) for k in deps],
            {"A tiempo": [r.por_dependencia[k].de(E.RESPONDIDA_A_TIEMPO) for k in deps],
             "Fuera de término": [r.por_dependencia[k].de(E.RESPONDIDA_FUERA_DE_TERMINO) for k in deps],
             "Vencidas": [r.por_dependencia[k].de(E.VENCIDA) for k in deps]},
        )
        con_dias = [k for k in tipos if r.por_tipo[k].dias]
        self.tiempos.mostrar(
            [nombre_tipo(k) for k in con_dias],
            {"Promedio": [round(r.por_tipo[k].promedio_dias or 0, 1) for k in con_dias],
             "Percentil 90": [r.por_tipo[k].p90_dias or 0 for k in con_dias]},
        )
        horas = sorted(datos.turnos.por_hora)
        self.espera.mostrar(
            [f"{h:02d}:00" for h in horas],
            {"Promedio": [round(datos.turnos.por_hora[h].espera_promedio or 0, 1) for h in horas]},
        )
        self.espera.setVisible(bool(horas))
