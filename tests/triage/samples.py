"""Small training samples for triage tests: the plumbing is under test, not the accuracy."""

from __future__ import annotations

from collections import Counter

from civicdesk.triage.dataset import Example, shipped_examples


def small_sample(split: str = "train", per_label: int = 3) -> list[Example]:
    """The first `per_label` messages of each (category, type) pair."""
    seen: Counter[tuple[str, str]] = Counter()
    sample = []
    for example in shipped_examples(split):
        if seen[(example.category, example.type)] < per_label:
            seen[(example.category, example.type)] += 1
            sample.append(example)
    return sample
