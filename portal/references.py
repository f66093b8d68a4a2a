"""Wagtail's reference index ("used by 3 pages", a pickup time's registrations) written in bulk.

Wagtail indexes an object after each save with a queued task of its own: one per object. An import indexes its
programs in batches (resources/tasks.index_objects), and a family's registration is indexed in the transaction
that saves it, so the opening rush queues no task per family for it (holiday_drive/registering.py).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex


def index_references(model, objects, *, new=False):
    """ReferenceIndex.create_or_update_for_object for each of `objects`; those with no row yet in one INSERT.

    Wagtail has no bulk way, and its own reads the object's rows then writes them: two queries an object. Here
    objects without rows are one read and one write for them all, and `new` objects (created in this
    transaction, with Wagtail's own indexing turned off) skip the read. Objects that already have rows go through
    Wagtail's method, which also removes what is no longer referenced.
    """
    # As Wagtail's method names them: the model's own content type and its most general parent's.
    content_types = [
        ContentType.objects.get_for_model(each, for_concrete_model=False)
        for each in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    indexed = set()
    if not new:
        indexed = set(
            ReferenceIndex.objects.filter(
                base_content_type=base_content_type, object_id__in=[str(instance.pk) for instance in objects]
            ).values_list("object_id", flat=True)
        )
    rows = []
    for instance in objects:
        if str(instance.pk) in indexed:
            ReferenceIndex.create_or_update_for_object(instance)
            continue
        # Wagtail's own extraction (a private method: the public one writes as it goes).
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(instance)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=instance.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    if rows:
        ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True)
