"""El servidor central: usuarios, equipos, catálogos versionados y el almacén de eventos de toda la
entidad, detrás de una API HTTP (FastAPI). `crear_app()` arma la aplicación; `ventanilla servidor`
la sirve con uvicorn."""
