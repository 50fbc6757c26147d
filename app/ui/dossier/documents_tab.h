// Files: the documents sent to or received from the member (GED), newest
// first; attach one through the file picker, open or download it, delete it.
#pragma once
#include "core/members/document_repository.h"
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class DocumentsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_attach(AppState& app, const Member& member);
    void attach(AppState& app, const Member& member, ChosenFile file);
    void draw_list(AppState& app);
    void draw_confirm_delete(AppState& app);
    Freshness fresh_;
    std::vector<Document> rows_;
    ReadFailure read_;
    bool received_ = true;
    std::string date_;
    bool choosing_ = false; // the picker is open for us
    std::string error_field_, error_;
    std::string list_error_;
    std::string deleting_id_, deleting_name_;
};

} // namespace obole::ui
