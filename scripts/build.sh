#!/usr/bin/env bash
# Build the whole edition from seeds/: TEI (validated) in tei/, the web edition and the PDFs in
# build/site/. Sets up everything it needs first (scripts/setup.sh). Extra arguments go to
# `lefort-tei build` (see `.venv/bin/lefort-tei build --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --build-only
exec .venv/bin/lefort-tei build "$@"
