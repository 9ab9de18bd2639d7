"""Site: the docs/ folder, the navigation and running MkDocs."""
