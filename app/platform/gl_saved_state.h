// What ImGui's OpenGL3 renderer reads to save the GL state around each
// frame, answered without asking WebGL.
//
// ImGui_ImplOpenGL3_RenderDrawData saves some twenty pieces of state before
// it draws (glGetIntegerv, glIsEnabled) and sets them back after, so that it
// can share a context with other drawing. In WebGL many of those reads are a
// round trip to the GPU process that waits for everything sent before it:
// profiled while the 2,000-gift list scrolled (tests/bench/frame_profile.cjs),
// WebGL's getParameter took 88 % of the frame's script time, 66 ms of a
// median frame under software GL.
//
// Obole's canvas belongs to ImGui alone: between frames its context holds
// GL's initial state (nothing bound, no blending, scissor off), which the
// renderer then sets back. So the renderer's reads (redirected here by
// cmake/third_party.cmake, for that one source file) are answered with that
// state; a read of anything else (the version and limits, once at start)
// still goes to WebGL.
#pragma once

#include <GLES3/gl3.h>

extern "C" {

void obole_gl_get_integerv(GLenum name, GLint* out);
GLboolean obole_gl_is_enabled(GLenum capability);
}
