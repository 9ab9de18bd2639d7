"""Pages: reports → Markdown pages, charts and downloads."""
