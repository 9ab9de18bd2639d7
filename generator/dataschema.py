"""The shape every data file under generator/data/ must have, checked on the YAML node tree (for line numbers).

A shape is one of: "text", "number", "integer", "bool", "mapping" (any mapping), a ``Strings``/``Each``/
``ListOf``/``OneOf`` wrapper, or a dict of key → shape (keys ending in "?" are optional, others required).
Checks only raise: they never change what a file loads as.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Union

import yaml

from generator.errors import DataFileError

_TAG = "tag:yaml.org,2002:"
_SCALARS = {"text": ("str",), "number": ("int", "float"), "integer": ("int",), "bool": ("bool",)}


@dataclass(frozen=True)
class Each:
    """A mapping of any keys whose values all have one shape."""

    shape: "Shape"


@dataclass(frozen=True)
class ListOf:
    """A list whose items all have one shape."""

    shape: "Shape"


@dataclass(frozen=True)
class OneOf:
    """A value of any of the shapes."""

    shapes: tuple


Shape = Union[str, dict, Each, ListOf, OneOf]
STRINGS = ListOf("text")

UNIT = OneOf(("null", {"base?": "text", "factor?": "number", "en?": "text"}))
UNITS = Each(Each(UNIT))

MODALITY = {
    "estimate": STRINGS, "target": STRINGS, "share_suffixes": STRINGS, "share_verbs": STRINGS, "share_copulas": STRINGS,
    "share_verb_not_in": STRINGS, "share_noun": "text",
    "rank_verbs": STRINGS, "rank_scopes": STRINGS, "rank_movement": STRINGS, "rank_particles": STRINGS, "plan_headings": STRINGS, "done_cues": STRINGS, "seeking_verbs": STRINGS,
    "future_cues": STRINGS, "qualifiers_before": STRINGS, "qualifiers_after": STRINGS,
    "growth_words": Each("integer"), "growth_basis": Each("text"), "rate_then_level": "text", "doubling": "text", "growth_nouns": STRINGS,
    "qualifier_not_after": Each(STRINGS), "rank_not_before": STRINGS, "growth_fillers": STRINGS,
    "growth_aspect": STRINGS, "growth_links": STRINGS, "growth_subject_noise": STRINGS,
    "hedges_before_unit": Each("text"), "change_comparers": STRINGS, "growth_base_markers": STRINGS,
    "growth_base_after": STRINGS, "growth_minus": STRINGS, "change_kept": STRINGS,
    "rank_noun": "text", "growth_rank_word": "text", "absolute_amount_words": STRINGS, "rate_only_growth_words": STRINGS, "estimate_note": "text", "target_nouns": STRINGS, "task_done_verbs": STRINGS, "excess_openers": STRINGS, "excess_objects": STRINGS, "target_name_words": STRINGS, "estimate_cue_openers": STRINGS, "subject_continuations": STRINGS, "rank_duration": "text", "rank_units": STRINGS, "rank_verbs_needing_unit": STRINGS, "rank_groups": STRINGS, "estimated_statistics": STRINGS,
    "targets_lead_in": STRINGS, "targets_heading": "text", "target_list_marks": STRINGS,
}
NOT_FACTS = {
    "grouping_after": STRINGS, "chinese_name_units": STRINGS, "abbreviation_before_figure": "text", "round_words": STRINGS, "numbered_run": "text", "year_unit_cues": STRINGS,
    "capacity_cues": STRINGS, "capacity_spec_before": STRINGS, "project_capacity_units": STRINGS, "capacity_project_heads": STRINGS, "threshold_after": STRINGS, "threshold_qualifiers": STRINGS, "size_class_heads": STRINGS, "age_units": STRINGS,
    "list_intro_before": STRINGS, "enumeration_after": "text", "milestone_after": STRINGS, "passed_target_after": STRINGS, "milestone_verbs": STRINGS, "milestone_level_verbs": STRINGS, "one_of_end": "text", "pool_places": STRINGS, "pool_ranking_words": STRINGS, "from_value_after": STRINGS,
    "glossary_start": "text", "unit_word_breakers": Each(STRINGS), "unit_word_keepers": Each(STRINGS), "period_count_units": STRINGS, "ordinal_after": STRINGS,
    "descriptive_after": Each(STRINGS), "capacity_units": STRINGS, "reach_units": STRINGS, "reach_circle": "text",
    "chinese_name_nouns": STRINGS, "chinese_grouping_units": STRINGS, "ordinal_before": STRINGS,
    "counting_units": STRINGS, "capacity_unit_followers": STRINGS,
    "from_value_before": STRINGS, "threshold_before": STRINGS, "group_count_units": STRINGS, "sum_verbs": STRINGS,
    "magnitude_people_after": STRINGS, "magnitude_people_unit": "text", "magnitude_unit_before": Each("text"),
}
PERIODS = {
    "phrases": ListOf(OneOf(("text", {"text": "text", "as": "text"}))),
    "patterns": STRINGS, "base_markers": STRINGS, "comparison_words": STRINGS,
    "comparison_openers": STRINGS, "comparison_fillers": STRINGS, "base_years": STRINGS, "multiple_verbs": STRINGS,
    "not_after": Each(STRINGS), "later_period_stops": "text", "progress_verbs": "text", "progress_targets": "text", "title_verbs": STRINGS,
    "ahead_period": "text", "whole_year_period": "text", "own_year_plan_months": "integer",
}
INDICATORS = {
    "strip_anywhere": STRINGS, "strip_leading": STRINGS, "strip_trailing": STRINGS, "right_stops": STRINGS, "right_stops_inside": STRINGS, "tag_overrides": Each("text"),
    "attribute_words": STRINGS, "possessive": "text", "fallback": "text",
    "bare_names": STRINGS, "thing_measures": STRINGS, "thing_measure_ends": STRINGS, "work_size_bases": STRINGS, "kept_endings": STRINGS, "per_head_words": STRINGS, "listed_alike_groups": STRINGS, "conversion_words": STRINGS, "ranked_list_number": "text", "running_total_word": "text", "listed_measures": STRINGS, "list_level_verbs": STRINGS, "new_count_verbs": STRINGS, "budget_qualifiers": STRINGS, "yuan_dropped": Each("text"), "money_words": STRINGS, "figure_verbs": STRINGS, "empty_verbs_before_attribute": STRINGS, "subject_measures": STRINGS, "batch_words": STRINGS, "average_words": STRINGS, "reach_verbs": STRINGS, "reach_sum_words": STRINGS, "target_completion": "text", "completion_rate": "text", "target_ends": "text", "aspect_particle": "text", "place_subject": "text", "per_unit_ending": "text", "milestone_nouns": STRINGS, "work_completion": "text", "ordinal_batch": "text", "span_before_sum": "text", "topic_measures": Each(STRINGS), "totals": STRINGS, "totals_of_things": STRINGS, "reach_before_measure": Each(STRINGS), "counterpart_scopes": STRINGS, "done_attribute_verbs": STRINGS, "generic_heads": STRINGS, "measure_chars": STRINGS, "completion_predicates": STRINGS, "anaphors": STRINGS, "project_heads": STRINGS, "project_attributes": STRINGS, "project_phases": STRINGS, "verbs_said_across_commas": STRINGS, "firm_heads": STRINGS, "project_openers": STRINGS, "project_count_units": STRINGS, "sub_unit_endings": STRINGS, "own_place": "text", "designation_endings": STRINGS, "amount_words": STRINGS, "multiples": STRINGS, "manner_words": STRINGS, "manner_endings": STRINGS, "leading_prepositions": STRINGS, "means_openers": STRINGS, "before_prepositions": STRINGS, "frame_prepositions": Each(STRINGS), "place_frames": Each(STRINGS), "task_compared": "text", "inner_adverbs": STRINGS, "time_taken_verbs": STRINGS, "time_taken_units": STRINGS, "time_taken_noun": "text", "streak_words": STRINGS, "streak_units": STRINGS,
    "progress_verbs": STRINGS, "light_verbs": STRINGS, "copulas": STRINGS, "award_verbs": STRINGS, "rate_endings": STRINGS, "qualifier_not_flags": STRINGS, "amount_noun_flags": Each(STRINGS), "spent_on": Each(STRINGS), "object_verbs": STRINGS, "never_in_names": STRINGS, "having_verbs": STRINGS, "partner_prepositions": STRINGS, "object_determiners": STRINGS,
    "state_adverbs": STRINGS, "state_verbs": STRINGS,
    "entities": {"suffixes": Each("text"), "breaks": "text", "lead_words": STRINGS, "generic_words": STRINGS,
                 "place_breaks": "text", "place_head_max": "integer", "generic_endings": STRINGS,
                 "strict_suffixes": STRINGS},
}
HEADLINE = ListOf({"key": "text", "label": {"zh": "text", "en": "text"}, "match": STRINGS,
                   "exclude?": STRINGS, "money?": "bool"})
NUMERALS = {"digits": Each("integer"), "powers": Each("integer"), "magnitudes": Each("integer"),
            "ordinals": "text", "percent_prefix": "text", "decimal_point": "text", "percent_numerals": "text",
            "never_alone": STRINGS, "ordinal_prefix": "text", "first_place": "text", "top_of_list": "text", "counting_numerals": "text",
            "range_marks": "text", "range_word": "text"}
PLACES = {"levels": Each("text"), "speaker_titles": STRINGS, "government_organ": "text",
          "front_patterns": STRINGS, "lead_words": STRINGS,
          "division_levels": Each(Each("text")), "self_reference": STRINGS, "generic_parts": STRINGS,
          "renamed": ListOf({"old": "text", "now": "text", "parent": "text", "year": "integer", "source": "text"})}
LISTS = {"item_joiners": STRINGS, "shared_head_joiners": STRINGS, "rate_joiners": STRINGS,
         "respectively": "text", "respectively_verbs": STRINGS, "each": "text", "each_all": "text", "of_which": "text", "appositive_marker": "text", "examples_end": "text", "examples_closers": STRINGS, "grade_words": STRINGS, "rank_sharers": STRINGS,
         "pair_words": Each(STRINGS), "whole_item_endings": STRINGS, "counterparts": Each("text"),
         "changes_among_parts": STRINGS, "head_modifiers": STRINGS}
HEADINGS = {**{key: "text" for key in ("level_1", "level_2", "level_3", "chapter", "appendix", "glossary",
                                        "review_word", "dated_period", "page_line", "wrapper_head",
                                        "wrapper_counter", "summary", "nav_start")},
            "plan_part_words": STRINGS, "review_heading_noise": STRINGS, "part_periods": STRINGS,
            "review_part_words": STRINGS, "title_conjunctions": STRINGS, "plan_lead_ins": STRINGS, "planned_work_opening": "text"}
DOCUMENTS = {"government_report": {"type": "text", "front": STRINGS, "body": STRINGS},
             "review_and_outlook": {"type": "text", "outlook": STRINGS, "review": STRINGS},
             "title_words": STRINGS, "meeting_place_before": "text", "opening_address": "text",
             "publish_labels": STRINGS, "year_statements": ListOf({"pattern": "text", "add": "integer"}),
             **{key: "text" for key in ("meeting", "date", "report_year", "speaker", "covered_period",
                                        "covered_statement", "period_joiner", "meeting_day", "news_date", "period_joiner_default",
                                        "part_of_year")}}
FIGURES = {"count_units": STRINGS, "plan_words": STRINGS, "per_unit_words": STRINGS, "review_year": STRINGS,
           "rate_suffixes": STRINGS}
QUALITY = {"count_words": STRINGS, "measure_words": STRINGS, "threshold_words": STRINGS, "not_units": STRINGS,
           "ordinal_before": STRINGS, "year_units": STRINGS, "year_digits": "integer", "year_range": ListOf("integer")}
UI = Each("text")
SERIES = {
    "place_prefixes": STRINGS, "aliases": Each("text"), "abbreviations": Each("text"), "target_verbs": STRINGS,
    "sub_year": STRINGS, "this_year": STRINGS, "last_year": STRINGS, "whole_year": STRINGS,
    "growth_bases": STRINGS, "upper_bounds": STRINGS, "ranges": STRINGS, "span_headings": STRINGS,
}
FIELDS = Each({"type": "text", "en": "text", "zh": "text"})
SEARCH_ALIASES = ListOf({"key": "text", "match": STRINGS, "exclude?": STRINGS, "units?": STRINGS, "money?": "bool",
                         "zh": STRINGS, "en": STRINGS})
PATTERNS_EN = {"periods": ListOf({"pattern": "text", "en": "text"}),
               "growth_bases": ListOf({"pattern": "text", "en": "text"})}

SHAPES: dict[str, Shape] = {
    "units.yaml": UNITS, "units_extra.yaml": UNITS, "modality.yaml": MODALITY, "not_facts.yaml": NOT_FACTS,
    "periods.yaml": PERIODS, "indicators.yaml": INDICATORS, "headline.yaml": HEADLINE,
    "figures.yaml": FIGURES, "ui.zh.yaml": UI, "ui.en.yaml": UI, "numerals.yaml": NUMERALS,
    "places.yaml": PLACES, "lists.yaml": LISTS, "headings.yaml": HEADINGS, "documents.yaml": DOCUMENTS,
    "patterns_en.yaml": PATTERNS_EN, "fields.yaml": FIELDS, "quality.yaml": QUALITY, "series.yaml": SERIES,
    "search_aliases.yaml": SEARCH_ALIASES,
}


def _fail(path: Path, node: yaml.Node, reason: str) -> DataFileError:
    """Return the error for ``node`` of the file at ``path`` (its line is the node's)."""
    return DataFileError(str(path), reason, node.start_mark.line + 1)


def _node_kind(shape: Shape) -> type:
    """Return the YAML node class a value of ``shape`` is written as."""
    if isinstance(shape, ListOf):
        return yaml.SequenceNode
    return yaml.MappingNode if isinstance(shape, (dict, Each)) or shape == "mapping" else yaml.ScalarNode


def _check_one_of(path: Path, node: yaml.Node, shape: OneOf, what: str) -> None:
    """Raise DataFileError unless ``node`` has one of the shapes; the error is that of a shape of its kind."""
    errors = []
    for option in shape.shapes:
        try:
            return check(path, node, option, what)
        except DataFileError as err:
            errors.append((isinstance(node, _node_kind(option)), err))
    raise next((err for same_kind, err in errors if same_kind), _fail(path, node, f"{what or 'file'}: unexpected value"))


def _check_keys(path: Path, node: yaml.Node, keys: dict, what: str) -> None:
    """Raise DataFileError unless the mapping ``node`` has the required keys, and only known ones."""
    given = {k.value: (k, v) for k, v in node.value}
    known = {k.rstrip("?") for k in keys}
    for name, (key_node, _) in given.items():  # first, so a misspelt key is named rather than missed
        if name not in known:
            raise _fail(path, key_node, f"{what or 'file'}: unknown key {name!r}")
    for key, shape in keys.items():
        name = key.rstrip("?")
        if name in given:
            check(path, given[name][1], shape, f"{what}.{name}" if what else name)
        elif not key.endswith("?"):
            raise _fail(path, node, f"{what or 'file'}: missing key {name!r}")


def check(path: Path, node: yaml.Node, shape: Shape, what: str) -> None:
    """Raise DataFileError, at the offending line, unless ``node`` has ``shape``."""
    label = what or "file"
    if isinstance(shape, OneOf):
        _check_one_of(path, node, shape, what)
    elif shape == "null":
        if node.tag != _TAG + "null":
            raise _fail(path, node, f"{label}: expected nothing")
    elif isinstance(shape, str) and shape in _SCALARS:
        if not (isinstance(node, yaml.ScalarNode) and node.tag in {_TAG + t for t in _SCALARS[shape]}):
            raise _fail(path, node, f"{label}: expected {'a ' if shape != 'text' else ''}{shape}")
    elif isinstance(shape, ListOf):
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(path, node, f"{label}: expected a list")
        for item in node.value:
            check(path, item, shape.shape, label)
    else:
        check_mapping(path, node, label)
        if isinstance(shape, Each):
            for key, value in node.value:
                check(path, value, shape.shape, f"{what}.{key.value}" if what else key.value)
        elif isinstance(shape, dict):
            _check_keys(path, node, shape, what)


def check_mapping(path: Path, node: yaml.Node, what: str, key_of: Callable[[str], str] = str) -> None:
    """Raise DataFileError unless ``node`` is a mapping of plain keys, no two the same after ``key_of``."""
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, f"{what} must be a mapping")
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _fail(path, key, f"{what}: keys must be plain text")
        line, name = key.start_mark.line + 1, key_of(key.value)
        if name in seen:
            raise _fail(path, key, f"{what}: duplicate key {key.value!r} (first on line {seen[name]})")
        seen[name] = line


# ---------------------------------------------------------------- glossary.yaml

_QUOTE_TABLE = str.maketrans("", "", "“”‘’\"'「」『』《》〈〉")
_FOLDS = str.maketrans({"（": "(", "）": ")", "：": ":", "－": "-", "—": "-", "–": "-"})

# Groups whose values are plain strings; the others map to small dicts of strings/booleans.
GLOSSARY_STRING_GROUPS = {
    "indicators", "modifiers", "periods", "growth_bases", "places", "surnames", "doc_types", "section_words",
    "units", "ethnic_groups", "place_readings", "senses", "classifiers", "name_heads",
}
GLOSSARY_MAPPING_GROUPS = {"kinds", "qualifiers", "levels", "titles", "indicator_suffixes", "indicator_prefixes"}
GLOSSARY_REQUIRED = {"version", "indicators", "periods", "kinds", "growth_bases", "qualifiers", "levels",
                     "doc_types", "titles", "section_words"}


def glossary_key(text: str) -> str:
    """Return ``text`` as the glossary compares it: no whitespace or quotation marks, full-width ASCII folded."""
    return "".join(ch for ch in text if not ch.isspace()).translate(_QUOTE_TABLE).translate(_FOLDS)


def check_glossary(path: Path, root: yaml.Node) -> None:
    """Raise DataFileError (with a line) when the glossary tree does not have the expected shape."""
    check_mapping(path, root, "glossary")
    missing = sorted(GLOSSARY_REQUIRED - {k.value for k, _ in root.value})
    if missing:
        raise DataFileError(str(path), f"missing group(s): {', '.join(missing)}", 1)
    for key, value in root.value:
        if key.value == "version":
            continue
        if key.value not in GLOSSARY_STRING_GROUPS | GLOSSARY_MAPPING_GROUPS:
            raise _fail(path, key, f"unknown group {key.value!r}")
        check_mapping(path, value, key.value, glossary_key)  # 十四五期间 and “十四五”期间 collide
        for entry, entry_value in value.value:
            _check_glossary_entry(path, key.value, entry.value, entry_value)


def _check_glossary_entry(path: Path, group: str, key: str, node: yaml.Node) -> None:
    """Raise DataFileError when one glossary entry has the wrong shape for its group."""
    if group in GLOSSARY_STRING_GROUPS:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "str"):
            raise _fail(path, node, f"{group}.{key}: expected a text value")
        if not node.value.strip():
            raise _fail(path, node, f"{group}.{key}: empty translation")
        return
    check_mapping(path, node, f"{group}.{key}", glossary_key)
    for _, value in node.value:
        if not isinstance(value, yaml.ScalarNode):
            raise _fail(path, value, f"{group}.{key}: values must be plain text")
