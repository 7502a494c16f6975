import re

import pytest

from timeline.text import markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Plain words 3000", "Plain words 3000"),
        ("**bold** _x_ `code`", r"\*\*bold\*\* \_x\_ \`code\`"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
        ("[link](javascript:x)", r"\[link\]\(javascript\:x\)"),
        (":red[text] $x$", r"\:red\[text\] \$x\$"),
        ("# 1. a\\b", r"\# 1\. a\\b"),
        ("“curly” – dash", "“curly” – dash"),
    ],
)
def test_markdown_escapes_every_punctuation_character(text, escaped):
    assert markdown(text) == escaped


def test_markdown_leaves_no_unescaped_ascii_punctuation():
    text = "".join(chr(c) for c in range(33, 127))
    unescaped = re.sub(r"\\.", "", markdown(text))
    assert re.sub(r"[A-Za-z0-9]", "", unescaped) == ""
