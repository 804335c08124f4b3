#!/usr/bin/env bash
# One entry point for a fresh clone: brings a Node 22+ toolchain and pnpm 12 when the
# machine lacks them, installs the workspace, then runs a root script.
#
#   ./setup.sh demo     install everything and run the district-year demo (SQLite)
#   ./setup.sh test     install everything and run the whole test suite
#   ./setup.sh <script> any other root script (build, lint, typecheck, bench, ...)
#   ./setup.sh env      print the PATH exports to use the toolchain in your own shell
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"

NODE_VERSION="24.21.0"
PNPM_VERSION="12.21.0"
CACHE="$ROOT/.cache/toolchain"

log() { printf '\033[1;34m[metodika]\033[0m %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if command -v node >/dev/null && [ "$(node_major node)" -ge 22 ]; then
    log "using the machine's Node $(node --version)"
    return
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "unsupported CPU $(uname -m)" >&2; exit 1 ;;
  esac
  local dir="$CACHE/node-$NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    log "machine Node is $(node --version 2>/dev/null || echo absent); fetching Node $NODE_VERSION from the npm registry (node-linux-$arch)"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    (cd "$dir.tmp" && npm pack --silent "node-linux-$arch@$NODE_VERSION" >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
    rm -rf "$dir" && mv "$dir.tmp/package" "$dir" && rm -rf "$dir.tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # Native addons (better-sqlite3) build against these headers, not ones downloaded at install time.
  export npm_config_nodedir="$dir"
  log "using Node $(node --version) from $dir"
}

ensure_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" -ge 12 ]; then
    log "using the machine's pnpm $(pnpm --version)"
    return
  fi
  local os arch
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
  esac
  local dir="$CACHE/pnpm-$PNPM_VERSION"
  if [ ! -x "$dir/pnpm" ]; then
    # pnpm 12 is a native executable; the registry ships it per platform.
    log "fetching pnpm $PNPM_VERSION from the npm registry (@pnpm/exe.$os-$arch)"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    (cd "$dir.tmp" && npm pack --silent "@pnpm/exe.$os-$arch@$PNPM_VERSION" >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
    rm -rf "$dir" && mv "$dir.tmp/package" "$dir" && rm -rf "$dir.tmp"
  fi
  export PATH="$dir:$PATH"
  log "using pnpm $(pnpm --version) from $dir"
}

ensure_node
ensure_pnpm

if [ "${1:-}" = "env" ]; then
  echo "export PATH=\"$PATH\""
  [ -n "${npm_config_nodedir:-}" ] && echo "export npm_config_nodedir=\"$npm_config_nodedir\""
  exit 0
fi

log "installing the workspace (pnpm install)"
if [ -f pnpm-lock.yaml ]; then
  pnpm install --frozen-lockfile --reporter=append-only >&2
else
  pnpm install --reporter=append-only >&2
fi

script="${1:-test}"
shift || true
log "running: pnpm $script $*"
exec pnpm run "$script" "$@"
