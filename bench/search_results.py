"""What the directory finds for 373 searches, as JSON, to compare two versions of the search on one database.

Every bench word alone (pages 1, 2, 4), with its kind of help, near a ZIP (10 and 25 miles, page 2), with its kind
of help near a ZIP, free, open now (a fixed Monday morning), in Spanish, shortened and with a word added; each bench
ZIP at 2 and 10 miles; each kind of help alone; a few odd searches; and the whole ranked list of ids for each word.
Each search gives its count, the ids of its page in order, their distances and "open now".

    python -m bench.search_results before.json    # from one checkout, then after.json from the other
    python -m bench.search_results --compare before.json after.json
"""

import datetime
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

MONDAY_10_AM = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("America/New_York"))
ODD_SEARCHES = ("families", "the", "children food clothing", "xyzzy", "food-pantry", "o'brien", "free")


def cases():
    from bench.directory import WORDS
    from bench.seed import HOWARD_ZIP_CODES

    found = []
    for number, (word, category) in enumerate(WORDS.items()):
        zip_code = HOWARD_ZIP_CODES[number % len(HOWARD_ZIP_CODES)]
        found += [
            {"q": word},
            {"q": word, "page": "2"},
            {"q": word, "page": "4"},
            {"q": word, "category": category},
            {"q": word, "near": zip_code},
            {"q": word, "near": zip_code, "radius": "25"},
            {"q": word, "near": zip_code, "page": "2"},
            {"q": word, "category": category, "near": zip_code},
            {"q": word, "free": "on"},
            {"q": word, "open_now": "on"},
            {"q": word, "language": "es"},
            {"q": word.split()[0][:4]},
            {"q": f"{word} help"},
        ]
    found += [{"near": zip_code, "radius": miles} for zip_code in HOWARD_ZIP_CODES for miles in ("2", "10")]
    found += [{"category": category} for category in sorted(set(WORDS.values()))]
    return found + [{"q": words} for words in ODD_SEARCHES]


def results():
    from django.http import QueryDict
    from wagtail.models import Locale

    from bench.directory import WORDS
    from portal.search_backend import ranked_pks
    from resources.directory import DirectorySearch
    from resources.models import ResourceIndexPage, ResourcePage

    index = ResourceIndexPage.objects.get(locale=Locale.get_default())
    found = {}
    for parameters in cases():
        key = urlencode(parameters)
        page = DirectorySearch(index, QueryDict(key), now=MONDAY_10_AM).run().page
        programs = page.object_list
        found[key] = {
            "count": page.paginator.count,
            "ids": [program.pk for program in programs],
            "distances": [None if program.distance is None else round(program.distance, 6) for program in programs],
            "open_now": [program.open_now for program in programs],
        }
    programs = ResourcePage.objects.live().public().descendant_of(index)
    for words in [*WORDS, *ODD_SEARCHES]:
        found[f"ranked:{words}"] = ranked_pks(programs, words)
    return found


def main():
    if sys.argv[1:2] == ["--compare"]:
        before, after = (json.loads(Path(path).read_text()) for path in sys.argv[2:4])
        differ = [key for key in before.keys() | after.keys() if before.get(key) != after.get(key)]
        print(f"{len(before)} searches and ranked lists before, {len(after)} after; {len(differ)} differ")
        for key in sorted(differ):
            print(f"  {key}")
        sys.exit(1 if differ else 0)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    found = results()
    Path(sys.argv[1]).write_text(json.dumps(found))
    print(f"{len(found)} searches and ranked lists written to {sys.argv[1]}")


if __name__ == "__main__":
    main()
