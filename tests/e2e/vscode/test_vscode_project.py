"""A Streamlit project in the VS Code panel: its `.streamlit/config.toml` theme wins over VS
Code's colours, and its secrets configure a SQL connection to a real SQLite file."""

from __future__ import annotations

import pytest
from vscode_harness import PREVIEW, OpenWorkbench

pytestmark = pytest.mark.timeout(150, func_only=True)

APP = """
import streamlit as st
from sqlalchemy import text

conn = st.connection("shop", type="sql")
with conn.session as s:
    s.execute(text("CREATE TABLE IF NOT EXISTS fruit (name TEXT)"))
    s.execute(text("DELETE FROM fruit"))
    s.execute(text("INSERT INTO fruit VALUES ('apple'), ('pear')"))
    s.commit()
names = conn.query("SELECT name FROM fruit ORDER BY name", ttl=0)["name"].tolist()
st.write("fruit: " + ", ".join(names))
st.button("Themed", type="primary")
"""

FILES = {
    "app.py": APP,
    ".streamlit/config.toml": '[theme]\nprimaryColor = "#00a36c"\n',
    ".streamlit/secrets.toml": '[connections.shop]\nurl = "sqlite:///shop.db"\n',
}


def test_config_theme_and_a_sql_connection_in_the_panel(open_workbench: OpenWorkbench) -> None:
    bench = open_workbench(FILES)
    bench.command(PREVIEW)
    frame = bench.wait_panel_text("fruit: apple, pear", 60)
    button = frame.get_by_role("button", name="Themed")
    colour = button.evaluate("(b) => getComputedStyle(b).backgroundColor")
    assert colour == "rgb(0, 163, 108)", colour
    bench.screenshot("vscode_project")
    assert bench.panel_errors() == []
