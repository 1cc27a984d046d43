// Registers every widget component.
import "./buttons";
import "./choices";
import "./button_groups";
import "./select";
import "./slider";
import "./text";
import "./pickers";
import "./file_uploader";
import "./camera_input";
import "./audio_input";
import "./chat_input";
import "./link_button";
import "./menu_button";
import "./datetime_input";
import "./pagination";
