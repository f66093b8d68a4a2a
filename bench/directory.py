"""Directory timings: DirectorySearch by words and by distance, and the whole page through the test client."""

import statistics
import time
from urllib.parse import urlencode

from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from bench.seed import HOWARD_ZIP_CODES
from resources.directory import DirectorySearch
from resources.models import ResourceIndexPage, ResourcePage

# What families type, and the kind of help they would tick with it.
WORDS = {
    "food pantry": "food",
    "coats": "clothing",
    "dental": "medical",
    "glasses": "medical",
    "rent": "housing",
    "backpack": "school-supplies",
    "diapers": "other-necessities",
    "bus": "transportation",
    "counseling": "mental-health",
    "medicine": "medical",
    "hearing aids": "medical",
    "shoes": "clothing",
    "electric bill": "utilities",
    "toys": "holiday",
    "uniforms": "clothing",
    "shelter": "housing",
    "eye exam": "medical",
    "dinner": "food",
    "school supplies": "school-supplies",
    "vaccines": "medical",
    "asthma": "medical",
    "turkey": "holiday",
    "furniture": "other-necessities",
    "toothache": "medical",
}
RADIUS_MILES = 10
PAGE_URL = "/connection-center/"
SECONDS_PER_KIND = 30  # a slow search stops early (after at least MINIMUM_RUNS) so the whole bench stays short
MINIMUM_RUNS = 20


def measure(rng, runs):
    """p50 and p95 in ms of each kind of search, and the queries of one page render."""
    index = ResourceIndexPage.objects.get(locale=Locale.get_default())  # not its Spanish translation
    words = list(WORDS)

    def search(parameters):
        result = DirectorySearch(index, QueryDict(urlencode(parameters, doseq=True))).run()
        return result.page.paginator.count

    text = [{"q": rng.choice(words)} for _ in range(runs)]
    radius = [{"near": rng.choice(HOWARD_ZIP_CODES), "radius": RADIUS_MILES} for _ in range(runs)]
    combined = []
    for _ in range(runs):
        word = rng.choice(words)
        combined.append({"q": word, "category": WORDS[word], "near": rng.choice(HOWARD_ZIP_CODES)})

    client = Client()

    def render(parameters):
        response = client.get(PAGE_URL, parameters)
        if response.status_code != 200:
            raise RuntimeError(f"{PAGE_URL}?{urlencode(parameters, doseq=True)} answered {response.status_code}")

    figures = {}
    for name, function, cases in (("text", search, text), ("radius", search, radius), ("combined", render, combined)):
        timings, found = _timed(function, cases)
        figures[f"directory_{name}_runs"] = len(timings)
        figures[f"directory_{name}_p50_ms"] = round(statistics.median(timings), 1)
        figures[f"directory_{name}_p95_ms"] = round(statistics.quantiles(timings, n=20)[18], 1)
        if name != "combined":  # the page returns HTML, not a count
            figures[f"directory_{name}_results_median"] = statistics.median(found)
    with CaptureQueriesContext(connection) as queries:
        render(combined[0])
    figures["directory_queries"] = len(queries)
    program = ResourcePage.objects.live().filter(locale=index.locale).order_by("pk").last()
    for name, url in (("program", program.url), ("home", "/")):
        render_page(client, url)  # the first visit caches what every page reads (site, settings, lists)
        with CaptureQueriesContext(connection) as queries:
            render_page(client, url)
        figures[f"{name}_queries"] = len(queries)
    return figures


def render_page(client, url):
    """A page rendered, not served from the page cache (which skips any URL with a query string)."""
    response = client.get(url, {"from": "bench"})
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")


def _timed(function, cases):
    """Milliseconds of each call, and what each returned."""
    for case in cases[:3]:  # warm caches: the first call of each kind pays for imports and prepared plans
        function(case)
    timings, found = [], []
    deadline = time.perf_counter() + SECONDS_PER_KIND
    for case in cases:
        start = time.perf_counter()
        found.append(function(case))
        timings.append((time.perf_counter() - start) * 1000)
        if start > deadline and len(timings) >= MINIMUM_RUNS:
            break
    return timings, found
