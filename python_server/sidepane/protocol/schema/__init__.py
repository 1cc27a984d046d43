"""The protocol's single source: every frame, element's props and LSP method, declared once.

See registry.py for how shapes are declared; importing this package imports every declaring
module, so the registries are complete.
"""

from sidepane.protocol.schema import frames as frames
from sidepane.protocol.schema import lsp as lsp
from sidepane.protocol.schema.elements import button_groups as button_groups
from sidepane.protocol.schema.elements import components as components
from sidepane.protocol.schema.elements import components_v2 as components_v2
from sidepane.protocol.schema.elements import data as data
from sidepane.protocol.schema.elements import deck as deck
from sidepane.protocol.schema.elements import decorations as decorations
from sidepane.protocol.schema.elements import documents as documents
from sidepane.protocol.schema.elements import layout as layout
from sidepane.protocol.schema.elements import media_inputs as media_inputs
from sidepane.protocol.schema.elements import plotly as plotly
from sidepane.protocol.schema.elements import small_widgets as small_widgets
from sidepane.protocol.schema.elements import text as text
from sidepane.protocol.schema.elements import widgets as widgets
