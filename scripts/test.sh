#!/usr/bin/env bash
# The whole test suite: static checks, the web build the browser tests load, then every
# vitest project (unit, integration on real PostgreSQL + Meilisearch, browser in Chromium).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
pnpm -s typecheck || exit 1
pnpm -s lint || exit 1
pnpm -s --filter @synergies/web build > .tmp/web-build.log 2>&1 || { cat .tmp/web-build.log; exit 1; }
npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest-report.json "$@"
status=$?
node scripts/test-summary.mjs .tmp/vitest-report.json
exit $status
