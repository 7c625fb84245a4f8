#!/bin/sh
# Runs the frozen bundle headless: every CLI command and one painted window.
set -eu
app=${1:-dist/SummitPlanner/summit-app}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
"$app" --version
"$app" new "$work/demo.techplan" --demo
"$app" export "$work/demo.techplan" --xlsx "$work/demo.xlsx" --pdf "$work/demo.pdf" --json "$work/demo.json"
test -s "$work/demo.xlsx" && test -s "$work/demo.pdf" && test -s "$work/demo.json"
"$app" check "$work/demo.techplan" >/dev/null
"$app" info "$work/demo.techplan" --json >/dev/null
"$app" "$work/demo.techplan" --smoke
echo "bundle smoke test passed: $(du -sh "$(dirname "$app")" | cut -f1) in $(dirname "$app")"
