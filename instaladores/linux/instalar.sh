#!/usr/bin/env bash
# Instala o actualiza el paquete de una carpeta de Ventanilla construido con PyInstaller.
#
#   instaladores/linux/instalar.sh dist/ventanilla [PREFIJO]
#
# PREFIJO: /usr/local si corre como root (todos los usuarios), ~/.local si no.
# Cada versión queda en PREFIJO/lib/ventanilla/VERSION; `actual` apunta a la vigente y se cambia
# de una vez (un enlace renombrado), así una actualización nunca deja media instalación. Se
# conserva la versión anterior para volver atrás. Los datos y ajustes de cada equipo viven en el
# directorio de datos del usuario (~/.local/share/ventanilla o VENTANILLA_DATOS): este script no
# los toca nunca.
set -euo pipefail

origen=${1:?"Uso: $0 CARPETA_DEL_PAQUETE [PREFIJO]"}
if [ "$(id -u)" -eq 0 ]; then prefijo_defecto=/usr/local; else prefijo_defecto="$HOME/.local"; fi
prefijo=${2:-$prefijo_defecto}
aqui=$(cd "$(dirname "$0")" && pwd)

[ -x "$origen/ventanilla" ] || { echo "No encuentro $origen/ventanilla: construya antes el paquete." >&2; exit 2; }
version=$("$origen/ventanilla" --version | awk '{print $2}')
base="$prefijo/lib/ventanilla"
mkdir -p "$base" "$prefijo/bin" "$prefijo/share/applications" "$prefijo/share/icons/hicolor/256x256/apps"

nueva="$base/$version"
temporal="$base/.$version.nueva"
rm -rf "$temporal"
cp -a "$origen" "$temporal"
rm -rf "$nueva"
mv "$temporal" "$nueva"

anterior=$(readlink "$base/actual" 2>/dev/null || true)
ln -sfn "$version" "$base/.actual.nuevo"
mv -T "$base/.actual.nuevo" "$base/actual"
ln -sfn "../lib/ventanilla/actual/ventanilla" "$prefijo/bin/ventanilla"

# Quedan la versión vigente y la anterior; las demás se borran.
for dir in "$base"/*; do
  [ -d "$dir" ] && [ ! -L "$dir" ] || continue
  nombre=$(basename "$dir")
  if [ "$nombre" != "$version" ] && [ "$nombre" != "$anterior" ]; then rm -rf "$dir"; fi
done

install -m 0644 "$aqui/ventanilla.desktop" "$prefijo/share/applications/ventanilla.desktop"
install -m 0644 "$aqui/ventanilla.png" "$prefijo/share/icons/hicolor/256x256/apps/ventanilla.png"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefijo/share/applications" || true
echo "Ventanilla $version instalada en $nueva (orden: $prefijo/bin/ventanilla)."
