"""The words a record page adds to the search index, for Material's prefix search."""

from __future__ import annotations

from pathlib import Path

from kennisbank.catalogue import Project, load
from kennisbank.searchwords import SearchWords, plain, plurals

ROOT = Path(__file__).resolve().parent.parent


def test_spelling_without_diacritics():
    assert plain("Coöperatie") == "cooperatie"
    assert plain("Fryslân") == "fryslan"


def test_plurals_of_nouns_only():
    assert plurals("mantelzorger") == ["mantelzorgers"]
    assert plurals("woning") == ["woningen"]
    assert plurals("voor") == [] and plurals("Tholen") == [] and plurals("mantelzorgers") == []


def test_compounds_are_split_into_known_words():
    search = SearchWords(load(Project(ROOT)))
    assert search.parts("mantelzorgondersteuning") == ["mantelzorg", "ondersteuning"]
    assert search.parts("dorpscooperatie") == ["dorp", "cooperatie"]  # linking s


def test_record_words_include_synonyms_variants_parts_and_plurals():
    kb = load(Project(ROOT))
    found = SearchWords(kb).for_record(kb.get("initiatief", "anna-zorgt"))
    for expected in ("cooperatie", "Zeeland", "Tholen", "bewonerscooperaties"):
        assert expected in found


def test_words_are_the_same_in_every_run():
    """Builds must be reproducible: no order may depend on Python's hash seed."""
    import os
    import subprocess
    import sys

    script = ("from pathlib import Path; from kennisbank.catalogue import Project, load; "
              "from kennisbank.searchwords import SearchWords; kb = load(Project(Path('.'))); "
              "print(SearchWords(kb).for_record(kb.get('begrip', 'mantelzorgondersteuning')))")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1
