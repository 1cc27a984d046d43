// Media elements: images, audio, video and LaTeX. Importing this module registers them.

import { registerElement } from "../core/types";
import { Image } from "./image";
import { Latex } from "./latex";
import { Audio, Video } from "./player";

registerElement("image", Image);
registerElement("audio", Audio);
registerElement("video", Video);
registerElement("latex", Latex);
