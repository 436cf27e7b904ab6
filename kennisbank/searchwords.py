"""Words a record page adds to the search index so Dutch queries find it.

Material searches by prefix without stemming (see TECH-NOTES): a query is
only found if an indexed word starts with it. So we add, from the records
themselves: synonyms and search words, spellings without diacritics
("cooperatie"), the parts of long compounds ("mantelzorgondersteuning" ->
"mantelzorg", "ondersteuning") and plural forms of the key words, because a
query longer than the indexed word ("mantelzorgers" vs "mantelzorger") finds
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .model import KnowledgeBase, Record, fold

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_MIN_PART = 4  # shorter parts ("zorg" is 4) would split too eagerly below this
_LINKING = ("", "s", "e", "en")  # Dutch linking sounds: dorpscoöperatie, bewonerscoöperatie
_VOCABULARY_FIELDS = ("naam", "titel", "voorkeursterm", "samenvatting", "uitleg", "beschrijving", "omschrijving", "trefwoorden", "zoektermen")


plain = fold  # spellings users type without diacritics


def slug(text: str) -> str:
    """URL- and id-safe form: 'Koepel- of brancheorganisatie' -> 'koepel-of-brancheorganisatie'."""
    return re.sub(r"[^a-z0-9]+", "-", plain(text)).strip("-")


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


# Function words never need a plural; proper names (capitalised) are skipped by the caller.
_NO_PLURAL = {"voor", "door", "naar", "over", "onder", "tussen", "zonder", "tegen", "bij", "uit", "met", "van", "een", "het",
              "de", "en", "in", "op", "aan", "als", "dat", "die", "dit", "deze", "wat", "wie", "hoe", "niet", "ook", "nog",
              "even", "heel", "veel", "meer", "lichte", "vrij", "goed"}


def plurals(word: str) -> list[str]:
    """Regular Dutch plural forms of a singular noun; wrong guesses only cost a little index space."""
    if len(word) < 5 or not word.isalpha() or not word.islower() or word in _NO_PLURAL or word.endswith(("s", "en")):
        return []
    if word.endswith(("e", "el", "em", "en", "er", "ie", "je")):
        return [word + "s"]
    if word[-1] in "aiouy":
        return [word + "'s", word + "s"]
    return [word + "en"]


class SearchWords:
    """Vocabulary of the whole knowledge base, used to split compounds."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.vocabulary: set[str] = set()
        for by_id in kb.records.values():
            for record in by_id.values():
                for text in _texts(record, _VOCABULARY_FIELDS):
                    self.vocabulary.update(w for w in words(text) if len(w) >= _MIN_PART and "-" not in w)

    def parts(self, word: str) -> list[str]:
        """Split a compound into two known words (the tail may itself be compound)."""
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head = word[:cut]
            if head not in self.vocabulary:
                continue
            for link in _LINKING:
                tail = word[cut + len(link):]
                if word[cut:cut + len(link)] == link and len(tail) >= _MIN_PART and tail in self.vocabulary:
                    return [head, tail]
        return []

    def for_record(self, record: Record) -> list[str]:
        explicit = list(_explicit(self.kb, record))
        key_words = [w for text in [record.title, *explicit] for w in words(text)]
        body = [w for text in _texts(record, ("samenvatting", "uitleg")) for w in words(text)]
        found: list[str] = list(explicit)
        for word in dict.fromkeys([*key_words, *body]):
            for part in word.split("-") if "-" in word else [word]:
                found.extend(self.parts(part))
        for text in [record.title, *explicit]:
            for token in _WORD.findall(text):
                found.extend(plurals(token))
        found.extend(plain(w) for w in [*found, *key_words, *body] if plain(w) != w.casefold())
        seen: set[str] = set()
        return [w for w in found if not (w.casefold() in seen or seen.add(w.casefold()))]


    def names(self, record: Record) -> list[str]:
        """The record's own short names, for Material's heavily boosted `tags` field.

        Material appends `*` to every query word, so a tag is also found by each
        query word that is a prefix of it ("zorg" finds the tag "zorgverlof").
        Tags therefore hold only names of this record: abbreviations, alternative
        terms, municipalities and places, and a one-word term with its plural.
        Titles are boosted as titles already; general words would push these
        pages above better matches.
        """
        names = [*_texts(record, ("afkorting", "gemeenten", "plaatsen"))]
        names += [alternative["term"] for alternative in record.get("alternatieve_termen", [])]
        if record.kind.name == "begrip" and len(words(record.title)) == 1:
            names += [record.title, *plurals(record.title)]
        names += [plain(name) for name in names if plain(name) != name.casefold()]
        return list(dict.fromkeys(names))


def _texts(record: Record, fields: Iterable[str]) -> Iterator[str]:
    for field in fields:
        value = record.get(field)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))


def _explicit(kb: KnowledgeBase, record: Record) -> Iterator[str]:
    """Words the record itself offers for finding it."""
    yield from _texts(record, ("trefwoorden", "zoektermen", "gemeenten", "plaatsen", "afkorting"))
    for alternative in record.get("alternatieve_termen", []):
        yield alternative["term"]
    for province in record.get("provincies", []):
        yield kb.label("provincie", province)
