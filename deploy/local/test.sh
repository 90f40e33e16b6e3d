#!/usr/bin/env bash
# npm test: install, then every test level on real Postgres and real Kafka (deploy/local/run-tests.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash deploy/local/install.sh
# docker-compose.yml is validated by the tests with Debian's docker-compose; no Docker engine is needed for that.
if ! command -v docker-compose >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[install] docker-compose (Debian package, used only to validate docker-compose.yml)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  else
    echo "[install] docker-compose is missing and cannot be installed here; the compose validation test will fail" >&2
  fi
fi
# The dashboard's browser test drives Debian's Chromium (playwright-core; no browser download).
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[install] chromium (Debian package, for the dashboard's browser test)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "[install] chromium is missing and cannot be installed here; the dashboard's browser test will fail" >&2
  fi
fi
exec node_modules/.bin/tsx deploy/local/run-tests.ts "$@"
