"""Publishing many programs at once, as an import does, at a few queries each.

Wagtail's way for one page (add_child, save_revision, publish) saves the page three
times, writes each log entry with its own validated INSERT and looks up the last
sibling for every new page: about 30 ms a program. The publisher saves each page once,
already live, and writes the revisions, the log entries and the directory's count of
children together in `finish()`, leaving the same rows as the admin's "Publish" would.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from resources.models import ResourcePage


class ProgramPublisher:
    def __init__(self, index_page, user=None):
        # Lock the directory's row for the transaction, as treebeard does while it adds one child.
        self.index_page = type(index_page).objects.select_for_update().get(pk=index_page.pk)
        last = self.index_page.get_last_child()
        # treebeard's path helpers: a child's path is its parent's plus a base-36 step.
        self.last_step = ResourcePage._str2int(last.path[-ResourcePage.steplen :]) if last else 0
        self.user, self.now, self.uuid = user, timezone.now(), uuid.uuid4()
        self.published = []  # (program, its unsaved revision, created or not)

    def save(self, program, is_create):
        """Save a program the import has validated, live; its revision waits for `finish()`."""
        program.live, program.has_unpublished_changes, program.draft_title = True, False, program.title
        program.first_published_at = program.first_published_at or self.now
        program.last_published_at = program.latest_revision_created_at = self.now
        if is_create:
            self.last_step += 1
            program.depth = self.index_page.depth + 1
            program.path = ResourcePage._get_path(self.index_page.path, program.depth, self.last_step)
            program.owner = self.user
        program.save(clean=False, log_action=None)  # logged in finish()
        revision = Revision(
            content_object=program,
            base_content_type=program.get_base_content_type(),
            created_at=self.now,
            user=self.user,
            object_str=str(program),
            content=program.serializable_data(),
        )
        self.published.append((program, revision, is_create))

    def finish(self):
        """Write the revisions, mark them live, log and announce each publication: a few queries per 500 pages."""
        Revision.objects.bulk_create([revision for _program, revision, _created in self.published], batch_size=500)
        for program, revision, _created in self.published:
            Page.objects.filter(pk=program.pk).update(latest_revision=revision, live_revision=revision)
            program.latest_revision = program.live_revision = revision
        added = sum(created for _program, _revision, created in self.published)
        Page.objects.filter(pk=self.index_page.pk).update(numchild=F("numchild") + added)
        PageLogEntry.objects.bulk_create(self._log_entries(), batch_size=500)
        for program, revision, _created in self.published:
            page_published.send(sender=ResourcePage, instance=program, revision=revision)

    def _log_entries(self):
        content_type = ContentType.objects.get_for_model(ResourcePage)
        for program, revision, created in self.published:
            for action in ("wagtail.create" if created else "wagtail.edit", "wagtail.publish"):
                yield PageLogEntry(
                    content_type=content_type,
                    page=program,
                    label=program.get_admin_display_title(),
                    action=action,
                    revision=revision,
                    user=self.user,
                    uuid=self.uuid,  # one import, one action of one person: the history groups them
                    timestamp=self.now,
                    data={},
                    content_changed=True,
                )
