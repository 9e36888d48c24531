from html.parser import HTMLParser

import pytest

from vigil.learn.render import TAGS, markdown_to_html


class Elements(HTMLParser):
    """Every element and attribute the browser would build (escaped text is only text)."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "<iframe src=/report/></iframe>",
    "<svg onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<scr<script>ipt>alert(1)</script>",
    "```\n</code><script>alert(1)</script>\n```",
    "<details open ontoggle=alert(1)>",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_no_script_gets_through(text):
    for tag, attributes in Elements(markdown_to_html(text)).found:
        assert tag in TAGS
        for name, value in attributes.items():
            assert not name.startswith("on")
            assert name != "style" or "url" not in value
            if name in ("href", "src"):
                assert not value.lower().startswith(("javascript:", "data:")), value


def test_markdown_becomes_the_expected_html():
    html = markdown_to_html("# Title\n\n## Part\n\n- **one**\n- [two](https://example.org)")
    assert "<h2>Title</h2>" in html  # the page's h1 is the lesson title
    assert "<h2>Part</h2>" in html
    assert "<strong>one</strong>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer"' in html


def test_images_only_from_this_site_and_keep_their_description():
    local = markdown_to_html("![A hotel corridor](/static/learn/corridor.png)")
    assert '<img src="/static/learn/corridor.png" alt="A hotel corridor">' in local
    for outside in ("https://cdn.example.org/a.png", "//evil.example/a.png", "http://x/a.png"):
        html = markdown_to_html(f"![tracker]({outside})")
        assert "src=" not in html, outside


def test_tables_render_with_alignment_only():
    html = markdown_to_html("| a | b |\n|:-|-:|\n| 1 | 2 |")
    assert "<table>" in html and 'style="text-align:right"' in html
