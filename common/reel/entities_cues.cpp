#include "reel/entities_cues.hpp"

#include <initializer_list>
#include <string>

#include "reel/entities_wordmap.hpp"

namespace reel::entities {

namespace {

using List = std::initializer_list<std::string_view>;

struct Table {
    WordBits<std::uint32_t> bits;
    void add(std::uint32_t bit, List words) {
        for (auto w : words) bits.add(w, bit);
    }
};

Table build() {
    Table t;
    t.add(kCueActorBefore, {"starring",      "stars",         "co-starring",
                            "costarring",    "featuring",     "actor",
                            "actress",       "actors",        "actresses",
                            "director",      "directors",     "filmmaker",
                            "filmmakers",    "writer",        "writers",
                            "screenwriter",  "screenwriters", "composer",
                            "producer",      "producers",     "cinematographer",
                            "comedian",      "comedienne",    "singer",
                            "star",          "co-star",       "costar",
                            "legend",        "helmer",        "auteur",
                            "newcomer",      "veteran",       "narrator",
                            "novelist",      "author",        "rapper",
                            "musician",      "editor",        "choreographer",
                            "animator",      "creator",       "showrunner",
                            "host",          "presenter",     "cast",
                            "directed",      "wrote",         "boxer",
                            "comic",         "icon",          "idol",
                            "diva",          "heartthrob",    "hunk",
                            "starlet",       "starlets",      "co-stars",
                            "costars",       "alongside",     "opposite",
                            "documentarian", "playwright",    "dancer",
                            "supermodel",    "model",         "wrestler",
                            "cameo",         "screenplay"});
    t.add(kCueByVerb,
          {"directed",     "written",        "produced",    "played",      "portrayed",
           "voiced",       "helmed",         "scored",      "composed",    "photographed",
           "edited",       "adapted",        "created",     "penned",      "narrated",
           "performed",    "shot",           "co-written",  "co-directed", "co-produced",
           "scripted",     "choreographed",  "hosted",      "acted",       "filmed",
           "novel",        "book",           "film",        "movie",       "films",
           "movies",       "direction",      "screenplay",  "script",      "music",
           "score",        "cinematography", "documentary", "play",        "story",
           "performances", "performance",    "work"});
    t.add(kCueCharBefore,
          {"plays",      "played",     "playing",   "play",       "portrays",    "portrayed",
           "portraying", "portray",    "character", "characters", "named",       "called",
           "nicknamed",  "dubbed",     "titular",   "villainous", "heroic",      "wife",
           "husband",    "girlfriend", "boyfriend", "fiance",     "fiancee",     "sidekick",
           "daughter",   "brother",    "sister",    "mother",     "father",      "uncle",
           "aunt",       "cousin",     "nephew",    "niece",      "grandmother", "grandfather",
           "mom",        "dad",        "lover",     "mistress",   "roommate",    "henchman",
           "henchmen",   "villain",    "hero",      "heroine",    "protagonist", "antagonist"});
    t.add(kCueAsExempt,
          {"such", "known", "same", "well", "so", "just", "good", "much", "as", "credited",
           "billed", "famous", "great", "bad", "better", "worse", "talented", "funny", "cast"});
    t.add(kCueRolePart, {"role", "part", "roles", "parts"});
    t.add(kCueWeakPerson,
          {"with", "and", "like", "by", "from", "than", "sees", "including", "unlike"});
    t.add(kCuePossNoun, {"performance",  "performances",
                         "portrayal",    "acting",
                         "role",         "roles",
                         "turn",         "character",
                         "direction",    "directing",
                         "script",       "screenplay",
                         "film",         "films",
                         "movie",        "movies",
                         "work",         "career",
                         "score",        "music",
                         "camera",       "cinematography",
                         "debut",        "latest",
                         "earlier",      "previous",
                         "directorial",  "voice",
                         "presence",     "charm",
                         "talent",       "comedic",
                         "dramatic",     "delivery",
                         "masterpiece",  "classic",
                         "vision",       "style",
                         "body",         "face",
                         "eyes",         "best",
                         "worst",        "early",
                         "later",        "final",
                         "last",         "first",
                         "own",          "novel",
                         "book",         "oeuvre",
                         "filmography",  "wife",
                         "husband",      "daughter",
                         "son",          "death",
                         "life",         "brother",
                         "sister",       "father",
                         "mother",       "dialogue",
                         "lines",        "cameo",
                         "hair",         "accent",
                         "singing",      "dancing",
                         "screen",       "take",
                         "attempt",      "attempts",
                         "effort",       "efforts",
                         "feature",      "features",
                         "photography",  "editing",
                         "lens",         "design",
                         "costumes",     "production",
                         "songs",        "soundtrack",
                         "themes",       "theme",
                         "waltz",        "waltzes",
                         "melodies",     "piano",
                         "strings",      "accordion",
                         "guitar",       "orchestra",
                         "compositions", "images",
                         "shots",        "frames",
                         "dialog",       "novels",
                         "plays",        "stories",
                         "writing",      "pen",
                         "adaptation",   "remake",
                         "sequel",       "entry",
                         "segment",      "episode"});
    t.add(kCueActorAfter, {"plays",    "played",   "portrays", "directed",  "directs",  "stars",
                           "starred",  "co-stars", "costars",  "reprises",  "reprised", "voices",
                           "voiced",   "narrates", "narrated", "co-wrote",  "wrote",    "scripted",
                           "produced", "helmed",   "cameos",   "co-starred"});
    t.add(
        kCueActorAfterWeak,
        {"playing",   "portraying", "gives",   "gave",     "delivers",  "delivered", "shines",
         "steals",    "acts",       "acted",   "performs", "performed", "sings",     "returns",
         "appears",   "appeared",   "does",    "did",      "makes",     "overacts",  "overacted",
         "directing", "starring",   "who",     "himself",  "herself",   "chews",     "hams",
         "stole",     "shone",      "looks",   "looked",   "made",      "makes",     "shot",
         "cast",      "filmed",     "created", "adapted",  "wrote",     "directed",  "co-directed",
         "composed",  "scored"});
    t.add(
        kCueTitleWord,
        {"of",   "the",  "a",     "an",      "and",   "in",     "on",   "at",  "to",  "for", "with",
         "from", "or",   "by",    "vs",      "de",    "la",     "le",   "du",  "des", "del", "von",
         "van",  "der",  "is",    "it",      "me",    "my",     "your", "you", "not", "no",  "up",
         "out",  "into", "about", "over",    "under", "all",    "as",   "but", "nor", "so",  "than",
         "be",   "are",  "was",   "her",     "his",   "their",  "our",  "its", "we",  "i",   "this",
         "that", "off",  "upon",  "without", "after", "before", "y",    "et"});
    t.add(kCueScene, {"scene", "scenes", "line", "lines", "moment", "moments", "shot", "sequence",
                      "sequences", "montage"});
    t.add(kCueActingIn,
          {"great",     "superb",      "brilliant",   "excellent",  "terrific",   "wonderful",
           "fantastic", "amazing",     "hilarious",   "awful",      "terrible",   "convincing",
           "memorable", "outstanding", "miscast",     "wasted",     "believable", "unforgettable",
           "marvelous", "marvellous",  "magnificent", "impressive", "phenomenal", "sublime",
           "riveting",  "mesmerizing", "mesmerising"});
    t.add(kCueWorkAfter, {"novel", "novels", "book", "books", "story", "stories", "adaptation",
                          "adaptations", "script", "screenplay"});
    t.add(kCueNotFilm,
          {"song",        "songs",      "single",     "track",     "tune",       "album",
           "record",      "book",       "books",      "novel",     "novels",     "novella",
           "poem",        "play",       "game",       "line",      "lines",      "phrase",
           "word",        "words",      "quote",      "quotes",    "says",       "said",
           "saying",      "tagline",    "motto",      "slogan",    "nickname",   "nicknamed",
           "dubbed",      "chapter",    "hit",        "anthem",    "lyrics",     "sings",
           "sang",        "singing",    "tells",      "told",      "yells",      "shouts",
           "screams",     "asks",       "asked",      "replied",   "replies",    "exclaims",
           "label",       "magazine",   "newspaper",  "article",   "episode",    "episodes",
           "band",        "group",      "sign",       "message",   "term",       "comic",
           "comics",      "character",  "characters", "role",      "named",      "name",
           "called",      "aka",        "titled",     "entitled",  "video",      "videos",
           "cover",       "remix",      "company",    "studio",    "banner",     "brand",
           "channel",     "station",    "segment",    "story",     "stories",    "sketch",
           "sequence",    "scene",      "number",     "theme",     "plays",      "played",
           "playing",     "as",         "ship",       "computer",  "restaurant", "bar",
           "club",        "hotel",      "town",       "city",      "village",    "planet",
           "website",     "blog",       "podcast",    "column",    "section",    "piece",
           "waltz",       "symphony",   "opera",      "aria",      "painting",   "poster",
           "titles",      "font",       "motel",      "company's", "cafe",       "café",
           "publication", "outlet",     "site",       "forum",     "press",      "network",
           "rendition",   "renditions", "strains",    "melody",    "tune",       "tunes",
           "jingle",      "chant",      "hymn",       "carol",     "ballad",     "duet",
           "medley",      "lyric",      "verse"});
    t.add(kCueFilm,
          {"film",        "films",       "movie",    "movies",      "flick",         "flicks",
           "documentary", "remake",      "sequel",   "prequel",     "adaptation",    "series",
           "show",        "sitcom",      "cartoon",  "miniseries",  "feature",       "classic",
           "classics",    "masterpiece", "epic",     "thriller",    "thrillers",     "comedy",
           "comedies",    "drama",       "dramas",   "western",     "westerns",      "musical",
           "horror",      "noir",        "opus",     "installment", "instalment",    "franchise",
           "saga",        "trilogy",     "biopic",   "blockbuster", "remakes",       "sequels",
           "telefilm",    "tv-movie",    "anime",    "programme",   "program",       "serial",
           "shows",       "cartoons",    "romcom",   "spoof",       "parody",        "ripoff",
           "rip-off",     "knockoff",    "homage",   "version",     "entry",         "vehicle",
           "debut",       "picture",     "pictures", "miniseries",  "documentaries", "musicals",
           "animation",   "cult",        "b-movie",  "slasher",     "sci-fi"});
    t.add(kCuePairHead,
          {"remake",     "sequel",      "prequel",   "version",   "adaptation",  "fans",
           "fan",        "star",        "stars",     "director",  "directors",   "cast",
           "rip-off",    "ripoff",      "copy",      "parody",    "spoof",       "homage",
           "tribute",    "reminiscent", "style",     "starred",   "starring",    "appeared",
           "appearance", "appearances", "role",      "roles",     "performance", "performances",
           "work",       "cameo",       "debut",     "turn",      "scenes",      "scene",
           "ending",     "season",      "seasons",   "follow-up", "sequels",     "remakes",
           "likes",      "knockoff",    "imitation", "cross",     "update",      "retelling",
           "reworking",  "reimagining", "re-make",   "cut",       "maker",       "makers",
           "creators",   "writer",      "writers",   "lead",      "villain",     "hero",
           "heroine",    "co-star",     "acted",     "featured",  "seen",        "watched",
           "original",   "better",      "worse",     "funnier",   "scarier",     "superior",
           "inferior",   "episode",     "episodes",  "parts",     "part",        "sequel",
           "clone",      "descendant",  "echoes",    "shades",    "nods",        "nod",
           "reference",  "references",  "homages"});
    t.add(kCuePairPrep, {"of", "to", "in", "than", "like", "as"});
    t.add(kCueWeakFilm,
          {"in",        "like",       "than",       "saw",        "seen",   "watched",
           "watching",  "see",        "watch",      "loved",      "love",   "enjoyed",
           "including", "especially", "unlike",     "from",       "as",     "vs",
           "and",       "or",         "made",       "directed",   "rented", "bought",
           "recommend", "about",      "rewatched",  "re-watched", "hated",  "prefer",
           "preferred", "remember",   "remembered", "of",         "both",   "either"});
    t.add(kCueCompany, {"films",      "pictures", "studios",     "productions", "entertainment",
                        "records",    "inc",      "corporation", "magazine",    "media",
                        "publishing", "cinemas",  "festival",    "awards",      "observatory",
                        "university", "college",  "museum",      "ltd",         "llc"});
    t.add(kCueNaming, {"called", "titled", "entitled", "named"});
    t.add(kCueCorrection, {"sorry", "er", "erm", "um", "uh", "oops", "correction", "rather"});
    t.add(kCueAbbrev, {"mr", "mrs", "dr", "st", "vs", "jr", "ms"});
    t.add(kCueArticle, {"the", "a", "an"});
    t.add(kCueTitleStop, {"it", "her", "us", "up", "them", "this", "him", "me", "you"});
    t.add(kCueMaker, {"made", "directed", "wrote", "shot", "helmed", "make", "direct", "produced"});
    t.add(kCueKindLike, {"like", "as", "including", "especially"});
    t.add(kCueListJoin, {"and", "or", "then"});
    // Offices and callings that history, more than fiction, gives a full name.
    t.add(kCueRealBefore, {"president", "presidents", "general", "generals", "general-in-chief",
                           "senator", "governor", "emperor", "chief", "poet", "painter", "boxer"});
    t.add(kCueRealOf, {"biopic", "biography", "career"});
    return t;
}

}  // namespace

std::uint32_t cue_bits(std::string_view lower) {
    static const Table table = build();
    return table.bits.get(lower);
}

}  // namespace reel::entities
