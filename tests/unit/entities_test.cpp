#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "reel/entities.hpp"

namespace reel {
namespace {

struct Found {
    std::vector<std::string> people, films;  // keys, in order
    ExtractedEntities all;
};

// Extracts from one review, with corpus evidence from it and `others`.
Found run(const std::string& text, const std::string& film = "",
          std::vector<TextSpan> emphasis = {}, const std::vector<Review>& others = {}) {
    EntityExtractor ex;
    Review r;
    r.text = text;
    r.film = film;
    r.emphasis = std::move(emphasis);
    EntityEvidence ev = ex.observe(r);
    for (const auto& o : others) ev.merge(ex.observe(o));
    Found f;
    f.all = ex.extract(r, ev);
    for (const auto& p : f.all.people) f.people.push_back(p.key);
    for (const auto& m : f.all.films) f.films.push_back(m.key);
    return f;
}

using Keys = std::vector<std::string>;

TEST(Entities, PossessiveActorOwnsACharacter) {
    Found f = run("JK Simmons' Fletcher is the scariest teacher in years.");
    EXPECT_EQ(f.people, Keys{"jk simmons"});
}

TEST(Entities, SurnamePlaysCharacter) {
    Found f = run(
        "Miles Teller is a drummer at a conservatory. Teller plays Andrew, who wants to be great.");
    EXPECT_EQ(f.people, Keys{"miles teller"});
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].aliases, Keys{"Teller"});
}

TEST(Entities, CharacterThenActorInBrackets) {
    Found f = run("Most teachers inspire. Fletcher (J.K. Simmons) is there to terrify.");
    EXPECT_EQ(f.people, Keys{"jk simmons"});
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].name, "J.K. Simmons");
}

TEST(Entities, ApposedRelativeClause) {
    Found f = run("The pacing belongs to Damien Chazelle, who also wrote the film.");
    EXPECT_EQ(f.people, Keys{"damien chazelle"});
}

TEST(Entities, NameAfterEverydayWords) {
    Found f = run("He's super awkward and sweet in his bench breakdown next to Nicole Kidman.");
    EXPECT_EQ(f.people, Keys{"nicole kidman"});
}

TEST(Entities, CorrectedTitle) {
    Found f =
        run("I'd just seen the film Whiplash. He's in maybe six scenes in Project X, sorry, Rabbit "
            "Hole, and he's good.");
    EXPECT_EQ(f.films, (Keys{"whiplash", "rabbit hole"}));
}

TEST(Entities, Possessives) {
    Found f =
        run("Damien Chazelle directs. Chazelle's direction is tight and Simmons's rage is real, as "
            "J.K. Simmons knows.");
    EXPECT_EQ(f.people, (Keys{"damien chazelle", "jk simmons"}));
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].aliases, Keys{"Chazelle"});
}

TEST(Entities, Particles) {
    Found f =
        run("Robert De Niro and Al Pacino share one scene. De Niro listens. Max von Sydow plays "
            "chess with Death, "
            "and Jean-Claude Van Damme kicks things.");
    EXPECT_EQ(f.people,
              (Keys{"robert de niro", "al pacino", "max von sydow", "jean claude van damme"}));
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].aliases, Keys{"De Niro"});
}

TEST(Entities, ApostrophesHyphensAccents) {
    Found f =
        run("Peter O'Toole is magnificent. Jean-Pierre Jeunet directed it, and Zoë Kravitz plays "
            "Toast.");
    EXPECT_EQ(f.people, (Keys{"peter otoole", "jean pierre jeunet", "zoe kravitz"}));
    ASSERT_EQ(f.all.people.size(), 3u);
    EXPECT_EQ(f.all.people[2].name, "Zoë Kravitz");
}

// Decomposed accents (NFD) are part of their letter: the name is neither cut at "Z" nor keyed
// apart from its precomposed spelling, and keeps its accents for display.
TEST(Entities, DecomposedAccentsStayInTheName) {
    Found f =
        run("Directed by Andrzej Z\u0307u\u0142awski, starring Isabelle Adjani. Later Andrzej "
            "Z\u0307u\u0142awski made more.");
    EXPECT_EQ(f.people, (Keys{"andrzej zulawski", "isabelle adjani"}));
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].name, "Andrzej Z\u0307u\u0142awski");
}

// Vietnamese letters (Latin Extended Additional) are letters: "Trần" is not cut at "ầ".
TEST(Entities, VietnameseNamesAreWhole) {
    Found f = run("Trần Anh Hùng directed it. Later Trần Anh Hùng made another.");
    EXPECT_EQ(f.people, (Keys{"tran anh hung"}));
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].name, "Trần Anh Hùng");
}

TEST(Entities, InitialsInAnySpelling) {
    Found f =
        run("J. K. Simmons yells. Later JK Simmons yells again, and Samuel L. Jackson watches.");
    EXPECT_EQ(f.people, (Keys{"jk simmons", "samuel l jackson"}));
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].aliases, Keys{"JK Simmons"});
}

TEST(Entities, MiddleInitialIIsAnInitialNotThePronoun) {
    Found f =
        run("Cameos by Brooke Shields, Edward I. Koch and Joan Rivers. Rivers and I. Then "
            "Koch left.");
    EXPECT_EQ(f.people, (Keys{"brooke shields", "edward i koch", "joan rivers"}));
    ASSERT_EQ(f.all.people.size(), 3u);
    EXPECT_EQ(f.all.people[1].name, "Edward I. Koch");
}

TEST(Entities, AMonthAfterAGivenNameIsASurname) {
    EXPECT_EQ(run("Fredric March plays the doctor, and the sheriff (Tony March) kills her.").people,
              (Keys{"fredric march", "tony march"}));
    EXPECT_EQ(run("Miranda July wrote and directed it.").people, Keys{"miranda july"});
    // A date is not a name.
    EXPECT_TRUE(run("We saw it with Tom March 5 at the mall, in March 2001.").people.empty());
}

TEST(Entities, ANicknameInsideANameStaysOutOfItsKey) {
    Found f = run(
        "Roscoe 'Fatty' Arbuckle directed it. It is worth watching Shannon and Benny \"The Jet\" "
        "Urquidez go at it. This is no Rock 'N' Roll High School.");
    EXPECT_EQ(f.people, (Keys{"roscoe arbuckle", "shannon urquidez", "benny urquidez"}));
    ASSERT_FALSE(f.all.people.empty());
    EXPECT_EQ(f.all.people[0].aliases, Keys{"Roscoe 'Fatty' Arbuckle"});
}

TEST(Entities, ANicknameKeepsASurnameFromTheWrongPerson) {
    // Before, "Houseman" alone went to the Houseman the corpus knew.
    std::vector<Review> others(3);
    for (auto& o : others) o.text = "The film was produced by John Houseman, who also acted.";
    Found f = run("When young Frances 'Baby' Houseman goes to summer camp, she grows up.", "", {},
                  others);
    EXPECT_EQ(std::count(f.people.begin(), f.people.end(), "john houseman"), 0);
}

TEST(Entities, ANameKnownByItsNicknameIsKeyedSo) {
    std::vector<Review> others(4);
    for (auto& o : others) o.text = "Directed by Joseph Kane, with Gabby Hayes as the sidekick.";
    Found f = run("George \"Gabby\" Hayes steals every scene he is in.", "", {}, others);
    EXPECT_EQ(f.people, Keys{"gabby hayes"});
}

TEST(Entities, BrothersAndSistersAreNeverOnePerson) {
    EXPECT_EQ(run("Warner Brothers put Warner Baxter in it. The Coen Brothers loved the Andrews "
                  "Sisters, and Warner Brother John did not.")
                  .people,
              Keys{"warner baxter"});
}

TEST(Entities, ANameAfterTheIsAThingUnlessANounFollows) {
    EXPECT_TRUE(run("The kids loved the Lion King and the Brady Bunch. It was shot near "
                    "the Albert Hall.")
                    .people.empty());
    EXPECT_EQ(run("It is the Clint Eastwood movie you forgot, and he is the Cary Grant of our "
                  "generation.")
                  .people,
              (Keys{"clint eastwood", "cary grant"}));
}

TEST(Entities, TheEndOfAKnownTitleIsNoSurname) {
    // The corpus knows one "person" of surname Noon (a film taken for one), and the film High
    // Noon.
    std::vector<Review> others(4);
    for (int i = 0; i < 3; ++i)
        others[i].text = "Directed by Shanghai Noon, who plays the sheriff.";
    others[3].text = "I watched \"High Noon\" (1952) again.";
    EXPECT_TRUE(run("A take off of the Western classic, High Noon, this is the story of a "
                    "sheriff.",
                    "", {}, others)
                    .people.empty());
}

TEST(Entities, CharactersAndPlacesAreNotPeople) {
    Found f = run(
        "Anthony Perkins plays Norman Bates, who runs a motel. Marion drives from Phoenix toward "
        "Los Angeles. Captain Kirk and Dr. Evil are nowhere to be seen in New York.");
    EXPECT_EQ(f.people, Keys{"anthony perkins"});
}

TEST(Entities, CharacterListedWithCharacter) {
    Found f =
        run("Nicole Kidman and Aaron Eckhart play Becca and Howie Corbett, a couple in grief.");
    EXPECT_EQ(f.people, (Keys{"nicole kidman", "aaron eckhart"}));
}

// ", and" after the character of "as Fletcher" starts a clause, not a list of characters: the
// issue's own Whiplash review lost Miles Teller (CharacterListedWithCharacter keeps the list).
TEST(Entities, AClauseAfterACharacterIsNoListOfThem) {
    Found f = run("J.K. Simmons is terrifying as Fletcher, and Miles Teller holds his own.");
    EXPECT_EQ(f.people, (Keys{"jk simmons", "miles teller"}));
}

// The same for people: the person opening the clause after ", and" does not vouch for the name
// before it, which made the film a person; a person may still open it after another.
TEST(Entities, AClauseAfterANameIsNoListOfPeople) {
    Found f = run("Robert De Niro was great in Raging Bull, and Joe Pesci too.");
    EXPECT_EQ(f.people, (Keys{"robert de niro", "joe pesci"}));
    f = run("He is superb in Taxi Driver, and Max von Sydow plays chess.");
    EXPECT_EQ(f.people, (Keys{"max von sydow"}));
    f = run("Patrick Wilson, and Ebon Moss-Bachrach might have been better.");
    EXPECT_EQ(f.people, (Keys{"patrick wilson", "ebon moss bachrach"}));
    f = run("Tom Hanks, Meg Ryan, and Bill Pullman star.");
    EXPECT_EQ(f.people, (Keys{"tom hanks", "meg ryan", "bill pullman"}));
}

// A word hyphened to a name that says something of it ends the name: "Tim Burton-ish" was a
// person of its own, and "Oscar-nominated Brad Pitt" another. Names with hyphens keep them.
TEST(Entities, AnAffixHyphenedToANameIsNoPartOfIt) {
    Found f = run("A Tim Burton-ish fable with Oscar-nominated Brad Pitt, directed by Joon-ho.");
    EXPECT_EQ(f.people, (Keys{"tim burton", "brad pitt"}));
    f = run("Jean-Claude Van Damme-like kicks, as in the Jean-Claude Van Damme films.");
    EXPECT_EQ(f.people, (Keys{"jean claude van damme"}));
    EXPECT_EQ(f.all.people[0].name, "Jean-Claude Van Damme");
    f = run("A Leonardo DiCaprio-led Titanic sank, and a Jean Shepherd-narrated story.");
    EXPECT_EQ(f.people, (Keys{"leonardo dicaprio", "jean shepherd"}));
    f = run("Ebon Moss-Bachrach plays Harris.");
    EXPECT_EQ(f.people, (Keys{"ebon moss bachrach"}));
}

// An actor's praise, or a viewer seeing them, before "in" names the film: a review alone, with
// no corpus to know the title, found none in "great in Raging Bull".
TEST(Entities, PraiseOrAViewerBeforeInNamesAFilm) {
    EXPECT_EQ(run("Robert De Niro was great in Raging Bull.").films, (Keys{"raging bull"}));
    EXPECT_EQ(run("She was terrific in Holy Motors, as always.").films, (Keys{"holy motors"}));
    EXPECT_EQ(run("I loved him in Raging Bull.").films, (Keys{"raging bull"}));
    // Places stay places; meeting someone somewhere names no film.
    EXPECT_EQ(run("He was great in Las Vegas.").films, Keys{});
    EXPECT_EQ(run("I ran into him in West Hollywood once.").films, Keys{});
}

// Two full names with the comma between them left out are two people, not one of four words;
// a particle third ("Jean-Claude Van Damme") keeps one.
TEST(Entities, TwoNamesWithoutTheirCommaAreTwoPeople) {
    Found f = run("The main actors i.e. Jessica Alba Michael Weatherly etc. are fine.");
    EXPECT_EQ(f.people, (Keys{"jessica alba", "michael weatherly"}));
    f = run("The stars, Ida Lupino Shelley Winters and Jean-Claude Van Damme, all shine.");
    EXPECT_EQ(f.people, (Keys{"ida lupino", "shelley winters", "jean claude van damme"}));
}

// "Robert Downey, Jr." was Robert Downey, and "Jr" an alias of Robert Downey Jr.: one key now.
TEST(Entities, ACommaBeforeJrKeepsTheName) {
    Found f = run("Robert Downey, Jr. is typically brilliant, as is Sammy Davis, jr. here.");
    EXPECT_EQ(f.people, (Keys{"robert downey jr", "sammy davis jr"}));
}

TEST(Entities, SentenceOpeningWordsAreNotNames) {
    Found f = run("Watching Tom Hanks is a joy. Oscar season is here. God knows why. Monday came.");
    EXPECT_EQ(f.people, Keys{"tom hanks"});
}

TEST(Entities, FilmsMarkedByQuotesItalicsYearsAndCues) {
    std::string text =
        "Like \"Raging Bull\", it is obsessive. Heat (1995) is better, and so is the film Thief. "
        "Chazelle's first feature, Guy and Madeline on a Park Bench, is gentler.";
    std::size_t at = text.find("Guy and");
    Found f = run(text, "", {{at, at + std::string("Guy and Madeline on a Park Bench").size()}});
    EXPECT_EQ(f.films, (Keys{"raging bull", "heat", "thief", "guy and madeline on a park bench"}));
    EXPECT_TRUE(f.people.empty());
}

TEST(Entities, TitlesWithPunctuation) {
    Found f = run("Nothing since the movie 2001: A Space Odyssey has looked like this.");
    EXPECT_EQ(f.films, Keys{"2001 a space odyssey"});
}

TEST(Entities, SongsAndBooksInQuotesAreNotFilms) {
    Found f =
        run("He would rather starve than play \"Jingle Bells\" again, and the novel \"Atonement\" "
            "is better.");
    EXPECT_TRUE(f.films.empty());
    EXPECT_TRUE(f.people.empty());
}

TEST(Entities, ReviewFilmFromMetadataAlwaysComes) {
    Found f = run("A drummer and his teacher.", "Whiplash");
    EXPECT_EQ(f.films, Keys{"whiplash"});
    // Where the text names it, it takes its place in the order of first mention.
    Found g = run("Before it, Heat (1995) was my favourite. Whiplash is better.", "Whiplash");
    EXPECT_EQ(g.films, (Keys{"heat", "whiplash"}));
}

TEST(Entities, CorpusEvidenceHelpsWeakMentions) {
    Review other;
    other.text =
        "Sigourney Weaver plays Ripley, and Sigourney Weaver's Ripley is the hero. Directed by "
        "Ridley Scott.";
    Review another = other;
    // After "the" a pair of capitalised words may be a title ("the Sigourney Weaver"), so only
    // the corpus can say it is a person.
    Found alone = run("Loved the Sigourney Weaver bits.");
    Found helped = run("Loved the Sigourney Weaver bits.", "", {}, {other, another});
    EXPECT_TRUE(alone.people.empty());
    EXPECT_EQ(helped.people, Keys{"sigourney weaver"});
}

TEST(Entities, SurnameResolvedFromCorpus) {
    Review other;
    other.text = "Max von Sydow plays the knight.";
    Found f = run("Von Sydow is great too, obviously.", "", {}, {other, other});
    EXPECT_EQ(f.people, Keys{"max von sydow"});
}

TEST(Entities, BreaksEndNames) {
    Found f = run("I loved Tom<br /><br />Hanks is good but Meg Ryan is better.");
    EXPECT_EQ(f.people, Keys{"meg ryan"});
}

// A quadratic blow-up here would hit ctest's per-test timeout (tests/CMakeLists.txt).
TEST(Entities, GarbageDoesNotCrashOrCrawl) {
    EXPECT_TRUE(run("").people.empty());
    EXPECT_TRUE(run("   \n\n  ").films.empty());
    EXPECT_TRUE(run("\"\"''**__(((").films.empty());
    std::string word;
    for (int i = 0; i < 100000; ++i) word += "Whiplash ";  // ~1 MB, one capitalised word
    run(word);
    std::string caps;
    for (int i = 0; i < 20000; ++i) caps += "TOM HANKS AND MEG RYAN ARE GREAT IN THIS MOVIE. ";
    EXPECT_TRUE(run(caps).people.empty());  // shouting carries no case to go by
    std::string names;
    for (int i = 0; i < 20000; ++i) names += "Tom Hanks Meg Ryan Bill Pullman ";
    EXPECT_FALSE(run(names).people.empty());
}

TEST(Entities, ExtractIsThreadSafe) {
    EntityExtractor ex;
    std::vector<Review> reviews(8);
    EntityEvidence ev;
    for (std::size_t i = 0; i < reviews.size(); ++i) {
        reviews[i].text =
            "Fletcher (J.K. Simmons) terrifies Miles Teller in the film Whiplash, review " +
            std::to_string(i);
        ev.merge(ex.observe(reviews[i]));
    }
    std::vector<ExtractedEntities> results(reviews.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < reviews.size(); ++i) {
        threads.emplace_back([&, i] { results[i] = ex.extract(reviews[i], ev); });
    }
    for (auto& t : threads) t.join();
    for (const auto& r : results) {
        ASSERT_EQ(r.people.size(), 2u);
        EXPECT_EQ(r.people[0].key, "jk simmons");
        EXPECT_EQ(r.people[1].key, "miles teller");
        ASSERT_EQ(r.films.size(), 1u);
        EXPECT_EQ(r.films[0].key, "whiplash");
    }
}

// A generated review naming tens of thousands of people, characters and titles: every lookup by
// key must stay near-constant, or extraction turns quadratic (minutes here). Not timed: the
// ctest timeout catches that.
TEST(Entities, ThousandsOfDistinctNamesInOneReview) {
    constexpr int kEach = 10000;
    std::string text;
    for (int i = 0; i < kEach; ++i) {
        std::string n = std::to_string(i);
        text += "I saw Big Film " + n + " today. Bob Lee (John Smith" + n + ") plays. ";
        text += "Directed by Jane Doe" + n + ". Later Doe" + n + " was great. ";
        text += "Tom Hanks plays Ted Moe" + n + " well. ";
    }
    Found f = run(text);
    ASSERT_EQ(f.films.size(), static_cast<std::size_t>(kEach));
    EXPECT_EQ(f.films.front(), "big film 0");
    EXPECT_EQ(f.films.back(), "big film " + std::to_string(kEach - 1));
    // John Smith and Jane Doe for each number, and Tom Hanks; the Moes are characters.
    ASSERT_EQ(f.people.size(), static_cast<std::size_t>(2 * kEach + 1));
    EXPECT_EQ(f.people[0], "john smith0");
    EXPECT_EQ(f.people[1], "jane doe0");
    EXPECT_EQ(f.people[2], "tom hanks");
    EXPECT_EQ(f.all.people[1].aliases, Keys{"Doe0"});
    EXPECT_EQ(f.people.back(), "jane doe" + std::to_string(kEach - 1));
}

// A lone surname goes to the person of that name met last, but not when more people share it
// than any review names (a generated list): it says nobody in particular, and weighing them all
// at every lone use made a 4 MB file take 33 s.
TEST(Entities, LoneSurnameAfterCountlessNamesakesIsNobodys) {
    static constexpr std::string_view kGiven[] = {"Anna", "Beth", "Carl", "Dana", "Emma",
                                                  "Fred", "Gina", "Hank", "Iris", "Jack"};
    auto text = [](std::size_t people) {
        std::string t;
        for (std::size_t i = 0; i < people; ++i) {
            t += "Directed by " + std::string(kGiven[i / 10]) + "-" + std::string(kGiven[i % 10]) +
                 " Smith. ";
        }
        return t + "Smith was good.";
    };
    Found few = run(text(3));
    ASSERT_EQ(few.all.people.size(), 3u);
    EXPECT_EQ(few.all.people.back().aliases, Keys{"Smith"});
    Found many = run(text(100));
    ASSERT_EQ(many.all.people.size(), 100u);
    for (const Entity& e : many.all.people) EXPECT_TRUE(e.aliases.empty()) << e.name;
}

}  // namespace
}  // namespace reel
