#!/usr/bin/env bash
# Print the path of a Python 3.12 or newer, for creating .venv.
#
# Tries, in order: $PYTHON, python3.13, python3.12, python3, pyenv's installed
# versions (newest first), then /usr/bin/python3.1x and /usr/local/bin/python3.1x.
# Every candidate is actually run, because pyenv shims exist on PATH even when
# they only print "command not found" for the active pyenv version.
set -uo pipefail

works() {
    # $1 runs, is Python 3.12+ and can make a venv with pip (Debian splits
    # venv/ensurepip out into python3.x-venv).
    "$1" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 12) else 1)' \
        >/dev/null 2>&1
}

absolute() {
    # Print a real path for a command name or path, resolving pyenv shims to the
    # interpreter they would run, so the venv does not depend on pyenv settings.
    "$1" -c 'import sys; print(sys.executable)' 2>/dev/null
}

candidates=()
[[ -n "${PYTHON:-}" ]] && candidates+=("$PYTHON")
candidates+=(python3.13 python3.12 python3)

if command -v pyenv >/dev/null 2>&1 || [[ -d "${PYENV_ROOT:-$HOME/.pyenv}" ]]; then
    pyenv_root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    # Newest first: sort by version number, descending.
    while IFS= read -r python; do
        candidates+=("$python")
    done < <(
        shopt -s nullglob
        for python in "$pyenv_root"/versions/3.1[2-9]*/bin/python3; do
            echo "$python"
        done | sort -V -r
    )
fi

while IFS= read -r python; do
    candidates+=("$python")
done < <(
    shopt -s nullglob
    for python in /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
        echo "$python"
    done | sort -V -r
)

for candidate in "${candidates[@]}"; do
    if works "$candidate"; then
        path="$(absolute "$candidate")"
        if [[ -n "$path" ]]; then
            echo "$path"
            exit 0
        fi
    fi
done

echo "MSP Casework needs Python 3.12 or newer. Install it (for example with pyenv: pyenv install 3.12) and run make again." >&2
exit 1
