"""The counter console for staff: the counters they may work, and one counter's screen and actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from civicdesk.appointments.models import CentreService, Counter
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError
from civicdesk.queues import services
from civicdesk.queues.forms import CompleteForm, TransferForm
from civicdesk.queues.models import Ticket
from civicdesk.queues.selectors import counter_for, counters_for, current_ticket, held_at, waiting_for
from civicdesk.queues.waits import centre_lines, with_estimates


@login_required
@require_GET
def counters(request: HttpRequest) -> HttpResponse:
    """The counters of the user's centres, to choose one to sit at."""
    return render(request, "queues/counters.html", {"counters": counters_for(request.user)})


def _forms(counter: Counter, data: Any = None) -> tuple[TransferForm, CompleteForm]:
    offers = list(
        CentreService.objects.filter(centre_id=counter.centre_id, is_active=True)
        .select_related("service")
        .order_by("ticket_prefix")
    )
    others = list(Counter.objects.filter(centre_id=counter.centre_id).exclude(pk=counter.pk))
    return TransferForm(data, offers=offers, counters=others), CompleteForm(data, offers=offers)


@login_required
@require_GET
def console(request: HttpRequest, pk: int) -> HttpResponse:
    """One counter: the ticket at it with its actions, what comes next, tickets on hold."""
    counter = counter_for(request.user, pk)
    day = local_date(timezone.now())
    ticket = current_ticket(counter)
    lines = centre_lines(counter.centre, day)
    transfer, complete = _forms(counter)
    if ticket is not None:
        complete.initial["service_given"] = ticket.centre_service_id
    context = {
        "counter": counter,
        "ticket": ticket,
        "waiting": with_estimates(waiting_for(counter, day), lines),
        "held": held_at(counter, day),
        "lines": lines,
        "transfer": transfer,
        "complete": complete,
    }
    return render(request, "queues/console.html", context)


def _ticket(request: HttpRequest, counter: Counter) -> Ticket:
    """The ticket named in the form, at the counter's centre (404 otherwise)."""
    ticket_id = request.POST.get("ticket", "")
    pk = int(ticket_id) if ticket_id.isdigit() else 0
    ticket = Ticket.objects.filter(pk=pk, centre=counter.centre).first()
    if ticket is None:
        raise Http404
    return ticket


def _transfer(request: HttpRequest, counter: Counter) -> Any:
    form = _forms(counter, request.POST)[0]
    if not form.is_valid():
        raise services.BadTransfer()
    service_id, counter_id = form.cleaned_data.get("to_service"), form.cleaned_data.get("to_counter")
    return services.transfer_ticket(
        ticket=_ticket(request, counter),
        counter=counter,
        to_service=CentreService.objects.filter(pk=service_id, centre=counter.centre).first()
        if service_id
        else None,
        to_counter=Counter.objects.filter(pk=counter_id, centre=counter.centre).first()
        if counter_id
        else None,
    )


def _complete(request: HttpRequest, counter: Counter) -> Any:
    form = _forms(counter, request.POST)[1]
    given = form.cleaned_data["service_given"] if form.is_valid() else None
    return services.complete_ticket(
        ticket=_ticket(request, counter),
        counter=counter,
        service_given=CentreService.objects.filter(pk=given).first() if given else None,
    )


ACTIONS: dict[str, Callable[[HttpRequest, Counter], Any]] = {
    "open": lambda r, c: services.open_counter(counter=c, actor=r.user),
    "close": lambda r, c: services.close_counter(counter=c, actor=r.user),
    "call": lambda r, c: services.call_next_ticket(counter=c, actor=r.user),
    "recall": lambda r, c: services.recall_ticket(ticket=_ticket(r, c), counter=c),
    "start": lambda r, c: services.start_ticket(ticket=_ticket(r, c), counter=c),
    "no_show": lambda r, c: services.mark_no_show(ticket=_ticket(r, c), counter=c),
    "hold": lambda r, c: services.hold_ticket(ticket=_ticket(r, c), counter=c),
    "resume": lambda r, c: services.resume_ticket(ticket=_ticket(r, c), counter=c),
    "transfer": _transfer,
    "complete": _complete,
}


@login_required
@require_POST
def counter_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One console button; a refusal (queue empty, ticket moved meanwhile) comes back as a message."""
    counter = counter_for(request.user, pk)
    run = ACTIONS.get(action)
    if run is None:
        raise Http404
    try:
        run(request, counter)
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("staff:counter_console", counter.pk)
