// Registers the custom-component elements (`streamlit.components.v1`).
import "./frame";
import "./instance";
