"""Búsqueda: índice de prefijos de 1 a 3 letras en la tabla FTS5 y su vocabulario.

Un prefijo corto («a», «ma», «mar», lo que se alcanza a escribir antes de que la búsqueda salga
sola) sin índice propio obliga a FTS5 a juntar las listas de todos los términos que empiezan así:
de 30 a 160 ms sobre un millón de solicitudes. Con `prefix='1 2 3'` es una lista más.
`busqueda_terminos` (fts5vocab, una fila por aparición) deja a `buscar` recorrer los términos que
empiezan por una palabra más larga sin leer sus listas.

FTS5 no deja añadir un índice de prefijos a una tabla existente: las filas pasan con su `rowid`
(el de `solicitudes.fila`) a una tabla temporal, se borra la tabla y se crea de nuevo con las
mismas columnas y el mismo tokenizador, y se deja en un solo segmento. Con un millón de
solicitudes: unos 50 s (hasta 600 MB de memoria en el proceso) y el archivo crece unos 215 MB,
casi todo el índice de prefijos.

Revision ID: busqueda_0001
"""

from __future__ import annotations

from alembic import op

revision = "busqueda_0001"
down_revision = "0001_base"
branch_labels = ("busqueda",)
depends_on = None

_COLUMNAS = "radicado, documento, nombre, asunto"
_TOKENIZADOR = "tokenize='unicode61 remove_diacritics 2'"


_HASH_AL_COPIAR = 64 * 2**20
"""Cuánto junta FTS5 en memoria antes de escribir un segmento mientras copia: con el valor por
defecto (1 MB) copiar un millón de filas tardó 56 s; con 64 MB, 30 s (y 70 MB más de memoria)."""
_HASH_POR_DEFECTO = 2**20


def _rehacer(opciones: str) -> None:
    # Las filas pasan por una tabla temporal (en memoria, ~100 MB con un millón): así la tabla
    # nueva se escribe en las páginas que deja la vieja en vez de hacer crecer el archivo.
    op.execute(f"CREATE TEMP TABLE busqueda_copia AS SELECT rowid AS fila, {_COLUMNAS} FROM busqueda")
    op.execute("DROP TABLE busqueda")
    op.execute(f"CREATE VIRTUAL TABLE busqueda USING fts5({_COLUMNAS}, {opciones})")
    op.execute(f"INSERT INTO busqueda (busqueda, rank) VALUES ('hashsize', {_HASH_AL_COPIAR})")
    op.execute(f"INSERT INTO busqueda (rowid, {_COLUMNAS}) SELECT fila, {_COLUMNAS} FROM temp.busqueda_copia ORDER BY fila")
    # El ajuste queda guardado en la tabla: se devuelve al de siempre para el uso normal.
    op.execute(f"INSERT INTO busqueda (busqueda, rank) VALUES ('hashsize', {_HASH_POR_DEFECTO})")
    op.execute("DROP TABLE temp.busqueda_copia")
    # Un solo segmento: sin esto la copia deja varios, las consultas leen de todos y las primeras
    # radicaciones cargan con fusiones de cientos de MB. Con un millón: ~15 s más.
    op.execute("INSERT INTO busqueda (busqueda) VALUES ('optimize')")


def upgrade() -> None:
    _rehacer(f"{_TOKENIZADOR}, prefix='1 2 3'")
    op.execute("CREATE VIRTUAL TABLE busqueda_terminos USING fts5vocab(busqueda, instance)")


def downgrade() -> None:
    op.execute("DROP TABLE busqueda_terminos")
    _rehacer(_TOKENIZADOR)
