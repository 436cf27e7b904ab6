"""Dutch full-text search over the records for the command line (`kennisbank zoek`, duplicate warnings).

lunr.py builds the index; the Dutch pipeline is ours because lunr's language
support downloads NLTK data at run time (see TECH-NOTES): words are folded
(coöperatie -> cooperatie), Dutch stop words dropped and the rest stemmed
with the Snowball Dutch stemmer, so "mantelzorgers" finds "mantelzorger".
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import generate_stop_word_filter
from lunr.trimmer import trimmer

from .kinds import BY_NAME
from .model import KnowledgeBase, Record, fold
from .searchwords import SearchWords

# The most frequent Dutch function words (after folding), as in the Snowball Dutch stop list.
STOP_WORDS = set("""
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen geweest
haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn
moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want
waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
""".split())

_STEMMER = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=None)  # the Snowball stemmer is pure Python; texts repeat their words
def stem(word: str) -> str:
    return _STEMMER.stemWord(fold(word))


def terms(text: str) -> list[str]:
    """The stems of a text's content words, as the index sees them."""
    return [stem(w) for w in _WORD.findall(text) if fold(w) not in STOP_WORDS]


def _dutch_stemmer(token, index, tokens):  # lunr pipeline function signature
    return token.update(lambda text, metadata: stem(text))


Pipeline.register_function(_dutch_stemmer, "nl-stam")
_stop_words = generate_stop_word_filter(sorted(STOP_WORDS), "nl")


@dataclass(frozen=True)
class Hit:
    record: Record
    score: float


class RecordSearch:
    def __init__(self, kb: KnowledgeBase, kinds: tuple[str, ...] | None = None):
        self.kb = kb
        builder = Builder()
        builder.pipeline.add(trimmer, _stop_words, _dutch_stemmer)
        builder.search_pipeline.add(_dutch_stemmer)
        builder.ref("ref")
        builder.field("titel", boost=10)
        builder.field("zoekwoorden", boost=4)
        builder.field("tekst")
        words = SearchWords(kb)
        for kind in kinds or tuple(BY_NAME):
            for record in kb.all(kind):
                builder.add({"ref": f"{kind}/{record.id}", "titel": record.title,
                             "zoekwoorden": " ".join(words.for_record(record) + words.names(record)),
                             "tekst": " ".join(record.texts())})
        self.index = builder.build()

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        # Only words reach lunr: its query syntax (":", "~", "^", "+", "-", "*") is not for users to trip over.
        words = [w for w in _WORD.findall(query) if fold(w) not in STOP_WORDS]
        if not words:
            return []
        hits = []
        for result in self.index.search(" ".join(words))[:limit]:
            kind, record_id = result["ref"].split("/", 1)
            hits.append(Hit(self.kb.get(kind, record_id), result["score"]))
        return hits
