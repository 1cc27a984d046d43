"""The sidebar's inputs stand out from it, as in Streamlit: they take the page's background."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect


def test_a_sidebar_input_is_not_the_sidebars_colour(page: Page, serve: Any) -> None:
    server = serve(
        """
        import streamlit as st
        st.sidebar.text_input("In the sidebar", "a")
        st.text_input("In the page", "b")
        """
    )
    page.goto(server.url)
    expect(page.get_by_text("In the page")).to_be_visible()
    colours = page.evaluate(
        """() => {
          // The first filled box from the element up (an input's fill may be its wrapper's).
          const bg = (el) => {
            for (; el; el = el.parentElement) {
              const c = getComputedStyle(el).backgroundColor;
              if (c !== 'rgba(0, 0, 0, 0)') return c;
            }
            return null;
          };
          const sidebar = document.querySelector('.sp-sidebar');
          const inputs = [...document.querySelectorAll('input[type=text]')];
          return {sidebar: bg(sidebar), side: bg(inputs[0]), main: bg(inputs[1]),
                  page: bg(document.body)};
        }"""
    )
    assert colours["side"] != colours["sidebar"]
    assert colours["main"] == colours["sidebar"]  # the page's inputs: the secondary colour
