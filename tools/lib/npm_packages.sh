# shellcheck shell=bash
# npm packages of the browser tests (playwright-core, which drives Debian's
# Chromium; axe-core, whose accessibility checks run on the ARIA overlay).
# tools/npm holds package.json and a lock file with integrity hashes
# and no registry addresses (its .npmrc sets omit-lockfile-registry-resolved), so
# whichever registry npm is configured with serves them and the hashes verify them.
# `npm ci` installs into the cache, never into the work tree; it is skipped while
# those three files are unchanged since the last install.
# playwright-core is pinned at 1.61.1, the last release that runs on Node 18:
# a fresh Debian 12 gets Debian's nodejs 18, and 1.62+ refuse to start on it
# ("Playwright requires Node.js 20 or higher"). Tried: 1.61.1 drives Chromium 150
# under Node 18 and Chromium 156 under Node 20.

NPM_PACKAGES_SRC=$OBOLE_ROOT/tools/npm
NPM_PACKAGES_DIR=$OBOLE_CACHE/npm
NPM_PACKAGES_FILES=(package.json package-lock.json .npmrc)

npm_packages_hash() {
  (cd "$NPM_PACKAGES_SRC" && sha256sum "${NPM_PACKAGES_FILES[@]}") | sha256sum | cut -d' ' -f1
}

# Version of an installed package, read from its package.json without starting node.
npm_packages_version() {
  sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$NPM_PACKAGES_DIR/node_modules/$1/package.json"
}

# Sets NODE_MODULES.
npm_packages_setup() {
  local hash stamp=$NPM_PACKAGES_DIR/.obole-stamp log=$OBOLE_CACHE/logs/npm-ci.log state=cached
  command -v npm >/dev/null || die "npm is missing (Debian package npm)"
  hash=$(npm_packages_hash)
  if [[ ! -f $stamp || $(<"$stamp") != "$hash" || ! -d $NPM_PACKAGES_DIR/node_modules/playwright-core || ! -d $NPM_PACKAGES_DIR/node_modules/axe-core ]]; then
    state=installed
    mkdir -p "$NPM_PACKAGES_DIR" "${log%/*}"
    rm -f "$stamp"
    (cd "$NPM_PACKAGES_SRC" && cp "${NPM_PACKAGES_FILES[@]}" "$NPM_PACKAGES_DIR/")
    if ! (cd "$NPM_PACKAGES_DIR" && npm ci --no-audit --no-fund) >"$log" 2>&1; then
      show_log_tail "$log"
      die "npm ci failed in $NPM_PACKAGES_DIR"
    fi
    echo "$hash" >"$stamp"
  fi
  NODE_MODULES=$NPM_PACKAGES_DIR/node_modules
  say "npm: playwright-core $(npm_packages_version playwright-core), axe-core $(npm_packages_version axe-core) ($state, node $(node --version)) -> $NODE_MODULES"
}
