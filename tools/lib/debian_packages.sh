# shellcheck shell=bash
# Debian packages the build, the tests and the web build use: compilers and CMake,
# Emscripten, the libraries the native server and tests link, Chromium for the
# browser tests, dpkg-dev for apt-get source, tcl for SQLite's `make sqlite3.c`
# (3.46 runs tclsh; only 3.48+ use their bundled jimsh), clang-14 with its
# libFuzzer and sanitizer runtimes for the fuzz target (tests/fuzz),
# clang-format for `tools/obole format`, unzip and xmllint (libxml2-utils) for the
# ISO 20022 schema checks (tools/lib/iso20022_schemas.sh), and the fonts of assets/fonts.txt.
# Only what is missing gets installed, so a set-up machine costs one dpkg-query.

DEBIAN_PACKAGES=(
  build-essential cmake pkg-config ccache git xz-utils ca-certificates unzip libxml2-utils
  debian-archive-keyring dpkg-dev tcl
  emscripten
  nlohmann-json3-dev libcpp-httplib-dev libgtest-dev libgmock-dev libbenchmark-dev
  libsodium-dev libssl-dev
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
  clang-format
  chromium
)

# Node and npm may come from elsewhere (the CI image has Node 20 from outside
# Debian): Debian's nodejs/npm are wanted only when there is no node/npm at all.
debian_packages_wanted() {
  printf '%s\n' "${DEBIAN_PACKAGES[@]}"
  font_list_packages
  command -v node >/dev/null || echo nodejs
  command -v npm >/dev/null || echo npm
}

# Prints the wanted packages that are not installed, one a line.
debian_packages_missing() {
  local wanted installed
  wanted=$(debian_packages_wanted | sort -u)
  # One dpkg-query for all; unknown names are simply absent from its output.
  # shellcheck disable=SC2086 # package names never hold spaces
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' $wanted 2>/dev/null \
    | awk '$2 == "ii" { print $1 }' | sort -u || true)
  comm -23 <(printf '%s\n' "$wanted") <(printf '%s\n' "$installed")
}

debian_packages_setup() {
  local missing log=$OBOLE_CACHE/logs/apt-install.log
  mapfile -t missing < <(debian_packages_missing)
  if ((${#missing[@]} == 0)); then
    say "debian packages: all $(debian_packages_wanted | sort -u | wc -l) present"
    return
  fi
  say "debian packages: installing ${missing[*]} (log: $log)"
  mkdir -p "${log%/*}"
  # Non-interactive: CI has no standard input, and a fresh root has no debconf frontend.
  if ! { as_root apt-get update -q \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } \
      >"$log" 2>&1; then
    show_log_tail "$log"
    die "apt-get could not install: ${missing[*]}"
  fi
  mapfile -t missing < <(debian_packages_missing)
  ((${#missing[@]} == 0)) || die "still missing after apt-get install: ${missing[*]}"
}
