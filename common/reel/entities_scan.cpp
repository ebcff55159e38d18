#include "reel/entities_scan.hpp"

#include <algorithm>

#include "reel/entity_key.hpp"

namespace reel::entities {

namespace {
constexpr std::uint32_t kUnknown = 0xFFFFFFFFu;
}  // namespace

void Mention::add_form(std::string form) {
    for (const auto& f : forms) {
        if (f == form) return;
    }
    forms.push_back(std::move(form));
}

Scan::Scan(std::string_view text_in, const std::vector<TextSpan>& emphasis,
           const EntityEvidence* corpus_in, const Catalog* catalog_in, std::string_view review_film)
    : text(text_in),
      toks(tokenize(text_in, emphasis)),
      lx(lexicon()),
      corpus(corpus_in),
      catalog(catalog_in),
      claims(toks.size(), Claim::None),
      memo_(toks.size()),
      n_(toks.size()) {
    if (corpus) corpus_index = corpus->indexes();
    if (!review_film.empty()) {
        film_key = reel::film_key(review_film);
        if (catalog) film = catalog->find_film(film_key);
    }
    // One walk, from the end so that each token learns the next capital; the positions it
    // gathers come out backwards.
    next_capital_.resize(n_);
    auto next = static_cast<std::uint32_t>(n_);
    std::uint16_t word_flags = 0;
    for (std::size_t i = n_; i-- > 0;) {
        const Token& t = toks[i];
        auto at = static_cast<std::uint32_t>(i);
        if (t.kind == TokKind::Word) {
            word_flags |= t.flags;
            if (t.flags & (kCap | kAllCaps | kDigit)) next = at;
            if (!t.has(kDigit)) {
                ++plain_words_;
                caps_words_ += t.has(kAllCaps);
            }
        } else if (t.kind == TokKind::Punct) {
            if (t.punct == ',') commas_.push_back(at);
            if (t.punct == '(') brackets_.push_back(at);
            if (t.punct == '"' || t.punct == '\'') quote_marks_.push_back(at);
        }
        next_capital_[i] = next;
    }
    std::reverse(commas_.begin(), commas_.end());
    std::reverse(brackets_.begin(), brackets_.end());
    std::reverse(quote_marks_.begin(), quote_marks_.end());
    has_emphasis_ = (word_flags & kEmphasis) != 0;
    // Case carries the names; a review typed in capitals has none to give.
    shouting_ = plain_words_ >= 8 && caps_words_ * 2 > plain_words_;
}

std::string_view Scan::folded(std::size_t i) const {
    Memo& m = memo_[i];
    if (m.folded_at == kUnknown) {
        if (folded_pool_.capacity() < 2 * text.size() + 16)
            folded_pool_.reserve(2 * text.size() + 16);
        std::string f = fold_word(raw(i));
        std::size_t len = std::min<std::size_t>(f.size(), 0xFFFF);
        if (folded_pool_.size() + len > folded_pool_.capacity()) return {};  // cannot happen
        m.folded_at = static_cast<std::uint32_t>(folded_pool_.size());
        m.folded_len = static_cast<std::uint16_t>(len);
        folded_pool_.insert(folded_pool_.end(), f.begin(),
                            f.begin() + static_cast<std::ptrdiff_t>(len));
    }
    return std::string_view(folded_pool_).substr(m.folded_at, m.folded_len);
}

std::uint16_t Scan::lex_lookup(std::size_t i) const {
    std::uint16_t bits = 0;
    if (toks[i].kind == TokKind::Word) {
        std::string_view w = raw(i);
        char buf[32];
        bool ascii = w.size() <= sizeof buf;
        for (std::size_t k = 0; ascii && k < w.size(); ++k) {
            char c = w[k];
            if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
            buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        }
        bits = lx.bits(ascii ? std::string_view(buf, w.size()) : folded(i));
    }
    memo_[i].lex = bits;
    return bits;
}

std::uint32_t Scan::cues_lookup(std::size_t i) const {
    std::uint32_t bits = 0;
    std::string_view w = raw(i);
    if (toks[i].kind == TokKind::Word && w.size() <= 24) {
        char buf[24];
        for (std::size_t k = 0; k < w.size(); ++k) {
            char c = w[k];
            buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        }
        bits = cue_bits(std::string_view(buf, w.size()));
    }
    memo_[i].cues = bits;
    return bits;
}

std::string Scan::span_text(std::size_t b, std::size_t e) const {
    std::string out;
    if (b >= e) return out;
    std::string_view s = text.substr(toks[b].begin, toks[e - 1].end - toks[b].begin);
    out.reserve(s.size());
    auto space = [&](std::size_t i) { return s[i] == ' ' || s[i] == '\n' || s[i] == '\t'; };
    // Whole runs at a time: names are keyed by the thousand, and a run is one append.
    std::size_t i = 0;
    while (i < s.size() && space(i)) ++i;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && !space(j)) ++j;
        out.append(s, i, j - i);
        i = j;
        while (i < s.size() && space(i)) ++i;
        if (i < s.size()) out += ' ';
    }
    return out;
}

bool names_a_maker(const Scan& scan, std::size_t b, std::size_t e) {
    if (scan[e - 1].has(kPossessive)) return true;
    if (e < scan.size() && scan[e].word() && !scan[e].has(kCap) && scan.cue(e, kCueWorkAfter))
        return true;
    return b > 0 && scan.is(b - 1, "by");
}

Mention* Mentions::find(std::string_view key) {
    if (index_) {
        const std::uint32_t* at = index_->find(key);
        return at ? &list_[*at - 1] : nullptr;
    }
    for (auto& m : list_) {
        if (m.key == key) return &m;
    }
    return nullptr;
}

Mention& Mentions::push_back(Mention m) {
    list_.push_back(std::move(m));
    if (index_) {
        index(list_.size() - 1);
    } else if (list_.size() >= kIndexFrom) {
        index_.emplace();
        index(0);
    }
    return list_.back();
}

void Mentions::erase(const std::vector<bool>& drop) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < list_.size(); ++i) {
        if (drop[i]) continue;
        if (kept != i) list_[kept] = std::move(list_[i]);
        ++kept;
    }
    list_.resize(kept);
    if (index_) {
        index_.emplace();  // a WordMap cannot forget a key
        index(0);
    }
}

void Mentions::index(std::size_t from) {
    for (std::size_t i = from; i < list_.size(); ++i)
        (*index_)[list_[i].key] = static_cast<std::uint32_t>(i + 1);
}

Mention& add_mention(Mentions& list, std::string name, std::string key, std::uint32_t pos,
                     std::uint32_t weight) {
    if (Mention* m = list.find(key)) {
        // The display form is the fullest one seen ("J.K. Simmons" over "JK Simmons").
        if (name.size() > m->name.size()) m->name = name;
        m->add_form(std::move(name));
        m->first_pos = std::min(m->first_pos, pos);
        m->weight = std::max(m->weight, weight);
        return *m;
    }
    Mention m;
    m.name = name;
    m.key = std::move(key);
    m.forms.push_back(std::move(name));
    m.first_pos = pos;
    m.weight = weight;
    return list.push_back(std::move(m));
}

}  // namespace reel::entities
