#!/bin/sh
# Renders the app's PNG icons into public/ from their SVG sources, with Debian's tools:
#   apt-get install librsvg2-bin pngquant zopfli
# Eight colours are enough for a two-colour mark with smooth edges and keep each icon under
# 1.5 KB. The PNGs are committed; run this only after changing an SVG.
#   icon-192.png           the favicon (public/favicon.svg), for "any" purpose
#   icon-maskable-512.png  icons/maskable.svg: the same mark on a full-bleed square, inside
#                          the safe zone (the central circle of 80%) that launchers keep
set -eu
cd "$(dirname "$0")/.."
render() { # svg size out
  rsvg-convert -w "$2" -h "$2" "$1" -o "$3.tmp.png"
  pngquant --force --speed 1 --output "$3.q.png" 8 "$3.tmp.png"
  zopflipng -y -m "$3.q.png" "$3"
  rm -f "$3.tmp.png" "$3.q.png"
}
render public/favicon.svg 192 public/icon-192.png
render icons/maskable.svg 512 public/icon-maskable-512.png
ls -l public/*.png
