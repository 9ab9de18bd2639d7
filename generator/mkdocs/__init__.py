"""The MkDocs side: the townfacts plugin and its caches."""
