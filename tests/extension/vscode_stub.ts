// The `vscode` module for unit tests: only what the tested modules touch, with state a test can
// set (configuration values, updates made, the installed extensions).

export class Disposable {
  constructor(private readonly onDispose: () => void) {}
  dispose(): void {
    this.onDispose();
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: { title: string; command: string; arguments?: unknown[] },
  ) {}
}

export class Uri {
  private constructor(readonly fsPath: string) {}
  static file(path: string): Uri {
    return new Uri(path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri([base.fsPath, ...parts].join("/"));
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
}

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
}

/** A webview panel as createWebviewPanel makes it: records what the extension did with it. */
export class FakeWebviewPanel {
  readonly posted: unknown[] = [];
  title: string;
  iconPath: unknown;
  active = false;
  viewColumn = ViewColumn.Two;
  private readonly receivers: ((message: unknown) => void)[] = [];
  private readonly disposers: (() => void)[] = [];
  readonly webview = {
    html: "",
    options: {},
    cspSource: "https://csp.example",
    asWebviewUri: (uri: Uri): string => `https://webview.example${uri.fsPath}`,
    postMessage: (message: unknown): Promise<boolean> => {
      this.posted.push(message);
      return Promise.resolve(true);
    },
    onDidReceiveMessage: (listener: (message: unknown) => void): Disposable => {
      this.receivers.push(listener);
      return new Disposable(() => undefined);
    },
  };
  constructor(
    readonly viewType: string,
    title: string,
    readonly showOptions: unknown,
    readonly options: unknown,
  ) {
    this.title = title;
  }
  /** The page posts a message to the extension. */
  receive(message: unknown): void {
    for (const receiver of this.receivers) receiver(message);
  }
  onDidDispose(listener: () => void): Disposable {
    this.disposers.push(listener);
    return new Disposable(() => undefined);
  }
  onDidChangeViewState(): Disposable {
    return new Disposable(() => undefined);
  }
  reveal(): void {}
  dispose(): void {
    for (const disposer of this.disposers.splice(0)) disposer();
  }
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

/** A status bar item: tests read what it shows, and how often it was changed. */
export class FakeStatusBarItem {
  name = "";
  command: unknown;
  tooltip: unknown;
  backgroundColor: ThemeColor | undefined;
  shown = false;
  readonly texts: string[] = [];
  get text(): string {
    return this.texts.at(-1) ?? "";
  }
  set text(value: string) {
    this.texts.push(value);
  }
  show(): void {
    this.shown = true;
  }
  dispose(): void {}
}

/** What tests control: settings values, updates made, folders, extensions, panels made. */
export const stub = {
  panels: [] as FakeWebviewPanel[],
  config: {} as Record<string, unknown>,
  updates: [] as { key: string; value: unknown; target: ConfigurationTarget }[],
  folders: [] as { uri: Uri }[],
  extensions: {} as Record<string, unknown>,
  statusItems: [] as FakeStatusBarItem[],
};

export const workspace = {
  get workspaceFolders(): { uri: Uri }[] | undefined {
    return stub.folders.length > 0 ? stub.folders : undefined;
  },
  getConfiguration(section: string) {
    return {
      get: (key: string): unknown => stub.config[`${section}.${key}`],
      update: (key: string, value: unknown, target: ConfigurationTarget): Promise<void> => {
        stub.updates.push({ key: `${section}.${key}`, value, target });
        return Promise.resolve();
      },
    };
  },
  getWorkspaceFolder(): undefined {
    return undefined;
  },
};

export const extensions = {
  getExtension(id: string): unknown {
    return stub.extensions[id];
  },
};

/** A local window: no remote authority. */
export const env = { remoteName: undefined as string | undefined };

export const window = {
  activeTextEditor: undefined,
  createStatusBarItem(): FakeStatusBarItem {
    const item = new FakeStatusBarItem();
    stub.statusItems.push(item);
    return item;
  },
  visibleTextEditors: [],
  createWebviewPanel(
    viewType: string,
    title: string,
    showOptions: unknown,
    options: unknown,
  ): FakeWebviewPanel {
    const panel = new FakeWebviewPanel(viewType, title, showOptions, options);
    stub.panels.push(panel);
    return panel;
  },
};

export const commands = {
  executeCommand(): Promise<undefined> {
    return Promise.resolve(undefined);
  },
};
