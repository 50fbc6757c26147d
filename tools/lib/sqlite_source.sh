# shellcheck shell=bash
# SQLite, from Debian's "sqlite3" source package. That is the full source tree, not
# the amalgamation, so sqlite3.c/sqlite3.h are generated with `make sqlite3.c`
# (about 12 s; 3.46 runs tclsh, from Debian package tcl, while 3.48+ build and
# use their bundled jimsh). Only those two files are kept in the cache folder.
# Compatible versions: the pin's major version, at least the pin's minor
# (3.x >= 3.46 for 3.46.1): SQLite keeps its C API and file format within 3.x.

sqlite_source_prepare() {
  local src=$1 dest=$2 log=$OBOLE_CACHE/logs/sqlite-amalgamation.log
  mkdir -p "$src/bld" "$dest" "${log%/*}"
  say "sqlite: generating the amalgamation (log: $log)"
  if ! (cd "$src/bld" && ../configure && make sqlite3.c) >"$log" 2>&1; then
    show_log_tail "$log"
    die "could not generate sqlite3.c"
  fi
  cp "$src/bld/sqlite3.c" "$src/bld/sqlite3.h" "$dest/"
}

# Sets SQLITE_DIR.
sqlite_source_setup() {
  local pin=$OBOLE_SQLITE_PIN major minor
  IFS=. read -r major minor _ <<<"${pin#*:}"
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || die "cannot read a version series from SQLite pin '$pin'"
  debian_source_fetch SQLITE_DIR sqlite sqlite3 "$pin" "$major.$minor~" "$((major + 1))~" sqlite_source_prepare
}
