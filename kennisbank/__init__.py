"""Kennisbank Informele Zorg: YAML records -> validated model -> MkDocs pages."""

__version__ = "0.1.0"
