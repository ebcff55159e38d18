#include "reel/stem_forms.hpp"

namespace reel {

void StemForms::merge(StemForms&& other) {
    for (auto& [key, forms] : other.pending_) pending_[key].merge(forms);
    other.pending_.clear();
}

void StemForms::flush(Xapian::WritableDatabase& db) {
    for (const auto& [key, forms] : pending_) {
        for (const std::string& form : forms) db.add_synonym(key, form);
    }
    pending_.clear();
}

}  // namespace reel
