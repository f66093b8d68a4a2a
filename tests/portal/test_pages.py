import pytest
from django.template.loader import render_to_string
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail_factories import ImageFactory

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_its_introduction_and_calls_to_action(client, home):
    home.actions = [
        (
            "call_to_action",
            {"heading": "Ask for help", "text": "", "link_label": "Apply", "page": None, "url": "/requests/apply/"},
        ),
    ]
    home.save_revision().publish()
    response = client.get("/")
    assert response.status_code == 200
    assert "We help families find what their children need" in response.text
    assert '<a class="button" href="/requests/apply/">Apply</a>' in response.text


def test_standard_page_renders_every_body_block(client, home):
    image = ImageFactory(title="Volunteers packing bags")
    # A cached embed, so rendering needs no network.
    url = "https://video.example.org/1"
    Embed.objects.create(
        url=url, max_width=800, hash=get_embed_hash(url, 800), html="<iframe title='Tour'></iframe>", type="video"
    )
    body = [
        ("heading", {"text": "Who we serve", "level": "h2"}),
        ("paragraph", "<p>Families of <b>every</b> school.</p>"),
        ("list", {"items": ["Clothing", "Glasses"], "numbered": True}),
        (
            "call_to_action",
            {"heading": "Need help?", "text": "Ask us.", "link_label": "Go home", "page": home, "url": ""},
        ),
        ("image", {"image": image, "alt_text": "Volunteers packing bags", "decorative": False}),
        ("embed", "https://video.example.org/1"),
    ]
    StandardPageFactory(parent=home, slug="about", body=body)
    html = client.get("/about/").text
    assert "<h2>Who we serve</h2>" in html
    assert "<b>every</b>" in html
    assert "<ol>" in html and "<li>Glasses</li>" in html
    assert '<a class="button" href="/">Go home</a>' in html
    assert 'alt="Volunteers packing bags"' in html
    assert "<iframe title='Tour'></iframe>" in html


def test_a_missing_page_gets_the_friendly_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.text
    assert 'href="/search/"' in response.text


def test_the_500_page_renders_without_a_request_or_database():
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "410-313-6822" in html
