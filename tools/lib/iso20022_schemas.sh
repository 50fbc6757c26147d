# shellcheck shell=bash
# The ISO 20022 schemas the tests check our SEPA files against (never our own
# code checking itself): pain.008.001.02 (the direct debits we write) and
# pain.002.001.03 (the status reports of tests/unit/fixtures/bank_returns). Debian's
# libhbci4j-core-java ships them inside its jar: the German banking industry's
# edition, in the ISO namespace ("fully compatible"), with the EPC's SEPA rules on
# top, so stricter than the bare ISO schema. Only the .deb is downloaded
# (`apt-get download`, checked by apt against Debian's signed index), not its Java
# dependencies; the two .xsd files are taken out of the jar into the cache.
# The version is the one the machine's Debian serves: these schemas are frozen.

ISO20022_SCHEMA_FILES=(pain.008.001.02.xsd pain.002.001.03.xsd)

# Sets ISO20022_DIR.
iso20022_schemas_setup() {
  local dest=$OBOLE_CACHE/iso20022 tmp log=$OBOLE_CACHE/logs/iso20022-schemas.log jar
  if [[ -f $dest/.obole-ready ]]; then
    say "iso20022: $(<"$dest/.obole-ready") (cached) -> $dest"
    ISO20022_DIR=$dest
    return
  fi
  mkdir -p "${log%/*}"
  tmp=$(mktemp -d "$OBOLE_CACHE/.iso20022.XXXXXX")
  # apt's download sandbox user cannot write a root-owned temporary folder.
  chmod 755 "$tmp"
  if ! (cd "$tmp" && apt-get download libhbci4j-core-java) >"$log" 2>&1; then
    show_log_tail "$log"
    rm -rf "$tmp"
    die "could not download Debian package libhbci4j-core-java (the ISO 20022 schemas)"
  fi
  dpkg-deb -x "$tmp"/libhbci4j-core-java_*.deb "$tmp/x"
  jar=$tmp/x/usr/share/java/hbci4j-core.jar
  [[ -f $jar ]] || die "libhbci4j-core-java has no hbci4j-core.jar"
  mkdir -p "$tmp/ready"
  unzip -q -o -d "$tmp/ready" "$jar" "${ISO20022_SCHEMA_FILES[@]}" || die "the jar lacks ${ISO20022_SCHEMA_FILES[*]}"
  basename "$tmp"/libhbci4j-core-java_*.deb >"$tmp/ready/.obole-ready"
  rm -rf "$dest"
  mv "$tmp/ready" "$dest"
  rm -rf "$tmp"
  say "iso20022: $(<"$dest/.obole-ready") (fetched) -> $dest"
  ISO20022_DIR=$dest
}
