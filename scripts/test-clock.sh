#!/usr/bin/env bash
# Runs Vitest with the clock faked (libfaketime: `apt-get install faketime`) at the times where tests that
# lean on the real clock break: just after UTC midnight, 01:30 UTC (now − 1 h and now − 2 h fall on two
# days), just before UTC midnight, and the spring daylight-saving change in Europe and in America.
# Not part of `npm test` (it runs the suite once per time). The faked clock advances; the PostgreSQL server
# is not faked (its now() stays real; unless the embedded one is started by this run), which also shows
# tests that mix the two clocks.
#
#   npm run test:clock                       # every time below, whole suite
#   npm run test:clock -- lib/pipeline       # only these files / folders
#   CLOCK_TIMES='2026-12-07 00:30:00' npm run test:clock -- inngest
set -uo pipefail

command -v faketime >/dev/null || { echo 'test:clock needs libfaketime (apt-get install faketime)' >&2; exit 2; }

today=$(date -u +%F)
yesterday=$(date -u -d "$today -1 day" +%F)
# The next spring changes (not past ones: tests carry fixed dates that must stay in the past).
# Europe: last Sunday of March, 01:00 UTC. America: second Sunday of March, 07:00 UTC (02:00 EST).
eu_spring() { date -u -d "$1-03-31 -$(date -u -d "$1-03-31" +%w) days" +%F; }
us_spring() { date -u -d "$1-03-01 +$(( (7 - $(date -u -d "$1-03-01" +%w)) % 7 + 7 )) days" +%F; }
year=$(date -u +%Y)
eu_dst=$(eu_spring "$year"); [[ "$eu_dst" < "$today" ]] && eu_dst=$(eu_spring $((year + 1)))
us_dst=$(us_spring "$year"); [[ "$us_dst" < "$today" ]] && us_dst=$(us_spring $((year + 1)))

default_times="$today 00:30:00
$today 01:30:00
$yesterday 23:59:00
$eu_dst 00:30:00
$eu_dst 01:30:00
$us_dst 07:30:00"
times=${CLOCK_TIMES:-$default_times}

summary=''
status=0
while IFS= read -r at; do
  [ -z "$at" ] && continue
  echo "=== vitest with the clock at $at UTC ==="
  report=$(mktemp)
  # An offset from the real clock, not a start time ("@…"): each process (Vitest, its workers, the Next
  # server) then reads the same faked clock, whenever it started.
  offset=$(( $(date -u -d "$at" +%s) - $(date -u +%s) ))
  [ $offset -ge 0 ] && offset="+$offset"
  TZ=${TZ:-UTC} faketime -f "$offset" npx vitest run --reporter=default --reporter=json --outputFile="$report" "$@"
  code=$?
  [ $code -ne 0 ] && status=1
  failed=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const f of r.testResults) for (const t of f.assertionResults)
      if (t.status === "failed") console.log("  " + require("path").relative(process.cwd(), f.name) + " > " + t.fullName);
    if (r.numFailedTestSuites && !r.numFailedTests) console.log("  (a file failed outside its tests)");
  ' "$report" 2>/dev/null || echo '  (no report: the run did not finish)')
  rm -f "$report"
  summary+="$at UTC: $([ $code -eq 0 ] && echo passed || echo FAILED)"$'\n'"$failed"$'\n'
done <<< "$times"

echo
echo '=== test:clock summary ==='
printf '%s' "$summary"
exit $status
