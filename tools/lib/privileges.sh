# shellcheck shell=bash
# Running system commands as root: the CI machine and a fresh Debian root run us as
# root; a developer's account goes through sudo when it has it.

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root for: $* (run as root or install sudo)"
  fi
}
