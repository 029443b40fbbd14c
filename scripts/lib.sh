# Shared by scripts/up, scripts/test, scripts/down and scripts/stack. Sourced, not run.
# Everything a fresh Debian 12 machine lacks is installed here; everything started is recorded
# by pid under var/<stack>/pids so that `scripts/stack stop` ends exactly that.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=/usr/bin/python3	# Debian's python3: aiosmtpd belongs to it (DESIGN: Pitfalls)

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Debian packages from scripts/packages.txt that are not installed yet; installs them.
install_deps() {
	local missing=() p
	while read -r p; do
		case "$p" in ''|'#'*) continue ;; esac
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
	done < "$ROOT/scripts/packages.txt"
	command -v node >/dev/null 2>&1 || missing+=(nodejs)
	command -v npm >/dev/null 2>&1 || missing+=(npm)
	if [ ${#missing[@]} -gt 0 ]; then
		say "installing Debian packages: ${missing[*]}"
		[ "$(id -u)" = 0 ] || die "installing packages needs root (apt-get)"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

# npm packages pinned in package-lock.json (DKFDS, playwright-core, axe-core).
install_npm() {
	local stamp="$ROOT/node_modules/.package-lock.json"
	if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
		say "installing npm packages (npm ci)"
		(cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	fi
}

# Configures (once) and builds in build/<name>; extra arguments go to configure.
build() {
	local name=$1; shift
	local dir="$ROOT/build/$name"
	if [ ! -x "$ROOT/configure" ] || [ "$ROOT/configure.ac" -nt "$ROOT/configure" ] ||
	   [ "$ROOT/Makefile.am" -nt "$ROOT/Makefile.in" ]; then
		say "autoreconf"
		(cd "$ROOT" && autoreconf -fi >/dev/null 2>&1) || die "autoreconf failed"
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ]; then
		say "configure build/$name $*"
		(cd "$dir" && "$ROOT/configure" -q "$@") || die "configure failed (build/$name/config.log)"
	fi
	say "make build/$name"
	# The test programs too (check TESTS= builds them without running): a layer must never
	# run a test binary left over from an earlier build.
	{ make -C "$dir" -j"$(nproc)" -s all && make -C "$dir" -j"$(nproc)" -s check TESTS=; } \
		>"$dir/build.log" 2>&1 || { tail -n 40 "$dir/build.log"; die "build failed (build/$name/build.log)"; }
}

# ASan/UBSan options for a sanitizer build's programs and tests: every ASan report to a file of
# its own under DIR (asan.PID), so it is found whatever else the program writes, and a leak at
# exit is a report too (LeakSanitizer). GCC's UBSan ignores log_path when ASan is linked in: its
# reports ("FILE:LINE:COL: runtime error: ...") go to stderr, the program's log.
sanitizer_env() {
	export ASAN_OPTIONS="log_path=$1/asan:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
	export UBSAN_OPTIONS="log_path=$1/ubsan:print_stacktrace=1:halt_on_error=1"
}
