# Shared by scripts/e2e.sh and scripts/vscode/try.sh: install code-server (a VS Code server + web workbench)
# offline from the npm registry into the gitignored cache .e2e/, with the Node it needs, install the packaged
# extension, start and stop it. Source it; it defines functions and never runs anything on its own.

# The E2E runs the oldest VS Code LangLens supports (package.json engines.vscode ^1.100.0): code-server 4.100.3,
# the last on Node 20. try.sh sets a newer one before sourcing this file (it says why).
CS_VERSION=${CS_VERSION:-4.100.3}
PROJECT=${PROJECT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
CACHE=${E2E_CACHE:-$PROJECT/.e2e}
CS_DIR="$CACHE/code-server-$CS_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_PID=""

log() { echo "[vscode $(date +%H:%M:%S)] $*"; }

# npm settings for every npm call (code-server's nested installs inherit them).
use_offline_npm() {
  export npm_config_cache="$CACHE/npm-cache"
  export npm_config_nodedir=/usr           # node-gyp takes headers from /usr/include/node instead of downloading them
  export npm_config_yes=true               # node-pty's postinstall runs `npx node-gyp`, which aborts when yes=false
  export npm_config_unsafe_perm=true       # code-server's postinstall refuses to run as root without it
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  mkdir -p "$CACHE/tmp"
  export TMPDIR="$CACHE/tmp"               # @vscode/ripgrep looks for its download cache in os.tmpdir()
}

require_system_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v rg >/dev/null || missing+=(ripgrep)
  command -v curl >/dev/null || missing+=(curl)
  command -v g++ >/dev/null || missing+=(build-essential)
  for p in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "missing Debian packages: ${missing[*]}" >&2
  echo "install them with: apt-get install -y ${missing[*]}" >&2
  return 1
}

# The fonts of the scripts the demo and the E2E show: without them Chinese, Hebrew, Arabic and Hindi are empty
# boxes ("tofu"). Installed from Debian when run as root (as .ci/run does), else the command is printed.
FONT_PACKAGES=(fonts-noto-core fonts-noto-cjk fonts-lohit-deva)
ensure_fonts() {
  local missing=()
  for p in "${FONT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing the fonts ${missing[*]} (Chinese, Arabic, Hebrew and Hindi text)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing fonts: install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}

# @vscode/ripgrep downloads rg from GitHub in its postinstall; seed its cache with Debian's rg (the same 13.0.0).
seed_ripgrep_cache() {
  local pack="$CACHE/pack"
  mkdir -p "$pack"
  (cd "$pack" && npm pack "code-server@$CS_VERSION" >/dev/null 2>&1 \
    && tar xzf "code-server-$CS_VERSION.tgz" package/package.json package/lib/vscode/npm-shrinkwrap.json)
  local rg_pkg rg_release
  rg_pkg=$(node -p "require('$pack/package/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
  (cd "$pack" && npm pack "@vscode/ripgrep@$rg_pkg" >/dev/null 2>&1 && tar xzf "vscode-ripgrep-$rg_pkg.tgz" package/lib/postinstall.js)
  rg_release=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$pack/package/lib/postinstall.js")
  local dir="$TMPDIR/vscode-ripgrep-cache-$rg_pkg"
  mkdir -p "$dir/stage" && cp /usr/bin/rg "$dir/stage/rg"
  tar czf "$dir/ripgrep-$rg_release-x86_64-unknown-linux-musl.tar.gz" -C "$dir/stage" rg && rm -rf "$dir/stage"
}

# Installs code-server once per version; later runs reuse $CS_DIR (about 5-8 minutes the first time on 2 cores).
ensure_code_server() {
  if [ -x "$CS_BIN" ] && [ -f "$CS_DIR/.installed" ]; then use_code_server_node; return; fi
  require_system_packages
  use_offline_npm
  log "installing code-server $CS_VERSION into $CS_DIR (first run only; native modules build from source)"
  rm -rf "$CS_DIR" "$CACHE/cs" && mkdir -p "$CS_DIR" "$CACHE/logs"   # $CACHE/cs: the one version's folder before
  seed_ripgrep_cache
  node -p "(String(require('$CACHE/pack/package/package.json').engines?.node ?? '').match(/\d+/) ?? [''])[0]" \
    > "$CS_DIR/.node-major"
  use_code_server_node
  echo '{"private":true}' > "$CS_DIR/package.json"
  # argon2, kerberos, node-pty, spdlog... cannot fetch GitHub prebuilds offline and build with node-gyp. Under
  # `npm run ...` the outer npm's user agent (naming its Node) is in the environment, and code-server's postinstall
  # reads its Node version from there: the install's own npm sets it anew.
  (cd "$CS_DIR" && env -u npm_config_user_agent -u npm_node_execpath -u NODE \
    npm install "code-server@$CS_VERSION" >"$CACHE/logs/cs-install.log" 2>&1) \
    || { tail -60 "$CACHE/logs/cs-install.log" >&2; return 1; }
  touch "$CS_DIR/.installed"
}

# code-server runs on the Node major its package.json's engines name (4.100.3: 20, this machine's; 4.103: 22).
# Another major comes from the npm registry's node-linux-<arch> package (Node's own release, with the headers
# node-gyp builds code-server's native modules against) into $CACHE/node-<major>, put first on PATH for this script:
# the install, code-server and its extension host, and the E2E's own code-server sessions.
use_code_server_node() {
  local need have arch dir
  need=$(cat "$CS_DIR/.node-major" 2>/dev/null || true)
  have=$(node -p 'process.versions.node.split(".")[0]')
  { [ -z "$need" ] || [ "$need" = "$have" ]; } && return 0
  arch=$(node -p 'process.arch')
  dir="$CACHE/node-$need"
  if [ ! -x "$dir/bin/node" ]; then
    log "code-server $CS_VERSION needs Node $need (this machine has $have): installing node-linux-$arch@$need from the npm registry into $dir"
    use_offline_npm
    rm -rf "$dir" "$dir.pack" && mkdir -p "$dir.pack"
    (cd "$dir.pack" && npm pack "node-linux-$arch@$need" >/dev/null 2>&1 && tar xzf node-linux-*.tgz) \
      || { echo "could not fetch node-linux-$arch@$need from the npm registry" >&2; return 1; }
    mv "$dir.pack/package" "$dir" && rm -rf "$dir.pack"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
}

# code-server with a private profile under $1 (user data, extensions, HOME), so nothing touches the user's own.
cs_cli() {
  local profile=$1; shift
  HOME="$profile/home" "$CS_BIN" --user-data-dir "$profile/data" --extensions-dir "$profile/ext" "$@"
}

prepare_profile() {
  local profile=$1
  mkdir -p "$profile/home" "$profile/data/User" "$profile/ext" "$profile/logs"
  cat > "$profile/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never"
}
JSON
}

install_vsix() {
  local profile=$1 vsix=$2
  cs_cli "$profile" --install-extension "$vsix" --force >"$profile/logs/install-extension.log" 2>&1 \
    || { cat "$profile/logs/install-extension.log" >&2; return 1; }
}

group_alive() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'; }

# Starts code-server in its own process group (setsid) so stop_code_server can end the whole tree by id:
# it forks a file watcher and extension hosts that outlive a plain kill of the top process.
start_code_server() {
  local profile=$1 port=$2 folder=$3 bind=${4:-127.0.0.1}
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use; choose another with PORT=..." >&2; return 1; fi
  # EXTENSIONS_GALLERY points the marketplace nowhere: nothing tries to reach the internet.
  setsid env HOME="$profile/home" EXTENSIONS_GALLERY='{"serviceUrl":""}' ${LANGLENS_E2E_ENV:-} "$CS_BIN" \
    --bind-addr "$bind:$port" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override \
    --user-data-dir "$profile/data" --extensions-dir "$profile/ext" "$folder" >"$profile/logs/code-server.log" 2>&1 &
  CS_PID=$!
  echo "$CS_PID" > "$profile/logs/code-server.pid"
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0; sleep 0.1; done
  cat "$profile/logs/code-server.log" >&2
  return 1
}

# Stops the code-server whose process group a pid file names (one the E2E's node side started), if it still runs.
stop_code_server_of() {
  local pid main=$CS_PID
  pid=$(cat "$1" 2>/dev/null) || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  CS_PID=$pid
  stop_code_server
  CS_PID=$main
}

stop_code_server() {
  [ -n "$CS_PID" ] || return 0
  if group_alive "$CS_PID"; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do group_alive "$CS_PID" || break; sleep 0.25; done
    group_alive "$CS_PID" && kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
  CS_PID=""
}
