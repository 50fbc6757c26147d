# shellcheck shell=bash
# The C++ formatter: Debian's clang-format (bookworm: 14) with the repository's
# .clang-format. Another major version formats some constructs differently, so
# the check says which one it used. Only our own files: every tracked .cpp and
# .h (nothing third-party is committed).

# Prints the C++ files to format, one a line, relative to $OBOLE_ROOT.
format_files() {
  git -C "$OBOLE_ROOT" ls-files -- '*.cpp' '*.h'
}

format_tool() {
  command -v clang-format >/dev/null ||
    die "clang-format is missing: tools/obole setup installs Debian's clang-format"
  clang-format --version | sed 's/^/obole: format: /'
}

# Rewrites every file in place.
format_apply() {
  local files
  format_tool
  mapfile -t files < <(format_files)
  (cd "$OBOLE_ROOT" && printf '%s\0' "${files[@]}" | xargs -0 -n 50 clang-format -i --style=file)
  say "format: ${#files[@]} files formatted"
}

# Lists the files clang-format would change; fails when there is one.
format_check() {
  local files file bad=0
  format_tool
  mapfile -t files < <(format_files)
  cd "$OBOLE_ROOT" || die "no $OBOLE_ROOT"
  for file in "${files[@]}"; do
    if ! clang-format --style=file "$file" | cmp -s - "$file"; then
      echo "not formatted: $file"
      bad=$((bad + 1))
    fi
  done
  ((bad == 0)) || die "format: $bad of ${#files[@]} files not formatted (tools/obole format fixes them)"
  say "format: ${#files[@]} files formatted"
}
