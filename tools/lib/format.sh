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

# Lists the files clang-format would change; fails when there is one. One
# clang-format per 100 files (--dry-run names each file it would change):
# one per file took two minutes on a busy machine.
format_check() {
  local files out bad
  format_tool
  mapfile -t files < <(format_files)
  cd "$OBOLE_ROOT" || die "no $OBOLE_ROOT"
  # Without -Werror clang-format succeeds on a file it would change, so a
  # failure here is clang-format's own (a bad .clang-format, an unreadable file).
  out=$(printf '%s\0' "${files[@]}" | xargs -0 -n 100 clang-format --style=file --dry-run 2>&1) ||
    die "format: clang-format failed: $out"
  bad=$(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' <<<"$out" | sort -u)
  if [[ -n $bad ]]; then
    sed 's/^/not formatted: /' <<<"$bad"
    die "format: $(wc -l <<<"$bad") of ${#files[@]} files not formatted (tools/obole format fixes them)"
  fi
  say "format: ${#files[@]} files formatted"
}
