"""The Story view: the filtered events down a date rail, one card each, earliest first.

Cards are HTML we write (every piece of data text escaped); each has a "Read the sources"
button that opens the event's detail right under its card. The rail is CSS, so it reflows on a
phone and prints as a plain list.
"""

from __future__ import annotations

import streamlit as st

from timeline.text import escape_html as escape
from timeline.view import View
from timeline.view.story import StoryCard, story_cards
from views import detail_panel
from views.page_style import note

STYLE = """
<style>
[class*="st-key-story_card_"] {
  border-left: 3px solid #0072B2; padding: 0 0 0.6rem 1.1rem; margin-left: 0.4rem;
  position: relative; max-width: 46rem;
}
[class*="st-key-story_card_"]::before {
  content: ""; position: absolute; left: -0.5rem; top: 0.35rem; width: 0.75rem;
  height: 0.75rem; border-radius: 50%; background: #FFFFFF; border: 3px solid #0072B2;
}
[class*="st-key-story_card_key_"]::before { background: #0072B2; }
.st-key-story_heading h2 { font-size: 1.5rem; padding-bottom: 0; }
.story-card { overflow-wrap: anywhere; scroll-margin-top: 4.5rem; }
.story-card .story-date { margin: 0; font-weight: 600; color: #1F4E79; font-size: 0.95rem; }
.story-card h3 { margin: 0.1rem 0 0.3rem 0; font-size: 1.1rem; line-height: 1.35; padding: 0; }
.story-card .badges { margin: 0 0 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
.story-card .badge {
  border: 1px solid #6B6B6B; border-radius: 0.8rem; padding: 0 0.5rem; font-size: 0.85rem;
  color: #1A1A1A; background: #FFFFFF;
}
.story-card .badge.status { border-color: #1F4E79; color: #1F4E79; font-weight: 600; }
.story-card blockquote {
  margin: 0; padding: 0.2rem 0 0.2rem 0.8rem; border-left: 3px solid #B0B0B0;
  color: #2B2B2B; font-size: 0.95rem;
}
@media print {
  [data-testid="stSidebar"], header, [data-testid="stToolbar"], [role="tablist"],
  .stButton, [data-testid="stBaseButton-secondary"] { display: none !important; }
  [class*="st-key-story_card_"] { break-inside: avoid; }
}
</style>
"""


def card_html(card: StoryCard) -> str:
    """A card's markup; ``id`` lets the detail's "back" link return to it."""
    sources = "".join(f'<span class="badge">{escape(label)}</span>' for label in card.sources)
    quote = f"<blockquote>“{escape(card.quote)}”</blockquote>" if card.quote else ""
    return (
        f'<article class="story-card" id="story-{escape(card.id, quote=True)}">'
        f'<p class="story-date"><time datetime="{card.start}">{escape(card.date_text)}</time></p>'
        f"<h3>{escape(card.title)}</h3>"
        f'<p class="badges"><span class="badge status">{escape(card.status_label)}</span>'
        f"{sources}</p>{quote}</article>"
    )


def render(view: View) -> None:
    st.html(STYLE)
    cards = story_cards(view.events, view.labels)
    with st.container(key="story_heading"):
        st.header("The story, event by event", anchor=False)
    note(
        f"{len(cards)} events, earliest first. Each card quotes its first source; "
        "Read the sources opens every quote in its passage. Tab moves from card to card."
    )

    for index, card in enumerate(cards):
        kind = "key_" if card.key else ""
        with st.container(key=f"story_card_{kind}{index}"):
            st.html(card_html(card))
            if view.state.event == card.id:
                event = view.event(card.id)
                if event is not None:
                    detail_panel.render(view, event, back=f"#story-{card.id}", level=4)
            else:
                st.button(
                    "Read the sources",
                    key=f"read_{card.id}",
                    on_click=detail_panel.open_event,
                    args=(card.id,),
                )
