#include "platform/fonts.h"

#include <imgui.h>

#include <cstdio>

namespace obole::platform {

static bool file_exists(const char* path)
{
    FILE* f = std::fopen(path, "rb");
    if (f)
        std::fclose(f);
    return f != nullptr;
}

bool load_fonts(float size_pixels)
{
    ImGuiIO& io = ImGui::GetIO();
    const char* main_font = "/assets/fonts/DejaVuSans.ttf";
    const char* japanese = "/assets/fonts/ipag.ttf";
    if (!file_exists(main_font) || !io.Fonts->AddFontFromFileTTF(main_font, size_pixels))
        return false;
    if (file_exists(japanese)) {
        ImFontConfig merge;
        merge.MergeMode = true;
        io.Fonts->AddFontFromFileTTF(japanese, size_pixels, &merge);
    }
    ImGui::GetStyle().FontSizeBase = size_pixels;
    return true;
}

} // namespace obole::platform
