"""Reading: a report's text → Report (meta, sections, paragraphs, facts, entities)."""
