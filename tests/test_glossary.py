"""Glossary terms are explained where they appear in text: link plus plain-language tooltip."""

from __future__ import annotations

from pathlib import Path

from htmlscan import page_path

from kennisbank.catalogue import Project, load
from kennisbank.render.glossary import Glossary

ROOT = Path(__file__).resolve().parent.parent
KB = load(Project(ROOT))
GLOSSARY = Glossary(KB)


def _href(term):
    return f"/begrippen/{term.id}/"


def test_first_mention_links_to_the_term_with_its_explanation():
    html = str(GLOSSARY.annotate("<p>Over respijtzorg en nog eens respijtzorg.</p>", _href))
    uitleg = KB.get("begrip", "respijtzorg").data["uitleg"]
    assert html.count('class="kb-begrip"') == 1
    assert '<a class="kb-begrip" href="/begrippen/respijtzorg/" title="' in html
    assert uitleg.split()[0] in html


def test_abbreviations_match_case_sensitively():
    html = str(GLOSSARY.annotate("<p>De Wmo en de wmo.</p>", _href))
    assert 'href="/begrippen/wet-maatschappelijke-ondersteuning/"' in html
    assert html.count('class="kb-begrip"') == 1


def test_never_inside_links_headings_or_code_and_not_inside_words():
    fragment = '<h3>respijtzorg</h3><p><a href="x">respijtzorg</a> <code>respijtzorg</code> respijtzorgconsulent</p>'
    html = str(GLOSSARY.annotate(fragment, _href))
    # only the compound, which is a term of its own, is linked
    assert html.count('class="kb-begrip"') == 1 and 'href="/begrippen/respijtzorgconsulent/"' in html


def test_a_term_page_does_not_link_to_itself():
    html = str(GLOSSARY.annotate("<p>respijtzorg</p>", _href, skip_id="respijtzorg"))
    assert "kb-begrip" not in html


def test_text_is_escaped_again():
    html = str(GLOSSARY.annotate("<p>a &lt;script&gt; b</p>", _href))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_built_pages_carry_the_tooltips(built_site):
    html = page_path(built_site, "initiatieven/steunpunt-mantelzorg-huisartsenpraktijk-emmen/").read_text(encoding="utf-8")
    assert 'class="kb-begrip" href="../../begrippen/mantelzorgsteunpunt/" title="' in html


def test_hand_written_pages_and_summaries_carry_tooltips_too(built_site):
    home = page_path(built_site, "").read_text(encoding="utf-8")
    assert 'class="kb-begrip" href="begrippen/mantelzorg/"' in home
    card = page_path(built_site, "initiatieven/anna-zorgt/").read_text(encoding="utf-8")
    summary = card.split('class="kb-samenvatting"', 1)[1].split("</p>", 1)[0]
    assert 'class="kb-begrip"' in summary


def test_hidden_search_words_are_not_linked(built_site):
    html = page_path(built_site, "initiatieven/anna-zorgt/").read_text(encoding="utf-8")
    hidden = html.split('class="kb-zoekwoorden" hidden>', 1)[1].split("</p>", 1)[0]
    assert "<a " not in hidden


def test_longest_label_wins_and_labels_can_span_words():
    # "college" and "college van burgemeester en wethouders" are both labels and start at the same word
    text = "Het college van burgemeester en wethouders besluit; het college voert uit."
    found = [(text[start:stop], term.id) for start, stop, term in GLOSSARY.find(text)]
    long_label = found[0]
    assert long_label[0] == "college van burgemeester en wethouders"
    assert found[1] == ("college", long_label[1])


def test_pages_that_list_records_are_left_alone(built_site):
    # their cards link to the record pages, where the terms are explained
    for url in ("initiatieven/", "initiatieven/thema/respijtzorg/", "begrippen/"):
        assert 'class="kb-begrip"' not in page_path(built_site, url).read_text(encoding="utf-8"), url
    assert 'class="kb-begrip"' in page_path(built_site, "initiatieven/anna-zorgt/").read_text(encoding="utf-8")
