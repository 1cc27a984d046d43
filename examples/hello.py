"""The seed app: a slider and its square. Run with `sidepane snapshot examples/hello.py`."""

import sidepane as st

st.title("Hello, Sidepane")
x = st.slider("x")
st.write(x, "squared is", x * x)

with st.sidebar:
    st.caption("Move the slider: the whole script reruns.")

if st.checkbox("Show a table"):
    st.write({"x": x, "x squared": x * x})
