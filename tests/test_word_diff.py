from timeline.word_diff import word_diff

SEED = (
    "The defense pact, which the Russian State Duma ratified last Thursday, stipulates that the "
    "signatories will help each other in the event of an armed attack."
)


def test_the_same_words_give_no_difference():
    assert word_diff(SEED, SEED) == ""


def test_a_changed_word_is_shown_with_its_context():
    quote = SEED.replace("Duma", "parliament")
    assert word_diff(quote, SEED) == (
        "... the Russian State [-parliament-]{+Duma+} ratified last Thursday, ..."
    )


def test_a_word_missing_from_the_quote_is_shown_as_the_seeds():
    assert word_diff(SEED.replace("last ", ""), SEED) == (
        "... State Duma ratified {+last+} Thursday, stipulates that ..."
    )


def test_differences_at_the_ends():
    assert word_diff("A defence" + SEED.removeprefix("The defense"), SEED) == (
        "[-A defence-]{+The defense+} pact, which the ..."
    )
    assert (
        word_diff(SEED + " Extra words here.", SEED) == "... an armed attack. [-Extra words here.-]"
    )


def test_long_differences_are_shortened_by_count():
    quote = " ".join(f"w{n}" for n in range(40))
    assert word_diff(quote, "other text") == (
        "[-w0 w1 w2 w3 w4 w5 ... (28 more words) ... w34 w35 w36 w37 w38 w39-]{+other text+}"
    )


def test_many_differences_show_the_first_few_and_count_the_rest():
    seed = " ".join(f"w{n}" for n in range(80))
    quote = " ".join(f"x{n}" if n % 10 == 5 else f"w{n}" for n in range(80))
    assert word_diff(quote, seed) == (
        "w0 w1 w2 w3 w4 [-x5-]{+w5+} w6 w7 w8 ... w12 w13 w14 [-x15-]{+w15+} w16 w17 w18 ... "
        "w22 w23 w24 [-x25-]{+w25+} w26 w27 w28 ... w32 w33 w34 [-x35-]{+w35+} w36 w37 w38 ... "
        "w42 w43 w44 [-x45-]{+w45+} w46 w47 w48 ... w52 w53 w54 [-x55-]{+w55+} w56 w57 w58 ... "
        "(and 2 more differences)"
    )
