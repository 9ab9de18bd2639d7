"""townfacts: Chinese town government reports → bilingual fact-sheet website."""

__version__ = "0.1.0"
