"""The sponsors' pages at /holiday/sponsor/: families waiting for a sponsor, adopting them, their families, gift tags.

Templates render from `sponsoring.FamilyForSponsor` only: the family number, the children's age, sizes and wishes.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from holiday_drive import sponsoring
from holiday_drive.sponsor_forms import FamilyFilterForm
from portal import bounded

FAMILIES_PER_PAGE = 20


def sponsor_required(view):
    """Only accounts linked to a sponsor; others get 403, anonymous visitors sign in first. Sets `request.sponsor`."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        request.sponsor = sponsoring.sponsor_for(request.user)
        if request.sponsor is None:
            return render(request, "holiday_drive/sponsor/refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@sponsor_required
def families(request):
    """Confirmed families no sponsor has adopted yet, 20 a page; the same queries for any number of families."""
    sponsor = request.sponsor
    form = FamilyFilterForm(request.GET)
    waiting = sponsoring.waiting_for_a_sponsor(sponsor.campaign, **form.filters())
    page_obj = Paginator(waiting, FAMILIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "sponsor": sponsor,
        "campaign": sponsor.campaign,
        "form": form,
        "page_obj": page_obj,
        "families": [sponsoring.FamilyForSponsor.of(registration) for registration in page_obj],
        "families_left": sponsor.families_left(),
    }
    return render(request, "holiday_drive/sponsor/families.html", context)


@sponsor_required
@require_POST
def adopt(request):
    chosen = bounded.ids(request.POST.getlist("family"))
    if not chosen:
        messages.error(request, _("Choose at least one family to adopt."))
        return redirect("holiday_drive:sponsor")
    try:
        outcome = sponsoring.adopt(request.sponsor, chosen, user=request.user)
    except sponsoring.AdoptionRefused as refused:
        messages.error(request, str(refused))
        return redirect("holiday_drive:sponsor")
    _report(request, outcome)
    return redirect("holiday_drive:sponsor_my_families" if outcome.adopted else "holiday_drive:sponsor")


def _report(request, outcome):
    if outcome.adopted:
        numbers = ", ".join(outcome.adopted)
        messages.success(
            request,
            ngettext(
                "Thank you! You adopted family %(numbers)s.",
                "Thank you! You adopted families %(numbers)s.",
                len(outcome.adopted),
            )
            % {"numbers": numbers},
        )
    if outcome.unavailable:
        # Counted, never named: the same words whether another sponsor was first or the id was never adoptable.
        unavailable = ngettext(
            "%(count)s family you chose cannot be adopted any more: another sponsor may have been first.",
            "%(count)s families you chose cannot be adopted any more: other sponsors may have been first.",
            outcome.unavailable,
        ) % {"count": outcome.unavailable}
        after = _("The other families you chose are yours.") if outcome.adopted else _("Please choose another family.")
        messages.warning(request, f"{unavailable} {after}")
    if not (outcome.adopted or outcome.unavailable):
        messages.info(request, _("You have already adopted these families."))


@sponsor_required
def my_families(request):
    """The sponsor's families, whether their gifts arrived, and when and where to bring the gifts."""
    sponsor = request.sponsor
    context = {"sponsor": sponsor, "campaign": sponsor.campaign, "families": sponsoring.families_of(sponsor)}
    return render(request, "holiday_drive/sponsor/my_families.html", context)


@sponsor_required
def family_tags(request, family_number):
    """One gift tag per child of one of the sponsor's families, to print; another sponsor's family is not found."""
    family = sponsoring.family_of(request.sponsor, family_number)
    if family is None:
        raise Http404
    return _tags(request, [family])


@sponsor_required
def all_tags(request):
    return _tags(request, sponsoring.families_of(request.sponsor))


def _tags(request, families):
    context = {"sponsor": request.sponsor, "campaign": request.sponsor.campaign, "families": families}
    return render(request, "holiday_drive/sponsor/tags.html", context)
