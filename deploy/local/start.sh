#!/usr/bin/env bash
# npm start: install, provision Postgres and Kafka, migrate, build, start the four services.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash deploy/local/install.sh
exec node_modules/.bin/tsx deploy/local/run-system.ts
