# Sourced by scripts/demo.sh and scripts/bench-cold-start.sh. sqlite-jdbc extracts its native library from the jar to
# /tmp at every start, after spawning `uname -o` to rule out Android: on the demo's start that was 150-400 ms the
# outbox waited for (measured under load). sqlite_native JAR sets the array sqlite_opts to load the library from a
# copy beside the jar instead, taken out once (again when the jar is newer); empty where the platform is not one it
# knows (sqlite-jdbc then does as before).
sqlite_native() {
  local jar=$1 arch dir lib
  sqlite_opts=()
  [ "$(uname -s)" = Linux ] || return 0
  ls /lib/ld-musl-* >/dev/null 2>&1 && return 0 # musl: sqlite-jdbc's Linux-Musl folder, left to it
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) return 0 ;;
  esac
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar") || return 0
  dir=${jar%.jar}-native
  lib=$dir/libsqlitejdbc.so
  if [ ! -s "$lib" ] || [ "$jar" -nt "$lib" ]; then
    local tmp
    tmp=$(mktemp -d) || return 0
    if (cd "$tmp" && jar xf "$jar" "org/sqlite/native/Linux/$arch/libsqlitejdbc.so" 2>/dev/null) \
        && [ -s "$tmp/org/sqlite/native/Linux/$arch/libsqlitejdbc.so" ]; then
      mkdir -p "$dir" && mv -f "$tmp/org/sqlite/native/Linux/$arch/libsqlitejdbc.so" "$lib" && touch "$lib"
    fi
    rm -rf "$tmp"
    [ -s "$lib" ] || return 0
  fi
  sqlite_opts=(-Dorg.sqlite.lib.path="$dir" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
}
