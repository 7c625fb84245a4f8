#!/bin/sh
# Renders the app icon's PNG sizes from resources/icons/summit-planner.svg (needs rsvg-convert,
# Debian package librsvg2-bin). The PNGs are committed; run this after changing the SVG.
set -eu
cd "$(dirname "$0")/.."
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" resources/icons/summit-planner.svg -o "resources/icons/summit-planner-$size.png"
done
