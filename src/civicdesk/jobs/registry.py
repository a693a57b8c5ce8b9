"""The task registry: `@task` for jobs run on demand, `@periodic` for work every N seconds.

Apps declare theirs in a `tasks.py` module; `autodiscover()` imports every installed app's `tasks`
module (and the modules named by the JOBS_TASK_MODULES setting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Task:
    """A function run by a worker with the JSON keyword arguments of its job."""

    name: str
    func: Callable[..., Any]
    max_attempts: int
    lease: float | None  # seconds a worker may hold a job before it counts as dead; None = setting


@dataclass(frozen=True)
class Periodic:
    """A no-argument function run every `every` seconds by exactly one worker per tick."""

    name: str
    func: Callable[[], Any]
    every: float


TASKS: dict[str, Task] = {}
PERIODIC: dict[str, Periodic] = {}
_discovered = False


def _origin(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def _check_unique(name: str, func: Callable[..., Any], known: Task | Periodic | None) -> None:
    if known is not None and _origin(known.func) != _origin(func):
        raise ImproperlyConfigured(f"Two tasks are named {name!r}: {_origin(known.func)}, {_origin(func)}")


def task(name: str, *, max_attempts: int = 5, lease: float | None = None) -> Callable[[F], F]:
    """Register a function as the task `name`; enqueue it with `jobs.services.enqueue(name, **kwargs)`."""

    def register(func: F) -> F:
        _check_unique(name, func, TASKS.get(name))
        TASKS[name] = Task(name=name, func=func, max_attempts=max_attempts, lease=lease)
        return func

    return register


def periodic(name: str, *, every: float) -> Callable[[F], F]:
    """Register a no-argument function that some worker runs every `every` seconds.

    A run longer than `every` may overlap the next tick's run in another worker, and a run cut by a
    crash is not resumed: the function must be idempotent and claim what it changes (as the sweeps do)."""
    if every <= 0:
        raise ImproperlyConfigured(f"Periodic task {name!r} needs a positive interval.")

    def register(func: F) -> F:
        _check_unique(name, func, PERIODIC.get(name))
        PERIODIC[name] = Periodic(name=name, func=func, every=float(every))
        return func

    return register


def autodiscover() -> None:
    """Import every installed app's `tasks` module once (and JOBS_TASK_MODULES)."""
    global _discovered
    if _discovered:
        return
    autodiscover_modules("tasks")
    for module in getattr(settings, "JOBS_TASK_MODULES", []):
        import_module(module)
    _discovered = True


def get_task(name: str) -> Task | None:
    """The task registered as `name`, after discovering every app's tasks."""
    autodiscover()
    return TASKS.get(name)
