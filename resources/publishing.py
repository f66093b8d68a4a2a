"""Publishing many programs at once, as an import does, at a few queries each.

Wagtail's way for one page (add_child, save_revision, publish) saves the page three
times, writes each log entry with its own validated INSERT and looks up the last
sibling for every new page: about 30 ms a program. The publisher saves each page once,
already live, without its categories, languages or hours; `finish()` then writes those,
the revisions, the log entries and the directory's count of children for 500 pages at a
time, leaving the same rows as the admin's "Publish" would. The content version of the
page cache moves once, and the listing checks are read once per 500 pages.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from treebeard.exceptions import PathOverflow
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from portal import page_cache
from resources.listings import latest_checks_kept_in_bulk
from resources.models import ResourcePage

BATCH_SIZE = 500  # pages per statement: well under SQLite's limit of query parameters


def child_path(parent_path, number):
    """The tree path of a page's child number `number` (1 for the first), as treebeard numbers them.

    A child's path is its parent's plus one step of `steplen` characters: the number written with
    `alphabet`, padded with its first character. Both are documented attributes of treebeard's MP_Node.
    """
    alphabet, steplen = Page.alphabet, Page.steplen
    step = ""
    while number:
        number, digit = divmod(number, len(alphabet))
        step = alphabet[digit] + step
    if len(step) > steplen:
        raise PathOverflow(f"No room for another child under {parent_path}.")
    return parent_path + step.rjust(steplen, alphabet[0])


def child_number(path):
    """The number of the last step of `path`: the inverse of `child_path`."""
    number = 0
    for character in path[-Page.steplen :]:
        number = number * len(Page.alphabet) + Page.alphabet.index(character)
    return number


class ProgramPublisher:
    def __init__(self, index_page, user=None):
        # Lock the directory's row for the transaction, as treebeard does while it adds one child.
        self.index_page = type(index_page).objects.select_for_update().get(pk=index_page.pk)
        last = self.index_page.get_last_child()
        self.last_number = child_number(last.path) if last else 0
        self.user, self.now, self.uuid = user, timezone.now(), uuid.uuid4()
        self.saved = []  # (program, created or not)

    def save(self, program, is_create):
        """Save a program the import has validated, live; the rest waits for `finish()`.

        Its categories, languages and hours are in `program.imported_relations` ({name: list}), not
        assigned to the page, so that saving the page does not write them one program at a time.
        """
        program.live, program.has_unpublished_changes, program.draft_title = True, False, program.title
        program.first_published_at = program.first_published_at or self.now
        program.last_published_at = program.latest_revision_created_at = self.now
        if is_create:
            self.last_number += 1
            program.depth = self.index_page.depth + 1
            program.path = child_path(self.index_page.path, self.last_number)
            program.owner = self.user
            # Page.save looks up the parent (for the URL path) and whether the page is a site root: two queries
            # a page. Wagtail's own routing hands the parent over under this name, and a new program is no
            # site's root (the attribute annotate_site_root_state() fills).
            program._cached_parent_obj = self.index_page
            program._is_site_root = False
        program.save(clean=False, log_action=None)  # logged in finish()
        self.saved.append((program, is_create))

    def finish(self):
        """Write the relations and revisions, mark them live, log and announce each publication."""
        with page_cache.changes_collected():
            for start in range(0, len(self.saved), BATCH_SIZE):
                self._finish_batch(self.saved[start : start + BATCH_SIZE])
            added = sum(created for _program, created in self.saved)
            Page.objects.filter(pk=self.index_page.pk).update(numchild=F("numchild") + added)
            # A new program has no listing checks: only the updated ones can have a later one.
            with latest_checks_kept_in_bulk(program for program, created in self.saved if not created):
                for program, _created in self.saved:
                    page_published.send(sender=ResourcePage, instance=program, revision=program.live_revision)

    def _finish_batch(self, batch):
        programs = [program for program, _created in batch]
        existing = [program for program, created in batch if not created]
        self._write_relations(programs, existing)
        revisions = [
            Revision(
                content_object=program,
                base_content_type=program.get_base_content_type(),
                created_at=self.now,
                user=self.user,
                object_str=str(program),
                content=program.serializable_data(),  # every relation is in memory: no query
            )
            for program in programs
        ]
        Revision.objects.bulk_create(revisions)
        for program, revision in zip(programs, revisions, strict=True):
            program.latest_revision = program.live_revision = revision
        _point_to_revisions(programs)
        PageLogEntry.objects.bulk_create(self._log_entries(batch))

    def _write_relations(self, programs, existing):
        """Replace the imported relations of the batch with a DELETE and an INSERT each; keep the others in memory.

        Every child relation and many-to-many of each program ends up assigned in memory, as modelcluster
        holds a page being edited: the imported values, a new program's empty ones, or those an existing
        program already has (read in one query per relation). The revision is serialised from them.
        """
        imported_pks = {}  # relation name -> pks of the programs whose file gives it
        for program in programs:
            for name in _imported(program):
                imported_pks.setdefault(name, set()).add(program.pk)
        for field in get_all_child_m2m_relations(ResourcePage):
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            replaced, kept = _replaced_and_kept(existing, imported_pks.get(field.name, set()))
            if replaced:
                through.objects.filter(**{f"{source}__in": replaced}).delete()
            through.objects.bulk_create(
                through(**{f"{source}_id": program.pk, f"{target}_id": item.pk})
                for program in programs
                for item in _imported(program).get(field.name, [])
            )
            current = {pk: [] for pk in kept}
            if kept:
                for row in through.objects.filter(**{f"{source}__in": kept}).select_related(target):
                    current[getattr(row, f"{source}_id")].append(getattr(row, target))
            for program in programs:
                setattr(program, field.name, _imported(program).get(field.name, current.get(program.pk, [])))
        for relation in get_all_child_relations(ResourcePage):
            name, model, parent = relation.get_accessor_name(), relation.related_model, relation.field.name
            replaced, kept = _replaced_and_kept(existing, imported_pks.get(name, set()))
            if replaced:
                model.objects.filter(**{f"{parent}__in": replaced}).delete()
            children = []
            for program in programs:
                for child in _imported(program).get(name, []):
                    setattr(child, parent, program)
                    children.append(child)
            model.objects.bulk_create(children)
            current = {pk: [] for pk in kept}
            if kept:
                for child in model.objects.filter(**{f"{parent}__in": kept}):
                    current[getattr(child, f"{parent}_id")].append(child)
            for program in programs:
                setattr(program, name, _imported(program).get(name, current.get(program.pk, [])))

    def _log_entries(self, batch):
        content_type = ContentType.objects.get_for_model(ResourcePage)
        for program, created in batch:
            for action in ("wagtail.create" if created else "wagtail.edit", "wagtail.publish"):
                yield PageLogEntry(
                    content_type=content_type,
                    page=program,
                    label=program.get_admin_display_title(),
                    action=action,
                    revision=program.latest_revision,
                    user=self.user,
                    uuid=self.uuid,  # one import, one action of one person: the history groups them
                    timestamp=self.now,
                    data={},
                    content_changed=True,
                )


def _point_to_revisions(pages):
    """Set each page's latest and live revision to its `latest_revision`, in one UPDATE.

    Django's bulk_update builds a CASE with a branch per page for each column: 0.4 ms a page of Python, and
    the database tries the branches one by one. Joined to a list of (page, revision) values, which PostgreSQL
    and SQLite (3.33 or later) both read, the statement costs next to nothing.
    """
    quote = connection.ops.quote_name
    table, pk = quote(Page._meta.db_table), quote(Page._meta.pk.column)
    latest, live = (quote(Page._meta.get_field(name).column) for name in ("latest_revision", "live_revision"))
    rows = ", ".join(["(%s, %s)"] * len(pages))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {latest} = pointer.column2, {live} = pointer.column2"
            # column1 and column2: the names both databases give the columns of a VALUES list.
            f" FROM (VALUES {rows}) AS pointer WHERE {table}.{pk} = pointer.column1",
            [value for page in pages for value in (page.pk, page.latest_revision_id)],
        )


def _imported(program):
    return getattr(program, "imported_relations", {})


def _replaced_and_kept(existing, imported_pks):
    """Pks of the existing programs whose relation the file replaces, and of those it leaves as it is."""
    pks = [program.pk for program in existing]
    return [pk for pk in pks if pk in imported_pks], [pk for pk in pks if pk not in imported_pks]
