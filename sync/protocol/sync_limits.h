// Sizes the device and the server agree on, so that a member's documents
// (core/members/document_repository.h: up to 2 MiB each, about 2.7 MiB once base64
// encoded in JSON) travel without a request ever being refused for its size.
#pragma once

#include <cstddef>

namespace obole::sync {

// The server refuses a request body larger than this ("request.too_large").
constexpr size_t kMaxRequestBytes = 8u << 20;
// A push batch stops growing before its changes pass this many bytes of
// JSON; a single larger change still goes alone. Well under the limit
// above, which leaves room for one document and the batch's envelope.
constexpr size_t kPushBatchBytes = 4u << 20;
// A pull page stops growing once its changes pass this many bytes, so a
// device pulling many documents gets them a few at a time.
constexpr size_t kPullPageBytes = 4u << 20;

} // namespace obole::sync
