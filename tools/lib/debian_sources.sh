# shellcheck shell=bash
# Third-party C/C++ sources (Dear ImGui, SQLite) come from Debian *source* packages.
#
# Why Debian: apt-get source checks every file against the hashes of Debian's
# signed source index, so the code is verified without us keeping checksums.
# Why a private apt list: the machine's apt configuration stays as it was; the
# list, its indexes and apt's cache all live in $OBOLE_CACHE/apt.
# Why pins with a fallback: Debian keeps only current versions, so the tested
# version can vanish; then the newest compatible one is used, with a WARNING.
#
# Cache layout: $OBOLE_CACHE/dl holds the downloaded files, and
# $OBOLE_CACHE/<name>/<debian-version>/ the prepared sources, complete once its
# .obole-ready stamp exists. When everything is prepared, no network is used.

DEBIAN_SOURCES_DIR=$OBOLE_CACHE/apt
DEBIAN_SOURCES_DL=$OBOLE_CACHE/dl
DEBIAN_SOURCES_SUITES=(trixie sid)
DEBIAN_SOURCES_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
DEBIAN_SOURCES_REFRESHED=

# The Debian mirror this machine already uses, read from its apt configuration
# (deb822 debian.sources first, then the classic sources.list); never hard-coded.
# The -security archive is a different tree and is skipped.
debian_mirror_uri() {
  local uri='' deb822=/etc/apt/sources.list.d/debian.sources classic=/etc/apt/sources.list
  if [[ -n ${OBOLE_DEBIAN_MIRROR:-} ]]; then
    uri=$OBOLE_DEBIAN_MIRROR
  fi
  if [[ -z $uri && -r $deb822 ]]; then
    uri=$(awk 'BEGIN { RS = ""; FS = "\n" }
      {
        uris = ""; suites = ""; on = 1
        for (i = 1; i <= NF; i++) {
          line = $i; key = tolower(line)
          if (key ~ /^uris:/)    { sub(/^[^:]*:[ \t]*/, "", line); uris = line }
          if (key ~ /^suites:/)  { sub(/^[^:]*:[ \t]*/, "", line); suites = line }
          if (key ~ /^enabled:[ \t]*no/) on = 0
        }
        if (!on || uris == "" || suites ~ /^[^ ]*-security/) next
        split(uris, u, /[ \t]+/); print u[1]; exit
      }' "$deb822")
  fi
  if [[ -z $uri && -r $classic ]]; then
    uri=$(awk '$1 ~ /^deb(-src)?$/ {
        i = 2
        if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) ~ /-security/) next
        print $i; exit
      }' "$classic")
  fi
  [[ -n $uri ]] || die "no Debian mirror found in $deb822 or $classic (or set OBOLE_DEBIAN_MIRROR)"
  printf '%s\n' "${uri%/}"
}

# apt-get / apt-cache on the private list only (SourceParts=/dev/null hides the
# machine's lists); the sandbox user is us, since _apt cannot write into our cache.
debian_sources_apt_options() {
  DEBIAN_SOURCES_APT_OPTS=(
    -o "Dir::Etc::SourceList=$DEBIAN_SOURCES_DIR/etc/sources.list"
    -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$DEBIAN_SOURCES_DIR/lists"
    -o "Dir::Cache=$DEBIAN_SOURCES_DIR/cache"
    -o "APT::Sandbox::User=$(id -un)"
  )
}

# Writes the private list and runs apt-get update on it, at most once per run and
# only when something must be downloaded.
debian_sources_refresh() {
  [[ -z $DEBIAN_SOURCES_REFRESHED ]] || return 0
  local uri suite list=$DEBIAN_SOURCES_DIR/etc/sources.list log=$OBOLE_CACHE/logs/apt-sources.log
  uri=$(debian_mirror_uri)
  mkdir -p "${list%/*}" "$DEBIAN_SOURCES_DIR/lists/partial" \
    "$DEBIAN_SOURCES_DIR/cache/archives/partial" "${log%/*}"
  for suite in "${DEBIAN_SOURCES_SUITES[@]}"; do
    printf 'deb-src [signed-by=%s] %s %s main\n' "$DEBIAN_SOURCES_KEYRING" "$uri" "$suite"
  done >"$list"
  say "debian sources: updating private index (${DEBIAN_SOURCES_SUITES[*]}) from $uri"
  if ! apt-get "${DEBIAN_SOURCES_APT_OPTS[@]}" update >"$log" 2>&1; then
    show_log_tail "$log"
    die "apt-get update of the private source list failed"
  fi
  DEBIAN_SOURCES_REFRESHED=1
}

# Versions of source package $1 in the private index, one a line.
debian_source_versions() {
  apt-cache "${DEBIAN_SOURCES_APT_OPTS[@]}" showsrc --only-source "$1" 2>/dev/null \
    | awk -v p="$1" '/^Package: / { ok = ($2 == p) } ok && /^Version: / { print $2 }' \
    | sort -u
}

# debian_source_choose VAR PACKAGE PIN MIN BELOW: sets VAR to PIN when the index
# has it, else to the newest version v with MIN <= v < BELOW (with a WARNING),
# else stops with the versions it saw.
# shellcheck disable=SC2034 # VAR is a nameref: assigning it sets the caller's variable
debian_source_choose() {
  local -n chosen=$1
  local pkg=$2 pin=$3 min=$4 below=$5 v best='' seen
  seen=$(debian_source_versions "$pkg")
  if grep -qxF -- "$pin" <<<"$seen"; then
    chosen=$pin
    return
  fi
  while read -r v; do
    [[ -n $v ]] || continue
    if dpkg --compare-versions "$v" ge "$min" && dpkg --compare-versions "$v" lt "$below" \
      && { [[ -z $best ]] || dpkg --compare-versions "$v" gt "$best"; }; then
      best=$v
    fi
  done <<<"$seen"
  [[ -n $best ]] || die "$pkg: pinned version $pin is not available, and no compatible version (>= $min, < $below) is in ${DEBIAN_SOURCES_SUITES[*]}; available: ${seen//$'\n'/ }"
  warn "$pkg: pinned version $pin is no longer available; falling back to $best (compatible: >= $min, < $below). Test it, then update the pin in tools/obole."
  chosen=$best
}

# Prints the main upstream tarball of PACKAGE VERSION in the download folder
# (not component tarballs such as sqlite3's .orig-www), after apt-get source has
# fetched and verified it; files already there are verified, not downloaded again.
debian_source_download() {
  local pkg=$1 version=$2 upstream f log=$OBOLE_CACHE/logs/apt-source-$1.log
  mkdir -p "$DEBIAN_SOURCES_DL"
  if ! (cd "$DEBIAN_SOURCES_DL" \
      && apt-get "${DEBIAN_SOURCES_APT_OPTS[@]}" source --download-only --only-source "$pkg=$version") \
      >"$log" 2>&1; then
    show_log_tail "$log"
    die "apt-get source $pkg=$version failed"
  fi
  upstream=${version#*:}
  if [[ $upstream == *-* ]]; then
    f=$DEBIAN_SOURCES_DL/${pkg}_${upstream%-*}.orig.tar
  else
    f=$DEBIAN_SOURCES_DL/${pkg}_$upstream.tar # native package: no .orig
  fi
  for f in "$f".{xz,gz,bz2}; do
    if [[ -f $f ]]; then printf '%s\n' "$f"; return; fi
  done
  die "$pkg $version: no upstream tarball found in $DEBIAN_SOURCES_DL"
}

# debian_source_fetch VAR NAME PACKAGE PIN MIN BELOW PREPARE
# Makes $OBOLE_CACHE/NAME/<version> ready and sets VAR to that folder. PREPARE is
# called as "PREPARE <extracted upstream tree> <destination folder>".
# A fallback chosen once is remembered (.fallback-for-<pin>) so that later runs
# stay offline; they repeat the warning. OBOLE_REFRESH=1 asks the index again.
# shellcheck disable=SC2034 # VAR is a nameref: assigning it sets the caller's variable
debian_source_fetch() {
  local -n dir=$1
  local name=$2 pkg=$3 pin=$4 min=$5 below=$6 prepare=$7
  local root=$OBOLE_CACHE/$2 version='' state=cached memo tarball tmp top
  memo=$root/.fallback-for-$pin
  mkdir -p "$root"
  rm -rf "$root"/.tmp.* # left by an interrupted run

  if [[ -f $root/$pin/.obole-ready ]]; then
    version=$pin
  elif [[ -z ${OBOLE_REFRESH:-} && -f $memo && -f $root/$(<"$memo")/.obole-ready ]]; then
    version=$(<"$memo")
    warn "$pkg: pinned version $pin was unavailable; using $version found earlier (OBOLE_REFRESH=1 to look again)"
  fi
  if [[ -n $version ]]; then
    say "$name: $pkg $version (cached) -> $root/$version"
    dir=$root/$version
    return
  fi

  debian_sources_apt_options
  debian_sources_refresh
  debian_source_choose version "$pkg" "$pin" "$min" "$below"
  if [[ $version == "$pin" ]]; then rm -f "$memo"; else echo "$version" >"$memo"; fi
  if [[ ! -f $root/$version/.obole-ready ]]; then
    state=fetched
    tarball=$(debian_source_download "$pkg" "$version")
    tmp=$(mktemp -d "$root/.tmp.XXXXXX")
    tar -xf "$tarball" -C "$tmp"
    top=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
    [[ -n $top ]] || die "$tarball holds no top folder"
    "$prepare" "$top" "$tmp/ready"
    echo "$pkg $version from ${tarball##*/}" >"$tmp/ready/.obole-ready"
    rm -rf "${root:?}/$version"
    mv "$tmp/ready" "$root/$version"
    rm -rf "$tmp"
  fi
  say "$name: $pkg $version ($state) -> $root/$version"
  dir=$root/$version
}
