// Rules for the shapes real reviews take: given names outside the English lists, titles typed in
// capitals, a given name after an organisation word.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reel/entities.hpp"

namespace reel {
namespace {

using Keys = std::vector<std::string>;

ExtractedEntities extract(const std::string& text) {
    EntityExtractor ex;
    Review r;
    r.text = text;
    return ex.extract(r, ex.observe(r));
}

ExtractedEntities extract_with(const EntityEvidence& corpus, const std::string& text) {
    EntityExtractor ex;
    Review r;
    r.text = text;
    return ex.extract(r, corpus);
}

// Corpus evidence from (kind, key, sightings); the key doubles as the display name.
using Kind = EntityEvidence::Kind;
struct Seen {
    Kind kind;
    const char* key;
    std::uint32_t count;
};

EntityEvidence corpus_of(std::initializer_list<Seen> seen) {
    EntityEvidence corpus;
    for (const Seen& s : seen) corpus.add(s.kind, s.key, s.key, s.count);
    return corpus;
}

Keys people(const ExtractedEntities& e) {
    Keys k;
    for (const auto& p : e.people) k.push_back(p.key);
    return k;
}

Keys films(const ExtractedEntities& e) {
    Keys k;
    for (const auto& f : e.films) k.push_back(f.key);
    return k;
}

TEST(EntityRules, GivenNamesOutsideTheEnglishLists) {
    EXPECT_EQ(people(extract("Zoltan Ferency makes the whole thing worth a look.")),
              Keys{"zoltan ferency"});
    EXPECT_EQ(people(extract("Honestly I thought Radovan Kelmar was wasted in it.")),
              Keys{"radovan kelmar"});
}

TEST(EntityRules, EnglishWordPairsAreNotPeople) {
    EXPECT_TRUE(people(extract("Honestly I thought Silent Harbor was wasted on me.")).empty());
    // A film verb before the pair: the title, not a person.
    EXPECT_TRUE(people(extract("Last week we rented Luna Verdeza on a whim.")).empty());
}

TEST(EntityRules, TitlesInCapitals) {
    auto e = extract(
        "Waters has done better. I adored MIDNIGHT ORCHARD and GLASS TEMPEST, two fine films, "
        "and it reminded me of PLANET OF THE GIANTS (1961) at times. The cast does what it can "
        "with a thin script, the music is loud, and the ending comes far too late to matter, "
        "but the photography is lovely and the sets are handsome throughout.");
    EXPECT_EQ(films(e), (Keys{"midnight orchard", "glass tempest", "planet of the giants"}));
    ASSERT_EQ(e.films.size(), 3u);
    EXPECT_EQ(e.films[0].name, "Midnight Orchard");
    EXPECT_EQ(e.films[2].name, "Planet of the Giants");
}

TEST(EntityRules, RomanNumeralsStayInCapitals) {
    auto e = extract(
        "Nothing was worse than the dreadful SHADOW HUNTER III last summer, and I have seen a "
        "great many sequels that nobody asked for in my time.");
    ASSERT_EQ(e.films.size(), 1u);
    EXPECT_EQ(e.films[0].name, "Shadow Hunter III");
}

TEST(EntityRules, ShoutsAndNamesInCapitalsAreNotTitles) {
    EXPECT_TRUE(films(extract("This is dull. DO NOT WATCH it. SPOILER ALERT: the dog lives on "
                              "and on and on for hours."))
                    .empty());
    EXPECT_TRUE(films(extract("Why did ZORAN VELKIC agree to this dull mess of a plot?")).empty());
    EXPECT_TRUE(
        films(extract("The MGM MINIATURE series was a fine idea back then for sure.")).empty());
}

TEST(EntityRules, GivenNameAfterAnOrganisationWord) {
    EXPECT_EQ(people(extract("As Assistant Secretary of State Edmund Harlowe aptly put it, the "
                             "war was lost.")),
              Keys{"edmund harlowe"});
}

TEST(EntityRules, ExamplesOfAKindOfFilm) {
    EXPECT_EQ(
        films(extract("It is no match for shows like Cobblestone, Harbor Lights and Dunmore.")),
        (Keys{"cobblestone", "harbor lights", "dunmore"}));
    EXPECT_EQ(films(extract("He made cult classics such as The Vexing and Copper Rain.")),
              (Keys{"vexing", "copper rain"}));
    // Not a kind of film: "people like X" names no title.
    EXPECT_TRUE(films(extract("I loved seeing people like Dunmore there.")).empty());
}

// A lone word the corpus knows as someone's surname, but everyday vocabulary, stays a word.
TEST(EntityRules, AbbreviationsAloneAreNotTitles) {
    Keys f =
        films(extract("Not to be confused with Mr. Wizbang, which I also saw. Ms. Dorne "
                      "is fine, but Ms. Dorne cannot save it."));
    EXPECT_EQ(std::count(f.begin(), f.end(), "mr") + std::count(f.begin(), f.end(), "ms"), 0);
}

TEST(EntityRules, CompassPointsOpenPlaces) {
    EXPECT_TRUE(people(extract("He was a cadet at West Fordham before the war began.")).empty());
}

TEST(EntityRules, EverydayWordsDoNotResolveToASurname) {
    EntityExtractor ex;
    Review other;
    other.text = "Directed by Harold Wild, and Harold Wild plays the lead.";
    Review r;
    r.text = "The night turns Wild when the guests arrive.";
    EntityEvidence ev = ex.observe(r);
    for (int k = 0; k < 3; ++k) ev.merge(ex.observe(other));
    EXPECT_TRUE(people(ex.extract(r, ev)).empty());
    Review s;
    s.text = "Yet the night belongs to Zemeckovar, as usual, when the guests arrive.";
    Review maker;
    maker.text = "Directed by Harold Zemeckovar, and Harold Zemeckovar plays the lead.";
    ev = ex.observe(s);
    for (int k = 0; k < 3; ++k) ev.merge(ex.observe(maker));
    EXPECT_EQ(people(ex.extract(s, ev)), Keys{"harold zemeckovar"});
}

// Ratings, decades and lone function words are never titles, however marked or however often
// the corpus saw them.
TEST(EntityRules, RatingsDecadesAndPronounsAreNotTitles) {
    EXPECT_EQ(films(extract("I would give it \"3 out of 10\" at the very most.")), Keys{});
    EXPECT_EQ(films(extract("The look is pure \"1930s\" glamour, all soft lines.")), Keys{});

    EntityEvidence corpus;
    for (const char* key : {"3", "30s", "im"}) corpus.add(EntityEvidence::Kind::Film, key, key, 50);
    EXPECT_EQ(
        films(extract_with(corpus, "I'm sure it went from 3 to worse. Drawn like the 30s, sadly.")),
        Keys{});
}

// A title the corpus knows is not read into the tail or head of a longer name: "It's a
// Wonderful Life" is not "Life", "Gamera 2: Attack of Legion" not "Gamera".
TEST(EntityRules, KnownTitlesAreNotPiecesOfLongerNames) {
    EntityExtractor ex;
    EntityEvidence corpus;
    for (const char* key : {"life", "gamera", "tango"})
        corpus.add(EntityEvidence::Kind::Film, key, key, 50);
    Review r;
    r.text =
        "Every Christmas we watch It's a Wonderful Life and then The Book of Life. "
        "Later came Gamera 2: Attack of Legion, and Tango&Cash on video. \"Life stinks\" "
        "is what I say.";
    Keys found = films(ex.extract(r, corpus));
    EXPECT_EQ(std::count(found.begin(), found.end(), "life"), 0);
    EXPECT_EQ(std::count(found.begin(), found.end(), "gamera"), 0);
    EXPECT_EQ(std::count(found.begin(), found.end(), "tango"), 0);

    Review pronoun;
    pronoun.text = "Having seen him in Tango&Cash I can say he was never better.";
    for (const std::string& k : films(ex.extract(pronoun, corpus))) EXPECT_EQ(k.find(" i"), k.npos);

    Review fine;
    fine.text = "Nothing since has matched Life. In Life the whole cast is superb.";
    EXPECT_EQ(films(ex.extract(fine, corpus)), Keys{"life"});
}

// Cues real reviews use: "such as 'X'" lists titles (a plain "as 'X'" names a role), "and The
// Y" starts a second title, "In X, Name plays" opens with a title, and a title typed in lower
// case inside quotes counts when the corpus knows it.
TEST(EntityRules, ListsOpeningsAndLowerCaseQuotedTitles) {
    EXPECT_EQ(films(extract("Lean made epics such as 'Lawrence of Arabia' in those years.")),
              Keys{"lawrence of arabia"});
    EXPECT_EQ(films(extract("She has also appeared in The Initiation and The Fly II since.")),
              (Keys{"initiation", "fly ii"}));
    ExtractedEntities in = extract("In Black Mask, Jet Li plays a bio-engineered cop.");
    EXPECT_EQ(films(in), Keys{"black mask"});
    EXPECT_EQ(people(in), Keys{"jet li"});
    EXPECT_EQ(films(extract("In New York, Al Pacino shouts at everybody.")), Keys{});

    EntityExtractor ex;
    EntityEvidence corpus = corpus_of({{Kind::Film, "snakes on a plane", 5}});
    corpus.add(EntityEvidence::Kind::Film, "separate lies", "Separate Lies", 2);  // too few
    Review r;
    r.text = "If you want bigger budgets go and see \"snakes on a plane\" instead.";
    EXPECT_EQ(films(ex.extract(r, corpus)), Keys{"snakes on a plane"});
    Review once;
    once.text = "Then the web of \"separate lies\" begins to fail.";
    EXPECT_EQ(films(ex.extract(once, corpus)), Keys{});
}

// What the corpus once saw as a title is not one wherever the words recur: "on TV", "in
// Hollywood", "the Cave of Swimmers", "the Loch Ness Monster", 'Robert "Pretentious"
// Altman', 'a "knocked-up" tart', and a quoted name the corpus knows as a person's.
TEST(EntityRules, EverydayUsesOfKnownTitles) {
    EntityExtractor ex;
    EntityEvidence corpus;
    for (const char* key : {"tv", "hollywood", "cave", "loch ness", "pretentious", "knocked up"})
        corpus.add(EntityEvidence::Kind::Film, key, key, 50);
    corpus.add(EntityEvidence::Kind::Person, "tom cruise", "Tom Cruise", 90);
    Review r;
    r.text =
        "It was shown on TV before she arrived in Hollywood. Almasy carries her to the Cave "
        "of Swimmers. Her cousin is the Loch Ness Monster. What's up with Robert "
        "\"Pretentious\" Altman? She plays a \"knocked-up\" tart. Maverick does not mean "
        "\"Tom Cruise\" at all.";
    EXPECT_EQ(films(ex.extract(r, corpus)), Keys{});
}

// A title shaped like a name but opening with no given name ("Jurassic Park", "Taxi Driver",
// "Lethal Weapon") is the film once the corpus has seen it as one as often as cued as a person.
TEST(EntityRules, TitlesWithoutAGivenNameNeedOnlyATie) {
    EntityEvidence corpus =
        corpus_of({{Kind::Film, "jurassic park", 5}, {Kind::Person, "jurassic park", 4}});
    ExtractedEntities e = extract_with(corpus, "Jurassic Park was better than this mess.");
    EXPECT_EQ(people(e), Keys{});
    EXPECT_EQ(films(e), Keys{"jurassic park"});
    // A tie is enough.
    EntityEvidence tie =
        corpus_of({{Kind::Film, "jurassic park", 4}, {Kind::Person, "jurassic park", 4}});
    EXPECT_EQ(people(extract_with(tie, "Jurassic Park was better than this mess.")), Keys{});
    // A weak person cue ("along with") does not outweigh a title the corpus knows far better.
    EntityEvidence kane =
        corpus_of({{Kind::Film, "citizen kane", 13}, {Kind::Person, "citizen kane", 2}});
    ExtractedEntities k = extract_with(kane, "It ranks along with Citizen Kane for me.");
    EXPECT_EQ(people(k), Keys{});
    EXPECT_EQ(films(k), Keys{"citizen kane"});
    // With a given name first, a tie still leaves a person.
    EntityEvidence named =
        corpus_of({{Kind::Film, "jane eyre", 5}, {Kind::Person, "jane eyre", 5}});
    EXPECT_EQ(people(extract_with(named, "Jane Eyre was better than this mess.")),
              Keys{"jane eyre"});
}

// Troupes and things named like people are nobody: "Monty Python" was the 53rd person of the
// aclImdb reviews, cued as one in 29 of them.
TEST(EntityRules, TroupesAreNotPeople) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "monty python", 29},
                                       {Kind::Person, "three stooges", 2},
                                       {Kind::Person, "blair witch", 9}});
    EXPECT_EQ(people(extract_with(corpus,
                                  "Monty Python did it better, and so did the Three "
                                  "Stooges, long before the Blair Witch.")),
              Keys{});
    EXPECT_EQ(people(extract("Monty Python made me laugh, as did Graham Chapman.")),
              Keys{"graham chapman"});
}

// Critics write "Ms. Chasse" for the director they named in full: "Mr."/"Ms." do not turn the
// surname into a character's, as "Dr."/"Captain" do.
TEST(EntityRules, PoliteTitlesKeepTheFullName) {
    EXPECT_EQ(people(extract("We saw it where Betsy Chasse, one of its directors, spoke. Everyone, "
                             "including Ms. Chasse, began to speculate.")),
              Keys{"betsy chasse"});
    EXPECT_EQ(people(extract("Then Dr. Evil wants a million dollars, as Dr. Evil would.")), Keys{});
}

// A name the corpus saw as often as a character as a person is still a person where the text
// says nothing against it.
TEST(EntityRules, EvenCharacterEvidenceIsNoVerdict) {
    EntityEvidence corpus =
        corpus_of({{Kind::Person, "jared diamond", 2}, {Kind::Character, "jared diamond", 2}});
    EXPECT_EQ(people(extract_with(
                  corpus, "Jared Diamond made a point in the first episode that others missed.")),
              Keys{"jared diamond"});
}

// "Jack Nicholson (Jack Torrance)": the actor named first, the part in brackets, where the corpus
// knows the first as a person and the second not half as well. "Ed Wood (Johnny Depp)": an actor
// the corpus knows stays the actor in brackets, even after a known person.
TEST(EntityRules, ActorBeforeBracketedPart) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "jack nicholson", 40},
                                       {Kind::Person, "jack torrance", 4},
                                       {Kind::Character, "jack torrance", 7},
                                       {Kind::Person, "ed wood", 90},
                                       {Kind::Person, "johnny depp", 40}});
    EXPECT_EQ(people(extract_with(corpus, "Jack Nicholson (Jack Torrance) is great in it.")),
              Keys{"jack nicholson"});
    EXPECT_EQ(people(extract_with(corpus, "Jack Torrance (Jack Nicholson) is great in it.")),
              Keys{"jack nicholson"});
    EXPECT_EQ(people(extract_with(corpus, "Ed Wood (Johnny Depp) freaks out at the end.")),
              Keys{"johnny depp"});
}

// A name the corpus casts as a character more often than it cues as a person (James Bond, Norman
// Bates, Robin Hood) is a character where the text does not say otherwise.
TEST(EntityRules, MostlyCharacterEvidenceMakesACharacter) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "norman bates", 7},
                                       {Kind::Character, "norman bates", 11},
                                       {Kind::Named, "norman bates", 19}});
    EXPECT_EQ(people(extract_with(corpus, "Norman Bates is the shy man who runs the motel.")),
              Keys{});
    // A cue in the review itself still decides.
    EXPECT_EQ(people(extract_with(corpus, "The film was directed by Norman Bates in 1990.")),
              Keys{"norman bates"});
    // Cued as a person more often than cast, the name stays a person's.
    EntityEvidence person = corpus_of({{Kind::Person, "norman bates", 11},
                                       {Kind::Character, "norman bates", 7},
                                       {Kind::Named, "norman bates", 19}});
    EXPECT_EQ(people(extract_with(person, "Norman Bates is the shy man who runs the motel.")),
              Keys{"norman bates"});
}

// A one-word title the corpus saw a few times beyond doubt is not taken where the corpus writes
// the word capitalised far more often ("Earth", "Hollywood"), unless a cue names a film.
TEST(EntityRules, OneWordTitlesAreWeighedAgainstTheWordsUse) {
    EntityEvidence corpus = corpus_of({{Kind::Film, "earth", 8},
                                       {Kind::Seen, "earth", 461},
                                       {Kind::Film, "titanic", 16},
                                       {Kind::Seen, "titanic", 115}});
    EXPECT_EQ(films(extract_with(corpus, "Nothing else on Earth looks like it.")), Keys{});
    EXPECT_EQ(films(extract_with(corpus, "I liked the film Earth more than this.")), Keys{"earth"});
    EXPECT_EQ(films(extract_with(corpus, "Nothing since Titanic looks like it.")), Keys{"titanic"});
    // More than 25 times a weight of sure sightings: 200 against 8 is not more.
    auto on_earth = [](std::uint32_t seen) {
        return films(
            extract_with(corpus_of({{Kind::Film, "earth", 8}, {Kind::Seen, "earth", seen}}),
                         "Nothing else on Earth looks like it."));
    };
    EXPECT_EQ(on_earth(200), Keys{"earth"});
    EXPECT_EQ(on_earth(201), Keys{});
}

// A title in capitals may hold small words in capitals when a year marks it: "MURDER IS MY
// BEAT (1955)" is one title, where "WHY IS IT SO BAD?" is a shout.
TEST(EntityRules, DatedTitlesInCapitalsKeepTheirSmallWords) {
    const std::string before =
        "She was a fine actress and a beautiful woman, and it is sad that her career ended so "
        "soon after it began, with small parts in many films of the period. ";
    EXPECT_EQ(films(extract(before + "Her last one was MURDER IS MY BEAT (1955), which I have "
                                     "in my pile of films still to watch this winter.")),
              Keys{"murder is my beat"});
    EXPECT_EQ(films(extract(before + "WHY IS IT SO BAD? I wonder as I watch it this winter with "
                                     "all the other films in my pile.")),
              Keys{});
}

// A date after a title is not part of it: "made Citizen Kane in 1941" names Citizen Kane, but
// "Class of 1999" is the whole title.
TEST(EntityRules, ADateAfterATitleIsNotPartOfIt) {
    EXPECT_EQ(films(extract("Welles made the film Citizen Kane in 1941, aged 25.")),
              Keys{"citizen kane"});
    EXPECT_EQ(films(extract("We saw the film KING KONG from 1976 again.")), Keys{"king kong"});
    EXPECT_EQ(films(extract("The film Class of 1999 is silly fun.")), Keys{"class of 1999"});
}

// A place the corpus has seen as a title ("Las Vegas", the series) is a title only where the
// review marks it as one or a cue names a film.
TEST(EntityRules, PlacesAreTitlesOnlyWhereMarked) {
    EntityEvidence corpus = corpus_of({{Kind::Film, "las vegas", 4}});
    EXPECT_EQ(films(extract_with(corpus, "They married in Las Vegas that spring.")), Keys{});
    EXPECT_EQ(films(extract_with(corpus, "They sing in the movie Las Vegas that spring.")),
              Keys{"las vegas"});
    EXPECT_EQ(films(extract_with(corpus,
                                 "The series \"Las Vegas\" (2003) was fun, and Las Vegas "
                                 "had James Caan.")),
              Keys{"las vegas"});
}

// What a review calls a film (its kind, rating or medium) is no title, however often quoted.
TEST(EntityRules, LabelsAreNotTitles) {
    EntityEvidence corpus =
        corpus_of({{Kind::Film, "b movie", 4}, {Kind::Film, "pg 13", 4}, {Kind::Film, "dvd", 4}});
    EXPECT_EQ(films(extract_with(corpus, "A cheap B-movie, rated PG-13, now on DVD.")), Keys{});
    EXPECT_EQ(films(extract("It is a \"B-movie\" and proud of it.")), Keys{});
    EntityEvidence genres = corpus_of({{Kind::Film, "kung fu", 6}, {Kind::Film, "la", 6}});
    EXPECT_EQ(films(extract_with(genres, "We rented every Kung Fu tape in L.A. that summer.")),
              Keys{});
}

// "Chaplin's tramp", "a Lynch picture": a surname the corpus names people by more often than it
// marks the word as a title is the person's, unless a cue names a film.
TEST(EntityRules, SurnamesOfKnownPeopleAreNotOneWordTitles) {
    // Two people share the surname, so the lone "Glover" is nobody's in particular.
    auto corpus = [](std::uint32_t film_sightings) {
        return corpus_of({{Kind::Film, "glover", film_sightings},
                          {Kind::Person, "danny glover", 10},
                          {Kind::Person, "crispin glover", 10}});
    };
    EXPECT_EQ(films(extract_with(corpus(5), "Nobody moved like Glover in those years.")), Keys{});
    EXPECT_EQ(films(extract_with(corpus(5), "Then I saw the film Glover on cable.")),
              Keys{"glover"});
    EXPECT_EQ(films(extract_with(corpus(30), "Nobody moved like Glover in those years.")),
              Keys{"glover"});
}

// A surname opening a sentence resolves to the corpus's person of that name when a verb
// follows it; otherwise the capital may be anybody's.
TEST(EntityRules, SurnameOpeningASentenceBeforeAVerb) {
    EntityExtractor ex;
    EntityEvidence corpus = corpus_of({{Kind::Person, "charles dickens", 20}});
    Review r;
    r.text = "They can't act at all! Dickens is difficult, of course, but not that difficult.";
    EXPECT_EQ(people(ex.extract(r, corpus)), Keys{"charles dickens"});
    // Without the verb, a name the corpus knows this well still reads as the person...
    r.text = "They can't act at all! Dickens, though, would have laughed.";
    EXPECT_EQ(people(ex.extract(r, corpus)), Keys{"charles dickens"});
    // ...but not one it has seen a few times only.
    EXPECT_EQ(people(ex.extract(r, corpus_of({{Kind::Person, "charles dickens", 5}}))), Keys{});
}

// "Betty Stuart (Madsen)": a surname in brackets that the corpus knows as an actor's makes the
// name before it a character.
TEST(EntityRules, CharacterBeforeABracketedSurname) {
    EntityEvidence corpus =
        corpus_of({{Kind::Person, "virginia madsen", 19}, {Kind::Person, "michael madsen", 46}});
    EXPECT_EQ(
        people(extract_with(
            corpus, "He plays the traitor, and the best turn is Betty Stuart (Madsen), a belle.")),
        Keys{});
}

// A name in capitals is taken only when the corpus knows it well as a person's.
TEST(EntityRules, NamesInCapitalsTheCorpusKnows) {
    EntityExtractor ex;
    EntityEvidence corpus = corpus_of({{Kind::Person, "uma thurman", 13}});
    Review r;
    r.text =
        "There must be something good in it for UMA THURMAN and Luke Wilson to do it. "
        "WALTER HILL did not direct it.";
    EXPECT_EQ(people(ex.extract(r, corpus)), (Keys{"uma thurman", "luke wilson"}));
}

// A review opening on a capitalised phrase and a verb is about that film; "like in X" compares
// films; "his film X" names a title even when X reads like a name.
TEST(EntityRules, OpeningSubjectComparisonsAndFilmBeforeAName) {
    EXPECT_EQ(films(extract("Keys to the VIP is just another one of those shows.")),
              Keys{"keys to the vip"});
    EXPECT_EQ(films(extract("Anyone who likes his work, like in Deep Cover, will enjoy it.")),
              Keys{"deep cover"});
    ExtractedEntities e =
        extract("It has the quirky air of his film Les Triplettes de Belleville.");
    EXPECT_EQ(films(e), Keys{"les triplettes de belleville"});
    EXPECT_EQ(people(e), Keys{});
}

// One word in capitals counts as a title when listed with a title in capitals, and "the
// scene in X" places the scene in a film.
TEST(EntityRules, CapitalWordsListedWithTitlesAndScenesInFilms) {
    Keys found = films(extract(
        "I never liked the early ones much, but I adored FEMALE TROUBLE and POLYESTER, when I "
        "finally saw them, two grubby and wonderful tributes to bad taste that still make me "
        "laugh out loud every single time I put them on, which is often enough."));
    EXPECT_EQ(found, (Keys{"female trouble", "polyester"}));

    EntityEvidence corpus = corpus_of({{Kind::Film, "psycho", 50}});
    EXPECT_EQ(
        films(extract_with(
            corpus,
            "It opens with a rip-off of the shower scene in PSYCHO, and then it gets worse.")),
        Keys{"psycho"});
}

// Known one-word titles used as words: "an Elephant with strep", "the Gamera trilogy",
// "Tales from the crypt", "war movies and Westerns".
TEST(EntityRules, OneWordTitlesUsedAsWords) {
    EntityExtractor ex;
    EntityEvidence corpus;
    for (const char* key : {"elephant", "gamera", "tales", "westerns"})
        corpus.add(EntityEvidence::Kind::Film, key, key, 5);
    Review r;
    r.text =
        "Now he sounds like an Elephant with a cold. If the Gamera trilogy was good, this "
        "is not. Anthology shows like Tales from the crypt did it better, as did war movies "
        "and Westerns in the forties.";
    EXPECT_EQ(films(ex.extract(r, corpus)), Keys{});
    Review fine;
    fine.text = "I loved Elephant, the one from 2003, and I still rewatch Westerns often.";
    EXPECT_EQ(films(ex.extract(fine, corpus)), Keys{"elephant"});
}

// Names of works, titles of nobility and events are not people: "the book Celestine
// Prophecy", "the Count of Monte Cristo", "the Reagan Revolution", "the U.S. Cavalry".
TEST(EntityRules, WorksTitlesAndEventsAreNotPeople) {
    EXPECT_EQ(people(extract("He was jailed before becoming the Count of Monte Cristo.")), Keys{});
    EXPECT_EQ(people(extract("By 1980, in the wake of the Reagan Revolution, it looked quaint, "
                             "and when the U.S. Cavalry joins the fight it is no help.")),
              Keys{});
    Keys show = people(extract("Then his TV show, Nick Cannon Presents, came along."));
    EXPECT_EQ(std::count(show.begin(), show.end(), "nick cannon presents"), 0);
}

// "Bronson" is a given name too, but where the corpus knows one Bronson far better than any
// other, a lone "Bronson" is him; "playing Bronson's sidekick" casts the sidekick, not him.
TEST(EntityRules, GivenNamesThatAreWellKnownSurnames) {
    EntityExtractor ex;
    EntityEvidence corpus = corpus_of({{Kind::Person, "charles bronson", 61}});
    Review r;
    r.text = "The woman playing Bronson's sidekick is 40 years younger than Bronson! Sad.";
    EXPECT_EQ(people(ex.extract(r, corpus)), Keys{"charles bronson"});
    corpus.add(EntityEvidence::Kind::Person, "bronson pinchot", "Bronson Pinchot", 50);
    corpus.add(EntityEvidence::Kind::Person, "ann bronson", "Ann Bronson", 20);
    EXPECT_EQ(people(ex.extract(r, corpus)), Keys{});
}

// A lone given name the corpus knows almost only as one person's is that person ("Keanu");
// a common one shared by many is nobody in particular.
TEST(EntityRules, GivenNamesTheCorpusKnowsAsOnePerson) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "keanu reeves", 12},
                                       {Kind::Person, "tom hanks", 90},
                                       {Kind::Person, "tom cruise", 80}});
    EXPECT_EQ(people(extract_with(
                  corpus, "It is a sick society. Glover is great, Keanu is great, and so is Tom.")),
              Keys{"keanu reeves"});
}

// Review findings: a film named like a person before "fan"/"movie" stays a film; "I was"
// ends a title; a shout after a listed title is no title; "Jaws 10 times" is Jaws; a name in
// capitals may run into another shouted word.
TEST(EntityRules, EdgesOfTheNewRules) {
    EntityEvidence corpus = corpus_of({{Kind::Film, "donnie darko", 40},
                                       {Kind::Film, "jaws", 40},
                                       {Kind::Person, "uma thurman", 13}});
    ExtractedEntities e = extract_with(
        corpus, "I am a huge Donnie Darko fan, and I have seen Jaws 10 times. UMA THURMAN ROCKS.");
    EXPECT_EQ(films(e), (Keys{"donnie darko", "jaws"}));
    EXPECT_EQ(people(e), Keys{"uma thurman"});
    EXPECT_EQ(films(extract("After the film Black Mask I was hooked on the genre.")),
              Keys{"black mask"});
    Keys shout = films(extract(
        "I never liked the early ones much, but I saw PINK FLAMINGOS and LOVED it when I finally "
        "got round to it, a grubby and wonderful tribute to bad taste that still makes me laugh "
        "out loud every single time I put it on, which is often enough for anybody."));
    EXPECT_EQ(std::count(shout.begin(), shout.end(), "loved"), 0);
}

// A person's name the corpus has also seen as a title is the person where it names a maker:
// "a Stephen King novel", "Stephen King's books", "'Kingdom Hospital' by Stephen King".
TEST(EntityRules, MakersAreNotTitlesSpeltTheSame) {
    EntityExtractor ex;
    EntityEvidence corpus = corpus_of({{Kind::Film, "stephen king", 50}});
    for (const char* text :
         {"This one is based on a Stephen King novel, and it shows in every scene.",
          "Everyone knows that Stephen King's books scare better than the films made of them.",
          "Not to be confused with \"Kingdom Hospital\" by Stephen King, a different beast."}) {
        Review r;
        r.text = text;
        ExtractedEntities e = ex.extract(r, corpus);
        Keys f = films(e), p = people(e);
        EXPECT_EQ(std::count(f.begin(), f.end(), "stephen king"), 0) << text;
        EXPECT_EQ(std::count(p.begin(), p.end(), "stephen king"), 1) << text;
    }
}

// Studios, channels and religious figures are capitalised, quoted and put after film cues,
// but nobody searching for films means them; a review's own film is never dropped.
TEST(EntityRules, StudiosChannelsAndFiguresAreNotFilms) {
    // Seen quoted elsewhere, as such names are: only the list keeps them out.
    EntityEvidence seen = corpus_of({{Kind::Film, "troma", 6},
                                     {Kind::Film, "20th century fox", 6},
                                     {Kind::Film, "turner classic movies", 6}});
    EXPECT_EQ(films(extract_with(seen, "It is no Troma movie, though it has all the marks.")),
              Keys{});
    EXPECT_EQ(films(extract_with(seen, "Like Troma, it never cared about taste.")), Keys{});
    EXPECT_EQ(films(extract_with(seen, "Then 20th Century Fox released it cut to pieces.")),
              Keys{});
    EXPECT_EQ(films(extract_with(seen, "I watched it on Turner Classic Movies last night.")),
              Keys{});
    EXPECT_EQ(films(extract("For a good summary, read the listing at \"Turner Classic Movies\".")),
              Keys{});
    EXPECT_EQ(films(extract("Lost faith in the project made 20th Century Fox release it cut.")),
              Keys{});
    EntityEvidence corpus = corpus_of({{Kind::Film, "jesus christ", 6}});
    EXPECT_EQ(films(extract_with(corpus, "His sermon is about the blood of Jesus Christ.")),
              Keys{});
    Review r;
    r.text = "Troma at its best.";
    r.film = "Troma";
    EntityExtractor ex;
    EXPECT_EQ(films(ex.extract(r, corpus)), Keys{"troma"});
}

TEST(EntityRules, BattlesInHistoryAreNotFilms) {
    Keys f =
        films(extract("He courts her on leave, after meeting Jeb Stuart during the Battle "
                      "of Gettysburg, and the film never recovers."));
    EXPECT_EQ(std::count(f.begin(), f.end(), "battle of gettysburg"), 0);
    EXPECT_EQ(films(extract("Last night I finally saw 'The Battle of Algiers' on a big screen.")),
              Keys{"battle of algiers"});
}

// A later short form of a title the review named in full is that title ('Lawrence' for
// 'Lawrence of Arabia'); sequels and films the corpus knows in their own right stay apart.
TEST(EntityRules, ShortFormsOfANamedTitleAreThatTitle) {
    ExtractedEntities e = extract(
        "It can be compared to the epics of David Lean such as 'Lawrence of Arabia' and 'Bridge "
        "on the River Kwai'. Like 'Lawrence', it is set in North Africa.");
    EXPECT_EQ(films(e), (Keys{"lawrence of arabia", "bridge on the river kwai"}));
    ASSERT_FALSE(e.films.empty());
    EXPECT_EQ(e.films[0].aliases, std::vector<std::string>{"Lawrence"});

    EXPECT_EQ(films(extract("I loved 'Jaws 2' even more than 'Jaws' itself.")),
              (Keys{"jaws 2", "jaws"}));
    EXPECT_EQ(films(extract("After 'Mad Max: Fury Road' I went back to 'Mad Max' (1979) again.")),
              (Keys{"mad max fury road", "mad max"}));
    EXPECT_EQ(films(extract("'Mad Max Beyond Thunderdome' and 'Mad Max 2' led me back to 'Mad "
                            "Max' again.")),
              (Keys{"mad max beyond thunderdome", "mad max 2", "mad max"}));
    EntityEvidence corpus =
        corpus_of({{Kind::Film, "alien", 40}, {Kind::Film, "alien resurrection", 8}});
    EXPECT_EQ(films(extract_with(corpus, "'Alien Resurrection' is no match for 'Alien' at all.")),
              (Keys{"alien resurrection", "alien"}));
}

// "as X" names a role ("plays him as 'Mr Big'"), but not in a comparison ("as original in
// scope as the Muppet Movie").
TEST(EntityRules, ComparisonsAreNoRoles) {
    EntityEvidence corpus = corpus_of({{Kind::Film, "muppet movie", 4}});
    EXPECT_EQ(films(extract_with(corpus,
                                 "While not as original in scope as the Muppet Movie, it "
                                 "has many catchy songs.")),
              Keys{"muppet movie"});
    EXPECT_EQ(films(extract("Noth plays him as 'Mr Big' and does it well.")), Keys{});
}

// "a cross between X, Y and Z" lists films; so does a capitalised run after "or"/"and" that
// follows a title, unless someone has claimed it.
TEST(EntityRules, TitlesListedWithTitles) {
    EXPECT_EQ(films(extract("It plays like a cross between ET, Always: Sunset on Third Street and "
                            "TMNT, believe it or not.")),
              (Keys{"et", "always sunset on third street", "tmnt"}));
    EntityEvidence corpus =
        corpus_of({{Kind::Film, "panic in needle park", 6}, {Kind::Person, "val kilmer", 30}});
    EXPECT_EQ(films(extract_with(corpus,
                                 "It has the look of Panic in Needle Park or Drugstore "
                                 "Cowboy, grimy and sad.")),
              (Keys{"panic in needle park", "drugstore cowboy"}));
    ExtractedEntities e =
        extract_with(corpus, "It has the look of Panic in Needle Park and Val Kilmer is in it.");
    EXPECT_EQ(films(e), Keys{"panic in needle park"});
    EXPECT_EQ(people(e), Keys{"val kilmer"});
}

// "his TV show, X": a title in apposition to an owned or dated film noun; "'N" is an elided
// "and" inside a title.
TEST(EntityRules, TitlesInAppositionAndElidedAnd) {
    EXPECT_EQ(films(extract("He was in MIB II, and now his TV show, Nick Cannon Presents: Wild 'N "
                            "Out, where comedians compete.")),
              (Keys{"mib ii", "nick cannon presents wild n out"}));
    EXPECT_EQ(films(extract("Her latest film, The Hours of Dusk, is a bore.")),
              Keys{"hours of dusk"});
    ExtractedEntities e = extract("In his new movie, Tom Hanks plays a pilot who cannot land.");
    EXPECT_EQ(films(e), Keys{});
    EXPECT_EQ(people(e), Keys{"tom hanks"});
}

// A title the corpus knows well, typed with some words in lower case, is that title; a phrase
// of function words the corpus happened to see quoted is not.
TEST(EntityRules, KnownTitlesTypedPartlyInLowerCase) {
    EntityEvidence corpus =
        corpus_of({{Kind::Film, "tales from the crypt", 7}, {Kind::Film, "ive ever", 6}});
    EXPECT_EQ(films(extract_with(corpus,
                                 "Like other anthology shows like Tales from the crypt, "
                                 "there is a twist at the end.")),
              Keys{"tales from the crypt"});
    EXPECT_EQ(films(extract_with(corpus, "It is the worst thing I've ever seen, honestly.")),
              Keys{});
}

// "you may know as X" names no role; "Godzilla vs Megalon" is not "Godzilla". A quoted word
// the corpus knows as a title, before a film noun, stays a title ('Costner's "Bodyguard"
// film'), but a quoted kind does not ('a "Hollywood" film').
TEST(EntityRules, KnownAsVersusAndQuotedWordsBeforeAFilmNoun) {
    EntityEvidence corpus = corpus_of({{Kind::Film, "deep blue sea", 4},
                                       {Kind::Film, "godzilla", 30},
                                       {Kind::Film, "bodyguard", 4},
                                       {Kind::Film, "hollywood", 4},
                                       {Kind::Person, "kevin costner", 40}});
    EXPECT_EQ(films(extract_with(corpus, "A shark movie that you may know as Deep Blue Sea.")),
              Keys{"deep blue sea"});
    Keys f = films(extract_with(corpus, "It reminds me of Godzilla vs Megalon, sadly."));
    EXPECT_EQ(std::count(f.begin(), f.end(), "godzilla"), 0);
    EXPECT_EQ(films(extract_with(corpus, "It was no better than Costner's \"Bodyguard\" film.")),
              Keys{"bodyguard"});
    EXPECT_EQ(films(extract_with(corpus, "It is a typical \"Hollywood\" film, glossy and dull.")),
              Keys{});
}

// A known title that ends on a word names also use ("Dark") needs no extra sightings when small
// words inside show it is no name; "World War II" still does.
TEST(EntityRules, TitlesWithSmallWordsAreNotNameShaped) {
    EntityEvidence corpus =
        corpus_of({{Kind::Film, "alone in the dark", 2}, {Kind::Film, "world war ii", 2}});
    EXPECT_EQ(films(extract_with(corpus, "Not since Uwe Boll's Alone in the Dark did I feel so.")),
              Keys{"alone in the dark"});
    EXPECT_EQ(films(extract_with(corpus, "Her father came home from World War II a changed man.")),
              Keys{});
}

// A long title typed again with or without a final "s" is one film; "Alien" and "Aliens" are
// two. Two given names joined ("Fred and Ginger") are people, not a title.
TEST(EntityRules, RetypedTitlesAndPairsOfGivenNames) {
    ExtractedEntities e = extract(
        "\"Night of the Twisters\" is on tonight. I liked \"Night of "
        "the Twister\" more than I expected.");
    EXPECT_EQ(films(e), Keys{"night of the twisters"});
    EXPECT_EQ(films(extract("I saw the film \"Aliens\" first and the film \"Alien\" later.")),
              (Keys{"aliens", "alien"}));
    EXPECT_EQ(films(extract("The dancing of Fred and Ginger is what makes this movie.")), Keys{});
}

// Titles named by what they are about, listed after "then", as "a short like X", as the role
// "in the movie of the same name", or as "X the series".
TEST(EntityRules, TitlesByPredicateListRoleAndSeries) {
    EXPECT_EQ(films(extract("I had to warn people. Blackwater Valley Exorcist is loosely about a "
                            "preacher who beats his wife.")),
              Keys{"blackwater valley exorcist"});
    ExtractedEntities e = extract("Now John Smith is about to leave the band for good.");
    EXPECT_EQ(films(e), Keys{});
    EntityEvidence corpus =
        corpus_of({{Kind::Film, "mib ii", 4}, {Kind::Film, "friday the 13th", 20}});
    EXPECT_EQ(films(extract_with(corpus,
                                 "Later he starred in MIB II, then Drumline, and now "
                                 "a talk show.")),
              (Keys{"mib ii", "drumline"}));
    EXPECT_EQ(films(extract_with(corpus,
                                 "Later he starred in MIB II, then Today, and now in "
                                 "a talk show.")),
              Keys{"mib ii"});
    EXPECT_EQ(films(extract("When I watch a short like Boy-Next-Door, I feel hopeful.")),
              Keys{"boy next door"});
    EXPECT_EQ(films(extract("John Travolta was excellent as \"Michael\" in the movie by the same "
                            "name, and funny too.")),
              Keys{"michael"});
    EXPECT_EQ(films(extract_with(corpus,
                                 "It gets it right. Friday the 13th the series had no "
                                 "connection to the movies.")),
              Keys{"friday the 13th the series"});
}

// "a line in Angel Heart", "the shower scene in Psycho": a part of a film, then the film, even
// one named like a person; "the best scene in Tom Hanks' career" is still the person.
TEST(EntityRules, ScenesInAFilm) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "angel heart", 6},
                                       {Kind::Character, "angel heart", 4},
                                       {Kind::Person, "lisa bonet", 10},
                                       {Kind::Person, "tom hanks", 90},
                                       {Kind::Film, "psycho", 30}});
    ExtractedEntities e = extract_with(
        corpus, "There is a line in Angel Heart from Lisa Bonet's character that says it all.");
    EXPECT_EQ(films(e), Keys{"angel heart"});
    EXPECT_EQ(people(e), Keys{"lisa bonet"});
    EXPECT_EQ(films(extract_with(corpus, "The shower scene in Psycho is still scary.")),
              Keys{"psycho"});
    e = extract_with(corpus, "That was the best scene in Tom Hanks' whole career.");
    EXPECT_EQ(people(e), Keys{"tom hanks"});
    EXPECT_EQ(films(e), Keys{});
}

// A particle right after a place or organisation word continues that name ("Quartier des
// Enfants Rouges", "Place de la Concorde"); "Robert De Niro" keeps his.
TEST(EntityRules, ParticlesAfterPlaceWordsNameThePlace) {
    ExtractedEntities e = extract(
        "Quartier des Enfants Rouges: Maggie Gyllenhaal surprises as a "
        "drug addict, and Robert De Niro is fine.");
    EXPECT_EQ(people(e), (Keys{"maggie gyllenhaal", "robert de niro"}));
}

// Sentences shaped like this round's rules that are something else (review findings): an
// opening phrase before its subject, "about" as "approximately", a condition's "then", a
// comparison closed before a role, a scene in a place, a year-marked film named for two people.
TEST(EntityRules, LookAlikesOfTheNewRules) {
    EXPECT_EQ(films(extract("In his debut film, Nazi Germany is seen through a child's eyes.")),
              Keys{});
    EXPECT_EQ(films(extract("Blackwater Valley Exorcist is about to be released on DVD.")), Keys{});
    EXPECT_EQ(films(extract("The Extended Edition is about three hours long.")), Keys{});
    EntityEvidence corpus = corpus_of({{Kind::Film, "heat", 20}});
    EXPECT_EQ(films(extract_with(corpus, "If you liked Heat, then Pacino fans will love this.")),
              Keys{"heat"});
    EXPECT_EQ(films(extract("Pacino is as intense as ever as 'Tony Montana' here.")), Keys{});
    EXPECT_EQ(films(extract("The final shot in Central Park is stunning.")), Keys{});
    EXPECT_EQ(films(extract("Harold and Maude (1971) is a gem.")), Keys{"harold and maude"});
}

// Initials end no real name ("Washington D.C."); a rank in capitals marks a character like
// one in lower case ("LCDR Tom Dodge").
TEST(EntityRules, TrailingInitialsAndRanksInCapitals) {
    EXPECT_EQ(people(extract("He moved to Washington D.C. in 1990, where Samuel L. Jackson "
                             "found him.")),
              Keys{"samuel l jackson"});
    EXPECT_EQ(people(extract("LCDR Tom Dodge, despite his reputation, gets the command.")), Keys{});
}

// "Warner" is a given name as well as a studio: Warner Baxter and Jack Warner are people, the
// studio ("Warner Bros.", "Warner Brothers Pictures") is not.
TEST(EntityRules, WarnerIsAPersonUnlessTheStudio) {
    EXPECT_EQ(people(extract("The accent intrigues Warner Baxter who's pretty plastered, and "
                             "Jack Warner hated the picture.")),
              (Keys{"warner baxter", "jack warner"}));
    EXPECT_EQ(people(extract("It was shelved by Warner Bros. in 1936, and then Warner Brothers "
                             "Pictures sold it.")),
              Keys{});
}

TEST(EntityRules, ASurnameOpeningASentence) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "john maybury", 5},
                                       {Kind::Person, "ronald reagan", 48},
                                       {Kind::Person, "nancy reagan", 2}});
    // A verb after it says it is somebody.
    EXPECT_EQ(people(extract_with(
                  corpus, "The war drags on. Maybury seems more interested in his two leads.")),
              Keys{"john maybury"});
    // Without one, only a name the corpus knows well, and nearly always as one person.
    EXPECT_EQ(people(extract_with(corpus,
                                  "Nukes could fall at any time. Reagan in the White "
                                  "House told everybody things were great.")),
              Keys{"ronald reagan"});
    EXPECT_EQ(people(extract_with(corpus, "The war drags on. Maybury in the end loses interest.")),
              Keys{});
}

// A given name that is also a title or a noun ("King", "Red", "Roman", "Forest") opens a
// person's name where a cue or the corpus vouches for it, and only then.
TEST(EntityRules, GivenNamesThatAreAlsoTitlesOrNouns) {
    EXPECT_EQ(people(extract("The film was directed by King Vidor in 1928.")), Keys{"king vidor"});
    EXPECT_EQ(people(extract("It was directed by Roman Polanski, and it stars Art Carney.")),
              (Keys{"roman polanski", "art carney"}));
    EXPECT_EQ(people(extract("Forest Whitaker plays the dictator.")), Keys{"forest whitaker"});
    // In the middle of a name as well.
    EXPECT_EQ(people(extract("Marcia Gay Harden plays the mother.")), Keys{"marcia gay harden"});
    // Nothing vouching: the title, the army, the ape.
    EXPECT_EQ(people(extract("King Kong climbs the tower. The Red Army marches on. King Arthur "
                             "rides out with Prince Charles.")),
              Keys{});
    // Before a longer name the word is what it says.
    EXPECT_EQ(people(extract("Then Major John Pappas arrives, played by Al Pacino.")),
              Keys{"al pacino"});
    // The corpus vouches where the review says nothing.
    EntityEvidence corpus = corpus_of({{Kind::Person, "red skelton", 4}});
    EXPECT_EQ(people(extract_with(corpus, "Red Skelton was another major star of the time.")),
              Keys{"red skelton"});
    EXPECT_EQ(people(extract("Red Skelton was another major star of the time.")), Keys{});
}

// A historical person is a person even where an actor plays the part ("Errol Flynn as George
// Armstrong Custer"): an office or calling before the full name says so here ("Presidents
// Franklin D. Roosevelt and Harry S. Truman", "a biopic of Dylan Thomas"), or the corpus has
// said so at least twice.
TEST(EntityRules, HistoricalPeoplePlayedByActors) {
    EXPECT_EQ(people(extract("Dan O'Herlihy and Ed Flanders play Presidents Franklin D. Roosevelt "
                             "and Harry S. Truman respectively.")),
              (Keys{"dan oherlihy", "ed flanders", "franklin d roosevelt", "harry s truman"}));
    EXPECT_EQ(people(extract("An odd biopic of Dylan Thomas. Matthew Rhys plays him.")),
              (Keys{"dylan thomas", "matthew rhys"}));
    EXPECT_EQ(people(extract("It covers his fight with cavalry general Jeb Stuart at Gettysburg.")),
              Keys{"jeb stuart"});
    // "The Emperor's New Groove" is no emperor's name.
    EXPECT_EQ(people(extract("We saw The Emperor's New Groove twice.")), Keys{});
    EXPECT_EQ(people(extract("In General Home Ward Bound 1 and 2 are the best.")), Keys{});
    // An office before the name outweighs the actor in brackets after it.
    EXPECT_EQ(people(extract("Chief Crazy Horse (Anthony Quinn) gets a few lines.")),
              (Keys{"crazy horse", "anthony quinn"}));

    const std::string played = "The film follows George Armstrong Custer (Errol Flynn) west.";
    EXPECT_EQ(people(extract(played)), Keys{"errol flynn"});
    EntityExtractor ex;
    Review real;
    real.text = "A solid account of the life of General George Armstrong Custer.";
    EntityEvidence corpus = ex.observe(real);
    Review r;
    r.text = played;
    EXPECT_EQ(people(ex.extract(r, corpus)), Keys{"errol flynn"});  // once is not enough
    corpus.merge(ex.observe(real));
    EXPECT_EQ(people(ex.extract(r, corpus)), (Keys{"george armstrong custer", "errol flynn"}));
    // A character the corpus only ever saw played stays one.
    EXPECT_EQ(people(extract_with(corpus_of({{Kind::Character, "norman bates", 11}}),
                                  "Norman Bates (Anthony Perkins) runs a motel.")),
              Keys{"anthony perkins"});
}

// "the Coen brothers": the people of that surname the corpus knows as cued people, when it knows
// no more than three of them; more ("the Marx Brothers" beside Karl Marx) and none is taken.
TEST(EntityRules, BrothersAreThePeopleOfTheirSurname) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "joel coen", 1},
                                       {Kind::Person, "ethan coen", 5},
                                       {Kind::Person, "groucho marx", 1},
                                       {Kind::Person, "harpo marx", 1},
                                       {Kind::Person, "chico marx", 2},
                                       {Kind::Person, "karl marx", 3}});
    EXPECT_EQ(people(extract_with(corpus, "Tuileries: The Coen Brothers stick to their humour.")),
              (Keys{"ethan coen", "joel coen"}));
    EXPECT_EQ(people(extract_with(corpus,
                                  "It is funnier than anything the two Coen brothers "
                                  "made since.")),
              (Keys{"ethan coen", "joel coen"}));
    EXPECT_EQ(people(extract_with(corpus, "The Marx Brothers never made a film like it.")), Keys{});
    // Without "the" it is a name ("Coen Brothers Productions"), and nobody unknown is made up.
    EXPECT_EQ(people(extract_with(corpus, "A Coen Brothers film.")), Keys{});
    EXPECT_EQ(people(extract_with(corpus, "The Wright brothers flew first.")), Keys{});
}

// A given name alone is the person the corpus knows by it four times in five ("Lars" is Lars
// von Trier in 33 of 40 sightings), unless the corpus also sees that name played as a
// character ("Freddy").
TEST(EntityRules, AGivenNameAloneTheCorpusTiesToOnePerson) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "lars von trier", 30},
                                       {Kind::Person, "lars van trier", 3},
                                       {Kind::Person, "lars amble", 2},
                                       {Kind::Named, "lars bom", 5},
                                       {Kind::Person, "freddy krueger", 9},
                                       {Kind::Character, "freddy krueger", 6},
                                       {Kind::Named, "freddy krueger", 25}});
    EXPECT_EQ(people(extract_with(corpus, "I think Lars should make a third part.")),
              Keys{"lars von trier"});
    EXPECT_EQ(people(extract_with(corpus, "In the end Freddy is the narrator of the show.")),
              Keys{});
}

// A compass point opening a name names a place even where a word leans to a person ("from");
// a cue that says so still makes a person.
TEST(EntityRules, ACompassPointOpensAPlace) {
    EXPECT_EQ(people(extract("He went from West Point dunce to hero.")), Keys{});
    EXPECT_EQ(people(extract("The film was directed by West Anderson in 1999.")),
              Keys{"west anderson"});
}

// "Compare it with Northwest Passage (1940)": a verb and its object opening the sentence are
// not part of the title the year marks.
// A word opening the sentence is left out of a year-marked title, unless the corpus knows the
// title with it.
TEST(EntityRules, ATitleTheCorpusKnowsKeepsTheWordOpeningTheSentence) {
    const std::string text = "Gone with the Wind (1939) is long. Then Heat (1995) came.";
    EXPECT_EQ(films(extract(text)), (Keys{"wind", "heat"}));
    EntityEvidence corpus = corpus_of({{Kind::Film, "gone with the wind", 3}});
    EXPECT_EQ(films(extract_with(corpus, text)), (Keys{"gone with the wind", "heat"}));
}

// A possessive before a year-marked title is its maker's when the corpus knows the rest as a
// film better than the whole; titles with a possessive of their own stay whole.
TEST(EntityRules, AMakersPossessiveBeforeAYearMarkedTitle) {
    const std::string text =
        "I think King Vidor's Northwest Passage (1940) beats Bram Stoker's Dracula (1992).";
    EntityEvidence corpus = corpus_of({{Kind::Person, "king vidor", 5},
                                       {Kind::Film, "northwest passage", 3},
                                       {Kind::Film, "dracula", 9},
                                       {Kind::Film, "bram stokers dracula", 12}});
    ExtractedEntities e = extract_with(corpus, text);
    EXPECT_EQ(films(e), (Keys{"northwest passage", "bram stokers dracula"}));
    EXPECT_EQ(people(e), Keys{"king vidor"});
    EXPECT_EQ(films(extract(text)),
              (Keys{"king vidors northwest passage", "bram stokers dracula"}));
}

TEST(EntityRules, AVerbAndItsObjectBeforeAYearMarkedTitle) {
    EXPECT_EQ(films(extract("Compare it with Northwest Passage (1940) for the same myths.")),
              Keys{"northwest passage"});
}

// A misspelt "Ian Charleston" made Charleston a surname of Ian Charleson's, and the city a
// mention of him in every review of a film set there.
TEST(EntityRules, ACityIsNoMisspeltSurname) {
    EntityEvidence corpus = corpus_of({{Kind::Person, "ian charleson", 12},
                                       {Kind::Person, "ian charleston", 3},
                                       {Kind::Person, "rhett butler", 3}});
    EXPECT_EQ(people(extract_with(corpus,
                                  "Scarlett follows Rhett Butler to Charleston under the "
                                  "guise of visiting family.")),
              Keys{"rhett butler"});
}

// "See", "May", "Read" are given names in the English lists, and imperatives or modals that
// open sentences: "See Demi Moore", "May Contain Spoilers" were people on aclImdb.
TEST(EntityRules, AGivenNameThatIsAnEverydayWordOpensASentence) {
    EXPECT_EQ(people(extract_with(corpus_of({{Kind::Person, "demi moore", 5}}),
                                  "A mess. See Demi Moore in anything else.")),
              Keys{"demi moore"});
    EXPECT_TRUE(people(extract("Review. May Contain Spoilers below.")).empty());
    EXPECT_TRUE(people(extract("See Wild Strawberries for the real thing.")).empty());
    // A given name and a surname after it still make a name.
    EXPECT_EQ(people(extract("Mark Paul Gosselaar is fine here.")), Keys{"mark paul gosselaar"});
    EXPECT_EQ(people(extract("Will Ferrell is fine here.")), Keys{"will ferrell"});
}

// "P.S." closes a review with a postscript; it is not the initials of the name after it.
TEST(EntityRules, APostscriptIsNoInitials) {
    EXPECT_EQ(people(extract("Good effects, bad script. P.S. Michael Ironside, please fire your "
                             "agent.")),
              Keys{"michael ironside"});
    EXPECT_EQ(people(extract("Skip it.\nP.P.S. Jeff Bridges deserved better.")),
              Keys{"jeff bridges"});
    EXPECT_EQ(people(extract("The painter P. S. Kroyer is the subject.")), Keys{"ps kroyer"});
}

}  // namespace
}  // namespace reel
