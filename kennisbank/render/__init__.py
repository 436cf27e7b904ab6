"""Turn the validated knowledge base into Markdown pages for MkDocs."""
