#!/usr/bin/env bash
# Installs what is missing, then builds and serves the app at http://127.0.0.1:8080/ (release build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}" "$@"
