#!/usr/bin/env bash
# npm run try (or npm run demo -- --vscode) — LangLens in a real VS Code on the demo run, for a person to try
# at http://127.0.0.1:$PORT (default 8080). code-server 4.103.2 (VS Code 1.103.2, on Node 22, which
# scripts/vscode/lib.sh fetches from the npm registry when this machine's Node is another) is installed into .e2e/
# the first time (a few minutes, from the npm registry), the extension is packaged and installed into a private
# profile (.e2e/try), and the newcomer's database (.langlens/try.db: the demo run, languages detected) is prepared
# if missing. It is not `npm run demo`'s .langlens/demo.db, which that command makes anew each time: the labels
# given here stay, however often the demo runs.
# Ctrl+C stops it. Open a folder of your own with: FOLDER=/path/to/run npm run try
set -euo pipefail
cd "$(dirname "$0")/../.."
# Not the E2E's 4.100.3: from VS Code 1.99 each new webview registered a service worker of its own, replacing
# the last one's (microsoft/vscode#245756; 1.100.3 still does, 1.103 no longer), so in 1.100.3 every panel after a
# window's first takes 1.2-1.5 s to open instead of 0.25-0.35 s (`npm run bench -- grid`, "reopened after closing").
CS_VERSION=${CS_VERSION:-4.103.2}
source scripts/vscode/lib.sh

PORT=${PORT:-8080}
BIND=${BIND:-127.0.0.1}
FOLDER=${FOLDER:-$PROJECT/demo}
PROFILE="$CACHE/try"
TRY_DB="$PROJECT/.langlens/try.db"

trap stop_code_server EXIT INT TERM
require_system_packages
ensure_fonts
ensure_code_server

mkdir -p "$CACHE/logs"
VSIX="$CACHE/langlens-try.vsix"
log "packaging the extension"
npm run --silent package -- --out "$VSIX" >"$CACHE/logs/package-try.log" 2>&1 || { cat "$CACHE/logs/package-try.log" >&2; exit 1; }
prepare_profile "$PROFILE"
install_vsix "$PROFILE" "$VSIX"

if [ "$FOLDER" = "$PROJECT/demo" ]; then
  if [ ! -f "$TRY_DB" ]; then
    log "preparing the database $TRY_DB (import, language identification)"
    node dist/cli.js import demo --db "$TRY_DB" >/dev/null
    node dist/cli.js langid --run demo --db "$TRY_DB" >/dev/null || log "language identification is not available; the grid shows no detected languages"
  fi
  # The demo database lives with the project, not inside demo/ (which stays as committed).
  node -e '
    const fs = require("fs"); const [file, db] = process.argv.slice(1);
    const settings = JSON.parse(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, JSON.stringify({ ...settings, "langlens.database.path": db }, null, 2));' \
    "$PROFILE/data/User/settings.json" "$TRY_DB"
fi

[ "$BIND" = 127.0.0.1 ] || log "WARNING: listening on $BIND without a password: anyone who can reach it can use this VS Code"
start_code_server "$PROFILE" "$PORT" "$FOLDER" "$BIND"
echo
echo "  LangLens in VS Code: http://127.0.0.1:$PORT/?folder=$FOLDER (code-server $CS_VERSION)"
echo "  (the LangLens icon in the activity bar; labels go to $([ "$FOLDER" = "$PROJECT/demo" ] && echo "$TRY_DB" || echo "$FOLDER/.langlens/langlens.db"))"
echo "  Ctrl+C stops it."
echo
wait "$CS_PID"
