"""A signed-in family's own data: everything we hold, as a page and as JSON, and their request for deletion."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aid_requests import privacy


@never_cache
@login_required
def my_data(request):
    """Everything held about the family, readable; the JSON and the deletion request are one click away."""
    context = {
        "data": privacy.everything_held(request.user),
        "deletion_requested_at": privacy.deletion_requested_at(request.user),
    }
    return render(request, "aid_requests/my_data.html", context)


@never_cache
@login_required
def my_data_json(request):
    content = json.dumps(privacy.everything_held(request.user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="my-data-{timezone.localdate():%Y-%m-%d}.json"'
    return response


@require_POST
@login_required
def request_deletion(request):
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that you want us to delete your information."))
        return redirect("aid_requests:my_data")
    if privacy.request_deletion(request.user):
        messages.success(
            request,
            _("We have your request. Staff will delete your information soon."),
        )
    else:
        messages.info(request, _("We hold nothing about you besides your account."))
    return redirect("aid_requests:my_data")
