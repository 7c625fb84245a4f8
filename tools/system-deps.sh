#!/bin/sh
# Installs the Debian/Ubuntu packages the app and its tests need, when run as
# root; otherwise prints the exact apt-get line and fails.
#   tools/system-deps.sh run   - what the app needs to open a window
#   tools/system-deps.sh test  - that, plus PDF tools and LibreOffice Calc
set -eu
purpose=${1:-test}

# Qt's offscreen and xcb platforms (PITFALLS.md), and fonts for Qt to draw with.
run_pkgs="libegl1 libgl1 libopengl0 libx11-6 libx11-xcb1 libfontconfig1 libfreetype6 libglib2.0-0t64|libglib2.0-0
libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core"
# pdftotext/pdffonts/pdftoppm read the PDFs back; LibreOffice Calc recalculates workbooks;
# the desktop-file, AppStream and MIME validators check packaging/linux; strace proves
# that nothing the app does opens a network connection; a screen reader's view of the app
# is read over AT-SPI (python3-pyatspi) in an X server and session bus of its own; plans on a
# PostgreSQL server are tested on a throw-away cluster that pg_virtualenv (postgresql-common) starts;
# the summit room makes its own cluster and certificate (postgresql, openssl), and zbarimg reads
# its join codes' QR codes back; a headless Chromium, driven by its chromedriver, opens a member's
# phone link.
test_pkgs="poppler-utils libreoffice-calc-nogui|libreoffice-calc desktop-file-utils appstream shared-mime-info strace
python3-pyatspi at-spi2-core xvfb xauth dbus dbus-x11 xdotool postgresql openssl zbar-tools chromium chromium-driver"

pkgs=$run_pkgs
[ "$purpose" = test ] && pkgs="$run_pkgs $test_pkgs"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
known() { apt-cache show "$1" >/dev/null 2>&1; }

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian/Ubuntu system; install Qt 6's runtime libraries, poppler-utils and LibreOffice yourself" >&2
    exit 0
fi

missing=""
updated=""
for alternatives in $pkgs; do
    have=""
    for p in $(echo "$alternatives" | tr '|' ' '); do
        if installed "$p"; then have=$p; break; fi
    done
    [ -n "$have" ] && continue
    if [ "$(id -u)" = 0 ] && [ -z "$updated" ]; then apt-get update -qq >/dev/null; updated=1; fi
    pick=$(echo "$alternatives" | cut -d'|' -f1)
    for p in $(echo "$alternatives" | tr '|' ' '); do
        if known "$p"; then pick=$p; break; fi
    done
    missing="$missing $pick"
done

[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "system-deps: installing$missing"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "system-deps: these system packages are missing. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
    exit 1
fi
