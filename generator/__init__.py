"""townfacts: Chinese town government reports → bilingual fact-sheet website."""

__version__ = "0.1.0"

import yaml as _yaml

# The data files are read with libyaml when it is there (about 10x faster than the pure-Python loader).
YAML_LOADER = getattr(_yaml, "CSafeLoader", _yaml.SafeLoader)
