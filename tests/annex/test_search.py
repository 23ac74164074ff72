"""Search: exact ids and CAS numbers first, then words ranked with titles over notes, each hit explained."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcr.annex.loader import load_annex
from mtcr.annex.search import excerpt, highlight, index_for, search
from mtcr.annex.text import fold, normal, stem
from tests.annex.synthetic import synthetic


@pytest.fixture(scope="module")
def annex():
    return synthetic()


def ids(hits) -> list[str]:
    return [hit.entry_id for hit in hits]


def test_ball_bearings_finds_the_bearing_entry_first_and_says_why(annex) -> None:
    hits = search(annex, "ball bearings")
    assert ids(hits)[:2] == ["3.A.7", "3.A.3"]  # 3.A.3 only mentions ball bearings in a note
    best = hits[0]
    assert best.fields["title"] == ("ball", "bearings")
    assert "title: ball, bearings" in best.reasons
    assert hits[1].fields == {"notes": ("ball", "bearings")}
    assert best.score > hits[1].score


@pytest.mark.parametrize("query", ["3.A.7", "3a7", "M3A7", "m3a7", "  3.A.7  "])
def test_an_entry_id_in_any_usual_spelling_is_an_exact_hit(annex, query) -> None:
    hit = search(annex, query)[0]
    assert (hit.entry_id, hit.exact) == ("3.A.7", "id")
    assert hit.reasons[0] == "entry id 3.A.7"


def test_an_id_that_heads_a_branch_lists_the_entries_within_it(annex) -> None:
    hits = search(annex, "4.C.2")
    assert ids(hits) == ["4.C.2", "4.C.2.a", "4.C.2.b", "4.C.2.b.1"]
    assert [h.exact for h in hits] == ["id", "within", "within", "within"]
    assert hits[1].reasons == ["within 4.C.2"]


def test_a_cas_number_is_an_exact_hit(annex) -> None:
    hit = search(annex, "302-01-2")[0]
    assert (hit.entry_id, hit.exact, hit.reasons) == ("4.C.2.a", "cas", ["CAS number 302-01-2"])
    assert ids(search(annex, "MMH 60-34-4"))[0] == "4.C.2.b.1"


def test_case_accents_and_word_forms_do_not_matter(annex) -> None:
    assert ids(search(annex, "BÁLL BEARİNGS"))[0] == "3.A.7"
    assert ids(search(annex, "bearing"))[0] == "3.A.7"
    assert stem("bearings") == stem("bearing")
    assert fold("Zürich") == "zurich"


def test_a_word_begun_or_contained_still_matches(annex) -> None:
    assert ids(search(annex, "hydraz"))[0] == "4.C.2.a"
    found = search(annex, "hydrazine")
    assert "4.C.2.b.1" in ids(found)  # monomethylhydrazine contains the word
    assert ids(found)[0] == "4.C.2.a"


def test_equivalent_codes_are_searchable(annex) -> None:
    hit = search(annex, "2A101")[0]
    assert hit.entry_id == "3.A.7" and hit.fields == {"equivalents": ("2A101",)}


def test_stop_words_alone_and_nonsense_find_nothing(annex) -> None:
    assert search(annex, "the of and") == []
    assert search(annex, "xyzzyplugh") == []
    assert search(annex, "") == []


def test_limit(annex) -> None:
    assert len(search(annex, "rocket", limit=2)) == 2
    assert search(annex, "rocket", limit=0) == []


def test_the_index_is_built_once_per_edition(annex) -> None:
    assert index_for(annex) is index_for(annex)
    assert index_for(synthetic("2022-10")) is not index_for(annex)


def test_highlight_marks_the_words_that_matched(annex) -> None:
    hit = search(annex, "ball bearings")[0]
    assert highlight("Radial ball bearings", hit) == [
        ("Radial ", False),
        ("ball", True),
        (" ", False),
        ("bearings", True),
    ]
    cas = search(annex, "302-01-2")[0]
    assert ("302-01-2", True) in highlight("Hydrazine, CAS 302-01-2.", cas)


def test_excerpt_cuts_a_window_around_the_first_match(annex) -> None:
    hit = search(annex, "bearings")[0]
    text = "word " * 100 + "bearings at the end " + "tail " * 100
    window = excerpt(text, hit, width=80)
    assert window[0] == ("…", False) and window[-1] == ("…", False)
    assert ("bearings", True) in window
    assert len("".join(piece for piece, _ in window)) <= 84


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=60), limit=st.integers(min_value=0, max_value=30))
def test_any_text_gives_a_bounded_list_of_distinct_real_entries(text, limit) -> None:
    annex = synthetic()
    hits = search(annex, text, limit=limit)
    assert len(hits) <= limit
    assert len(set(ids(hits))) == len(hits)
    assert all(hit.entry_id in annex.entries and hit.reasons for hit in hits)


def test_on_the_annex_in_force_ball_bearings_and_a_cas_number_land_on_their_entries() -> None:
    annex = load_annex()
    assert ids(search(annex, "ball bearings"))[0] == "3.A.7"
    assert ids(search(annex, "302-01-2"))[0] == "4.C.2.a"


def test_american_spellings_and_longer_forms_of_a_word_meet_the_index(annex) -> None:
    assert normal("fiber") == normal("fibre") and normal("stabilizers") == normal("stabilisers")
    hit = search(annex, "motorcycle")[0]
    assert hit.fields["title"][0].startswith("motorcycle→motor")


def test_a_begun_word_only_expands_when_it_is_the_last_or_unknown(annex) -> None:
    assert ids(search(annex, "ball bearings"))[:1] == ["3.A.7"]
    assert search(annex, "rocket")[0].fields["title"] == ("rocket",)
