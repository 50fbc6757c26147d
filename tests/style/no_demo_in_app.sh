#!/usr/bin/env bash
# no_demo_in_app.sh SOURCE_ROOT WEB_SITE — the demo generator (tools/gen) is
# never part of the app a browser downloads: no file of app/ includes it, the
# web build does not link it, and the wasm holds none of its data (the demo's
# parish, "Paroisse Saint-Roch", is a string only the generator has).
# Exits 77 (skipped) when there is no web build to look at.
set -euo pipefail
root=$1 site=$2
status=0

if grep -rnE '#include[[:space:]]*"gen/' "$root/app"; then
  echo "FAIL: app/ includes the demo generator (above)"
  status=1
fi

web=$(dirname "$site")
if [[ ! -f $site/obole.wasm ]]; then
  echo "no web build at $site: the link and the wasm were not checked"
  exit $((status ? status : 77))
fi
if grep -rl --include=link.txt --include=linkLibs.rsp --include='*.make' --include=build.ninja \
    -e obole_gen -e tools/gen "$web"; then
  echo "FAIL: the web build links the demo generator (files above)"
  status=1
fi
if LC_ALL=C grep -aq 'Paroisse Saint-Roch' "$site/obole.wasm"; then
  echo "FAIL: $site/obole.wasm holds the demo generator's data"
  status=1
fi
((status)) || echo "ok: app/ and the wasm are free of the demo generator"
exit $status
