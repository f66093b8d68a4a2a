"""The directory's words search two ways on the bench database, interleaved in one run: Wagtail's ranked search
(a bm25 subquery per candidate row) and portal.search_backend.ranked_pks (the FTS5 index read once).

CPU milliseconds of this process (SQLite runs in it) are the figure that other work on the machine does not
inflate; wall milliseconds are printed beside them. `python -m bench.search_ab` after `python -m bench` has seeded.
"""

import os
import random
import statistics
import time


def main(runs=40):
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.paginator import Paginator
    from wagtail.models import Locale

    from bench.directory import WORDS
    from portal.search_backend import ranked_pks
    from resources.models import ResourceIndexPage, ResourcePage

    index = ResourceIndexPage.objects.get(locale=Locale.get_default())
    programs = ResourcePage.objects.live().public().descendant_of(index)

    def wagtail(words):
        return [program.pk for program in Paginator(programs.only("pk").search(words), 20).get_page(1).object_list]

    def ours(words):
        return list(Paginator(ranked_pks(programs, words), 20).get_page(1).object_list)

    rng, words = random.Random(1), list(WORDS)
    cpu, wall = {"wagtail": [], "ours": []}, {"wagtail": [], "ours": []}
    for case in words[:3]:  # warm up
        wagtail(case), ours(case)
    for number in range(runs):
        case = rng.choice(words)
        pair = (("wagtail", wagtail), ("ours", ours))
        for name, search in pair if number % 2 else pair[::-1]:
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            search(case)
            cpu[name].append((time.process_time() - cpu_start) * 1000)
            wall[name].append((time.perf_counter() - wall_start) * 1000)
    for name in cpu:
        print(
            f"{name:<8} CPU p50 {statistics.median(cpu[name]):.1f} p95 {statistics.quantiles(cpu[name], n=20)[18]:.1f}"
            f" | wall p50 {statistics.median(wall[name]):.1f} p95 {statistics.quantiles(wall[name], n=20)[18]:.1f} ms"
        )
    same = sum(wagtail(case) == ours(case) for case in words)
    print(f"the same first page, in the same order, for {same} of {len(words)} searches")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
