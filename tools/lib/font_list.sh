# shellcheck shell=bash
# The fonts shipped with the web build. assets/fonts.txt names, one a line, the
# Debian package and the file it installs ("<package> <path>", # starts a comment),
# so the list lives with the assets and not in this script.

FONT_LIST_FILE=$OBOLE_ROOT/assets/fonts.txt

# Prints column N (1 = package, 2 = path) of every entry.
font_list_column() {
  [[ -r $FONT_LIST_FILE ]] || die "missing $FONT_LIST_FILE"
  awk -v col="$1" '/^[[:space:]]*(#|$)/ { next } { print $col }' "$FONT_LIST_FILE"
}

font_list_packages() { font_list_column 1 | sort -u; }
font_list_files() { font_list_column 2; }

# Sets FONT_FILES to the ;-separated paths (a CMake list), after checking that
# the packages really installed them.
font_list_resolve() {
  local path names=()
  FONT_FILES=
  while read -r path; do
    [[ -f $path ]] || die "font $path is missing although its package is installed: fix assets/fonts.txt"
    FONT_FILES+=${FONT_FILES:+;}$path
    names+=("${path##*/}")
  done < <(font_list_files)
  [[ -n $FONT_FILES ]] || die "$FONT_LIST_FILE lists no font"
  say "fonts: ${names[*]}"
}
