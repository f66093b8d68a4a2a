"""Who sees what: every URL pattern, requested as every role with objects of the right and the wrong owner,
answers as tests/matrix/table.py says, and no allowed page shows a value its role must never see (issue 16).

Add a row to table.py for each new URL. PERMISSION_MATRIX_DISCOVER=1 prints what each role got instead
of failing, as a start for the row (read it as a red-teamer would before you copy it).
"""

import os
from collections import Counter

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from tests.matrix import world as worlds
from tests.matrix.table import OBJECT, SKIP, TABLE, WAGTAILS_OWN_ADMIN, access
from tests.matrix.urls import walk

pytestmark = pytest.mark.django_db(transaction=False)
DISCOVER = os.environ.get("PERMISSION_MATRIX_DISCOVER") == "1"


def _requests(pattern, rule, world):
    """(path, role swap, rule) triples: each object the rule names, once as the pair's first role's and once as
    its other's; a path of `rule.paths` given as (path, rule) has expectations of its own."""
    if rule.paths:
        return [(path, False, own) for path, own in (p if isinstance(p, tuple) else (p, rule) for p in rule.paths)]
    if rule.params is None:
        return [(pattern.path(), False, rule)]
    if rule.params == OBJECT:
        value = worlds.first_pk(pattern.model)
        assert value is not None, f"{pattern.key}: the world has no {pattern.model} to open"
        return [(pattern.path(value), False, rule)]
    return [(pattern.path(value), owner == "theirs", rule) for owner, value in world.objects[rule.params].items()]


# The admin refuses everyone without admin access in one middleware, before any view: no one owns anything there,
# so the second persona of each pair (other_family, other_partner...) would only repeat the first one's answer.
REPEATS_IN_THE_ADMIN = frozenset(worlds.PAIRS.values())


def _clients(world):
    clients = {}
    for role in worlds.ROLES:
        client = Client(raise_request_exception=False)  # a 500 is one more unexpected answer in the list
        if world.users[role] is not None:
            client.force_login(world.users[role])
        clients[role] = client
    return clients


def test_every_url_answers_each_role_as_the_table_says_and_no_role_sees_a_value_it_must_never_see(db):
    """Every URL pattern is in the table, every answer to every role is one the table allows, and no page any
    role gets (200) shows a value that role must not see."""
    world = worlds.build()
    clients = _clients(world)
    patterns = list(walk())
    missing = [p for p in patterns if p.key not in TABLE and not p.is_wagtails_own_admin]
    assert not missing or DISCOVER, "URL patterns missing from tests/matrix/table.py: " + ", ".join(
        f"{p.key!r} (/{p.route}, {p.module})" for p in missing
    )
    counts, wrong, leaks, found, done = Counter(), [], [], {}, set()
    for pattern in patterns:
        unknown = access(default=(), anonymous=())  # with DISCOVER: requested as everyone, each answer printed
        rule = WAGTAILS_OWN_ADMIN if pattern.is_wagtails_own_admin else TABLE.get(pattern.key, unknown)
        for path, swapped, own in _requests(pattern, rule, world):
            if (pattern.key, path) in done:
                continue  # a name routed twice (Wagtail's page route, ours and its own): one answer is enough
            done.add((pattern.key, path))
            for role in worlds.ROLES:
                if pattern.route.startswith("admin/") and role in REPEATS_IN_THE_ADMIN:
                    counts["skipped"] += 1
                    continue
                as_role = worlds.SWAP.get(role, role) if swapped else role
                for method, expect in (("get", own.expect), ("post", own.post.expect if own.post else {})):
                    expected = expect.get(as_role, SKIP)
                    if expected is SKIP:
                        counts["skipped"] += method == "get"
                        continue
                    cache.clear()  # rate limits: the matrix is one client sending hundreds of requests
                    # Each request as from a page in English: opening /es/ remembers Spanish in a cookie, after
                    # which an English page's URL rightly redirects to its translation.
                    clients[role].cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
                    response = getattr(clients[role], method)(path)
                    counts["requests"] += 1
                    found.setdefault(pattern.key, {}).setdefault(role, set()).add(response.status_code)
                    if response.status_code not in expected:
                        wrong.append(
                            f"{method.upper()} {path} as {role}: {response.status_code}, table says {sorted(expected)}"
                        )
                    if response.status_code == 200 and response.get("Content-Type", "").startswith(
                        ("text/", "application/json")
                    ):
                        counts["bodies scanned"] += 1
                        leaks += [
                            f"{path} as {role} shows {leak}" for leak in world.leaks(role, response.content.decode())
                        ]
    counts["URL patterns"] = len(patterns)
    counts["roles"] = len(worlds.ROLES)
    counts["values that some role must never see"] = len(set().union(*world.forbidden.values()))
    print("\npermission matrix:", ", ".join(f"{count} {what}" for what, count in counts.items()))
    if DISCOVER:
        for key, roles in found.items():
            print(f"{key!r}:", {role: sorted(codes) for role, codes in roles.items()})
        return
    print(f"permission matrix: {len(wrong)} unexpected answers, {len(leaks)} forbidden values shown")
    assert not leaks, f"{len(leaks)} forbidden values shown:\n" + "\n".join(leaks)
    assert not wrong, f"{len(wrong)} unexpected answers:\n" + "\n".join(wrong)
