# shellcheck shell=bash
# Dear ImGui sources, from Debian's "imgui" source package (its upstream tarball,
# unpatched). The cache folder is the ImGui source root: imgui.cpp, backends/, ...
# Compatible versions are those of the pin's minor series (1.92.x for 1.92.2b):
# ImGui changes its API between minor versions, and the app is written for one.

imgui_source_prepare() {
  local src=$1 dest=$2 f
  for f in imgui.cpp imgui.h backends/imgui_impl_glfw.cpp backends/imgui_impl_opengl3.cpp; do
    [[ -f $src/$f ]] || die "ImGui tarball has no $f"
  done
  mv "$src" "$dest"
}

# Sets IMGUI_DIR.
imgui_source_setup() {
  local pin=$OBOLE_IMGUI_PIN major minor
  IFS=. read -r major minor _ <<<"${pin#*:}"
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || die "cannot read a version series from ImGui pin '$pin'"
  debian_source_fetch IMGUI_DIR imgui imgui "$pin" "$major.$minor~" "$major.$((minor + 1))~" imgui_source_prepare
}
