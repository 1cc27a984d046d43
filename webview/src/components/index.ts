// Registers the custom-component elements (`streamlit.components.v1` and `st.components.v2`).
import "./frame";
import "./instance";
import "./v2/bidi";
