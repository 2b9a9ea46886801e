# Sourced by package-deb.sh and package-platform-deb.sh from the repository's root: their common options.
#   deb_options NAME "$@"   sets version (the Debian version: --version V, else the Maven version with
#                           0.1.0-SNAPSHOT -> 0.1.0~snapshot), out (--out DIR, else target/deb) and skip_build
#                           (--skip-build); an unknown option or a version not starting with a digit ends the script.
deb_options() {
  local name=$1
  shift
  version=""
  out="$(pwd)/target/deb"
  skip_build=false
  while [ $# -gt 0 ]; do
    case "$1" in
      --version) version="$2"; shift 2 ;;
      --out) out="$2"; shift 2 ;;
      --skip-build) skip_build=true; shift ;;
      *) echo "$name: unknown option $1" >&2; exit 2 ;;
    esac
  done
  if [ -z "$version" ]; then
    version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
    version=$(echo "$version" | tr 'A-Z' 'a-z' | sed 's/-/~/')
  fi
  case "$version" in
    [0-9]*) ;;
    *) echo "$name: version '$version' must start with a digit" >&2; exit 2 ;;
  esac
}
