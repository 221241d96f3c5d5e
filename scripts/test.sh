#!/usr/bin/env bash
# Run the test suite (unit, golden, property, validation, CLI, browser and PDF tests). Sets up
# everything it needs first (scripts/setup.sh). Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit $?
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
