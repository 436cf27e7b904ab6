"""The five record types: where their files live, their schema and their URL."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str  # Dutch singular, as used in schema references ("x-verwijzing")
    folder: str  # data folder in the repository
    schema: str  # file in schema/
    url: str  # URL prefix of the generated pages
    label: str  # Dutch label, singular
    plural: str  # Dutch label, plural
    title_field: str  # field holding the record's display name


KINDS: tuple[Kind, ...] = (
    Kind("initiatief", "initiatives", "initiatief.schema.json", "initiatieven", "initiatief", "Initiatieven", "naam"),
    Kind("actie", "actions", "actie.schema.json", "acties", "actie", "Acties", "titel"),
    Kind("begrip", "terms", "begrip.schema.json", "begrippen", "begrip", "Begrippen", "voorkeursterm"),
    Kind("organisatie", "organisations", "organisatie.schema.json", "organisaties", "organisatie", "Organisaties", "naam"),
    Kind("bron", "sources", "bron.schema.json", "bronnen", "bron", "Bronnen", "titel"),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
