import pytest

from resources.models import ServiceCategory

PREFIX = "apply_wizard"
ABOUT = {
    "guardian_name": "Maria Lopez",
    "phone": "410-555-0142",
    "email": "maria@example.org",
    "preferred_language": "es",
    "contact_method": "phone",
    "zip_code": "21044",
}
CHILDREN = [
    {"first_name": "Ana", "age": "9", "grade": "4", "size_top": "10"},
    {"first_name": "Luis", "age": "6", "grade": "1"},
]


def step_data(step, data):
    """POST data for one step of the application, as the browser sends it."""
    payload = {f"{PREFIX}-current_step": step}
    if step == "children":
        payload |= {
            "children-TOTAL_FORMS": str(len(data)),
            "children-INITIAL_FORMS": "0",
            "children-MIN_NUM_FORMS": "1",
            "children-MAX_NUM_FORMS": "8",
        }
        for index, child in enumerate(data):
            payload |= {f"children-{index}-{name}": value for name, value in child.items()}
    else:
        for name, value in data.items():
            payload[f"{step}-{name}"] = value
    return payload


@pytest.fixture
def kinds(db):
    return {
        category.slug: category for category in ServiceCategory.objects.filter(slug__in=["clothing", "school-supplies"])
    }


@pytest.fixture
def apply(client, home, kinds):
    """Fill in the application step by step; returns the last response. Pass a dict to override a step."""

    def fill(about=None, children=None, needs=None, consent=None, stop_after=None):
        client.get("/requests/apply/?restart=1")
        steps = [
            ("about", about or ABOUT),
            ("children", children or CHILDREN),
            (
                "needs",
                needs
                or {
                    "kinds": [kinds["clothing"].pk, kinds["school-supplies"].pk],
                    "children": ["0", "1"],
                    "urgency": "routine",
                    "details": "Coats please",
                },
            ),
            ("consent", consent if consent is not None else {"consent": "on"}),
        ]
        for name, data in steps:
            response = client.post("/requests/apply/", step_data(name, data))
            if name == stop_after:
                return response
        return response

    return fill
