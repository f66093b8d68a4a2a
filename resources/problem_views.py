"""Families tell the office a listing is wrong: no account, nothing personal, a few reports an hour per address."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.ratelimit import is_limited, too_many
from resources.models import ResourcePage
from resources.problem_forms import ProblemReportForm


@require_POST
def report(request, program_id):
    program = ResourcePage.objects.live().public().filter(pk=program_id).first()
    if program is None:
        raise Http404
    if is_limited(request, "problem_report", settings.PROBLEM_REPORTS_PER_HOUR, period=3600):
        return too_many(request)
    form = ProblemReportForm(request.POST)
    if not form.is_valid():
        context = {"page": program, "report_form": form, "forms": [form], "has_errors": True}
        return render(request, "resources/problem_report.html", context, status=400)
    form.instance.program = program
    form.save()
    messages.success(request, _("Thank you. The office will check this program's details."))
    return redirect(program.url)
