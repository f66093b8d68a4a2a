"""Households' free-text schools that name a listed school: the migration and `link_school_names` share this."""


def school_key(text):
    """How a typed school name compares: case and spacing aside, it must be exact."""
    return " ".join(text.split()).casefold()


def link_listed_schools(School, Household):
    """Point each household whose typed school names a listed school exactly at it; the rest stay as typed.

    Takes the model classes, so a migration can pass its historical ones. Returns how many were linked.
    """
    schools = {school_key(school.name): school.pk for school in School.objects.all()}
    linked = 0
    for pk, typed in Household.objects.filter(school__isnull=True).exclude(schools="").values_list("pk", "schools"):
        school_id = schools.get(school_key(typed))
        if school_id is not None:
            linked += Household.objects.filter(pk=pk).update(school_id=school_id, schools="")
    return linked
