// Registers the core element and block components.
import "./markdown";
import "./basic";
import "./decorations";
import "./code";
import "./exception";
import "../blocks/layout";
import "../blocks/grid";
import "../blocks/popover";
import "../blocks/dialog";
import "../blocks/form";
import "./chat_message";
import "../blocks/status";
