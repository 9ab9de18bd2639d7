"""English: the glossary structure, the translation memory and online translation."""
