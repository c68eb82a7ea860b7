#!/usr/bin/env bash
# npm run test:e2e — the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3), driven by
# playwright-core with Debian's chromium. Installs code-server into .e2e/ on the first run (cached after),
# packages the .vsix with `npm run package`, installs it into a private profile, opens a generated workspace
# and runs test/e2e/run.ts. Screenshots go to artifacts/e2e/. Needs the Debian packages listed in
# scripts/vscode/lib.sh (require_system_packages); no internet beyond the npm registry.
# The display-language part (test/e2e/displayLanguageSteps.ts) has a profile of its own, prepared here: the .vsix,
# two minimal language packs (es, he; test/e2e/languagePacks.ts) and its own workspace; run.ts starts code-server on
# it with --locale es, then --locale he, on port PORT+1 (DISPLAY_LANGUAGE_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/vscode/lib.sh

PORT=${PORT:-8765}
PROFILE="$CACHE/run"
DISPLAY_LANGUAGE_PROFILE="$CACHE/run-display-language"
DISPLAY_LANGUAGE_PORT=${DISPLAY_LANGUAGE_PORT:-$((PORT + 1))}
ARTIFACTS="$PROJECT/artifacts/e2e"
T0=$(date +%s)

# The display-language session's code-server is started and stopped by run.ts; should run.ts die first, its group too.
trap 'stop_code_server; stop_code_server_of "$DISPLAY_LANGUAGE_PROFILE/logs/display-language-code-server.pid"' EXIT
require_system_packages
ensure_fonts
ensure_code_server
log "code-server ready ($(( $(date +%s) - T0 )) s)"

mkdir -p "$CACHE/logs"
VSIX="$CACHE/langlens-e2e.vsix"
npm run --silent package -- --out "$VSIX" >"$CACHE/logs/package.log" 2>&1 || { cat "$CACHE/logs/package.log" >&2; exit 1; }
log "packaged $(du -h "$VSIX" | cut -f1) .vsix"

rm -rf "$PROFILE" "$DISPLAY_LANGUAGE_PROFILE" "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
prepare_profile "$PROFILE"
install_vsix "$PROFILE" "$VSIX"
# The user-level settings an annotator would have; not the annotator id, which LangLens asks for at the first
# "Start Annotating" (never when a view opens), as a newcomer meets it (run.ts, labelThreeItems).
node -e '
  const fs = require("fs"); const file = process.argv[1];
  const settings = JSON.parse(fs.readFileSync(file, "utf8"));
  Object.assign(settings, { "langlens.annotator.languages": ["he", "zh"],
    "langlens.adjudicator.id": "e2e-lead",
    "workbench.colorTheme": "Default Dark Modern" });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));' "$PROFILE/data/User/settings.json"

WORKSPACE="$PROFILE/workspace"
node --import tsx test/e2e/fixture.ts "$WORKSPACE"

# VS Code in Spanish and in Hebrew (unless E2E_ONLY leaves that part out): LangLens and the language packs installed
# as any .vsix, then the cache of language packs VS Code resolves a locale with, which an install through the CLI does
# not write (see languagePacks.ts).
if [ -z "${E2E_ONLY:-}" ] || [[ ",$E2E_ONLY," == *",display-language,"* ]]; then
  prepare_profile "$DISPLAY_LANGUAGE_PROFILE"
  install_vsix "$DISPLAY_LANGUAGE_PROFILE" "$VSIX"
  node --import tsx test/e2e/languagePacks.ts build "$DISPLAY_LANGUAGE_PROFILE/packs" >"$CACHE/logs/language-packs.log" 2>&1 \
    || { cat "$CACHE/logs/language-packs.log" >&2; exit 1; }
  for pack in "$DISPLAY_LANGUAGE_PROFILE"/packs/*.vsix; do install_vsix "$DISPLAY_LANGUAGE_PROFILE" "$pack"; done
  node --import tsx test/e2e/languagePacks.ts cache "$DISPLAY_LANGUAGE_PROFILE"
  node --import tsx test/e2e/fixture.ts "$DISPLAY_LANGUAGE_PROFILE/workspace"
  log "display-language profile ready ($(( $(date +%s) - T0 )) s)"
fi

start_code_server "$PROFILE" "$PORT" "$WORKSPACE"
log "code-server pid $CS_PID on http://127.0.0.1:$PORT ($(( $(date +%s) - T0 )) s)"

CS_URL="http://127.0.0.1:$PORT" CS_PID="$CS_PID" WORKSPACE="$WORKSPACE" ARTIFACTS="$ARTIFACTS" HOME="$PROFILE/home" \
  CS_BIN="$CS_BIN" DISPLAY_LANGUAGE_PROFILE="$DISPLAY_LANGUAGE_PROFILE" DISPLAY_LANGUAGE_PORT="$DISPLAY_LANGUAGE_PORT" \
  node --import tsx test/e2e/run.ts
log "E2E passed in $(( $(date +%s) - T0 )) s; screenshots in $ARTIFACTS"
