"""Staff pages to import and export the directory: upload a file, read the dry run, confirm; download.

The uploaded file waits between the preview and the confirmation under a random name
in MEDIA_ROOT/tmp/imports; only that name is kept, in the session, never in a URL.
"""

import datetime
import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from import_export.tmp_storages import MediaStorage

from resources import transfer
from resources.models import ResourceIndexPage

# Who sees the Import menu item; programs need page permissions too.
IMPORTERS = ["resources.add_agency", "resources.add_school"]
EXPORTERS = ["resources.view_agency", "resources.view_school"]
KINDS = {"agencies": "Agencies", "programs": "Programs", "schools": "Schools"}
SESSION_KEY = "resources_import"
UPLOAD_FOLDER = "tmp/imports"
PROBLEMS_SHOWN = 200
ABANDONED_AFTER = datetime.timedelta(days=1)


def can_import(user, kind):
    if kind == "agencies":
        return user.has_perms(["resources.add_agency", "resources.change_agency"])
    if kind == "schools":
        return user.has_perms(["resources.add_school", "resources.change_school"])
    directory = ResourceIndexPage.objects.first()
    return directory is not None and directory.permissions_for_user(user).can_publish_subpage()


def can_export(user, kind):
    if kind == "agencies":
        return user.has_perm("resources.view_agency")
    if kind == "schools":
        return user.has_perm("resources.view_school")
    directory = ResourceIndexPage.objects.first()
    return directory is not None and directory.permissions_for_user(user).can_edit()


class UploadForm(forms.Form):
    file = forms.FileField(help_text="CSV, XLSX or JSON, up to 10 MB. The first line names the columns.")
    kind = forms.ChoiceField(
        label="The file holds",
        choices=[("", "Tell from its columns"), *KINDS.items()],
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.extension = transfer.extension_of(upload.name)
            if upload.size > transfer.MAX_BYTES:
                raise transfer.UnreadableFile("The file is larger than 10 MB: split it in parts.")
            self.content = upload.read()
            self.dataset = transfer.read_dataset(self.content, self.extension)
        except transfer.UnreadableFile as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def clean(self):
        if hasattr(self, "dataset") and not self.cleaned_data.get("kind"):
            self.cleaned_data["kind"] = transfer.guess_kind(self.dataset.headers)
            if not self.cleaned_data["kind"]:
                self.add_error("kind", "We could not tell from the columns: choose what the file holds.")
        return self.cleaned_data


def upload(request):
    if not any(can_import(request.user, kind) for kind in KINDS):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        if not can_import(request.user, kind):
            raise PermissionDenied
        _discard(request)  # an earlier upload that was never confirmed
        _remove_abandoned_uploads()
        storage = MediaStorage(MEDIA_FOLDER=UPLOAD_FOLDER)
        storage.save(form.content)
        request.session[SESSION_KEY] = {
            "name": storage.name,
            "extension": form.extension,
            "kind": kind,
            "filename": form.cleaned_data["file"].name[-100:],
        }
        return redirect("resources_import_preview")
    return _render(request, "resources/admin/import.html", "Import agencies, programs or schools", form=form)


def preview(request):
    """GET: the dry run of the uploaded file. POST: import it for real (or cancel)."""
    pending = request.session.get(SESSION_KEY)
    if not pending or not re.fullmatch(r"[0-9a-f]{32}", pending.get("name", "")):
        messages.info(request, "Choose a file to import first.")
        return redirect("resources_import")
    if not can_import(request.user, pending["kind"]):
        raise PermissionDenied
    if request.method == "POST" and "cancel" in request.POST:
        _discard(request)
        messages.info(request, "The file was not imported.")
        return redirect("resources_import")
    content = MediaStorage(name=pending["name"], MEDIA_FOLDER=UPLOAD_FOLDER).read()
    dataset = transfer.read_dataset(content, pending["extension"])
    outcome = transfer.import_dataset(dataset, pending["kind"], user=request.user, dry_run=request.method != "POST")
    if outcome.imported:
        _discard(request)
        messages.success(request, outcome.summary)
        return redirect("resources_import")
    return _render(
        request,
        "resources/admin/import_preview.html",
        f"Import {pending['kind']}: check the file",
        outcome=outcome,
        problems=outcome.problems[:PROBLEMS_SHOWN],
        more_problems=max(len(outcome.problems) - PROBLEMS_SHOWN, 0),
        filename=pending["filename"],
    )


def export(request):
    kinds = {kind: label for kind, label in KINDS.items() if can_export(request.user, kind)}
    if not kinds:
        raise PermissionDenied
    kind, extension = request.GET.get("kind"), request.GET.get("format")
    if kind in kinds and extension in transfer.FORMATS:
        content, _count = transfer.export_content(kind, extension)
        response = HttpResponse(content, content_type=transfer.content_type(extension))
        filename = f"{kind}-{timezone.localdate():%Y-%m-%d}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    links = [
        (
            label,
            [
                (extension.upper(), f"{reverse('resources_export')}?kind={kind}&format={extension}")
                for extension in transfer.FORMATS
            ],
        )
        for kind, label in kinds.items()
    ]
    return _render(request, "resources/admin/export.html", "Export agencies, programs or schools", links=links)


def _discard(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending and re.fullmatch(r"[0-9a-f]{32}", pending.get("name", "")):
        MediaStorage(name=pending["name"], MEDIA_FOLDER=UPLOAD_FOLDER).remove()


def _remove_abandoned_uploads():
    """Files of previews nobody confirmed or cancelled (the session ended): gone after a day."""
    try:
        _folders, names = default_storage.listdir(UPLOAD_FOLDER)
    except FileNotFoundError:
        return
    for name in names:
        path = f"{UPLOAD_FOLDER}/{name}"
        if default_storage.get_modified_time(path) < timezone.now() - ABANDONED_AFTER:
            default_storage.delete(path)


def _render(request, template, title, **context):
    context.update(page_title=title, header_title=title, header_icon="table")
    return TemplateResponse(request, template, context)
