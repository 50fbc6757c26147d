#include "platform/gl_saved_state.h"

#include <imgui.h>

extern "C" {

void obole_gl_get_integerv(GLenum name, GLint* out)
{
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size(io.DisplaySize.x * io.DisplayFramebufferScale.x, io.DisplaySize.y * io.DisplayFramebufferScale.y);
    switch (name) {
    case GL_ACTIVE_TEXTURE: *out = GL_TEXTURE0; return;
    case GL_CURRENT_PROGRAM:
    case GL_TEXTURE_BINDING_2D:
    case GL_SAMPLER_BINDING:
    case GL_ARRAY_BUFFER_BINDING:
    case GL_ELEMENT_ARRAY_BUFFER_BINDING:
    case GL_VERTEX_ARRAY_BINDING:
    case GL_PIXEL_UNPACK_BUFFER_BINDING: *out = 0; return;
    case GL_BLEND_SRC_RGB:
    case GL_BLEND_SRC_ALPHA: *out = GL_ONE; return;
    case GL_BLEND_DST_RGB:
    case GL_BLEND_DST_ALPHA: *out = GL_ZERO; return;
    case GL_BLEND_EQUATION_RGB:
    case GL_BLEND_EQUATION_ALPHA: *out = GL_FUNC_ADD; return;
    // The whole canvas: the next frame sets its own viewport before it clears.
    case GL_VIEWPORT:
    case GL_SCISSOR_BOX:
        out[0] = 0;
        out[1] = 0;
        out[2] = static_cast<GLint>(size.x);
        out[3] = static_cast<GLint>(size.y);
        return;
    default: glGetIntegerv(name, out); return;
    }
}

// Blending, culling, depth, stencil and scissor tests are all off between
// frames: the renderer turns on what it needs, and the next frame's
// glClear must reach the whole canvas.
GLboolean obole_gl_is_enabled(GLenum)
{
    return GL_FALSE;
}
}
