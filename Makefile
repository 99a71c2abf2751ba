# Dos órdenes: `make run` abre la aplicación; `make test` corre las pruebas.
# Cada una instala antes lo que le falta.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SELLO  := $(VENV)/.instalado

.PHONY: run test demo sistema limpiar

$(SELLO): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[servidor,pruebas]'
	touch $(SELLO)

run: $(SELLO)
	$(BIN)/ventanilla

demo: $(SELLO)
	$(BIN)/ventanilla demo

sistema:
	./scripts/instalar-sistema.sh

test: sistema $(SELLO)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

limpiar:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
