#!/usr/bin/env bash
# Instala los paquetes de Debian que las pruebas usan como piezas reales (X virtual, lector de
# accesibilidad, PostgreSQL, CUPS con impresora PDF, zbar, poppler, voz). Solo instala lo que falta.
set -euo pipefail
paquetes=(
  xvfb xauth x11-apps imagemagick
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi
  postgresql
  cups cups-client cups-bsd printer-driver-cups-pdf ghostscript
  zbar-tools libzbar0 poppler-utils
  espeak-ng sox libpulse0 pulseaudio pulseaudio-utils
  speech-dispatcher speech-dispatcher-espeak-ng libspeechd2
  fonts-dejavu-core gnome-keyring sqlite3 binutils
)
faltan=()
for p in "${paquetes[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || faltan+=("$p")
done
[ ${#faltan[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
echo "Instalando paquetes del sistema: ${faltan[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${faltan[@]}" >&2
