#!/usr/bin/env bash
# Builds Lawnotebook for Linux as one folder, dist/lawnotebook/, and smoke-tests it.
#   packaging/build-linux.sh            install PyInstaller (the "package" extra), build, test
#   packaging/build-linux.sh --smoke    only smoke-test an existing dist/lawnotebook
# Needs the Qt runtime libraries the app itself needs (scripts/system-deps installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
[ -x "$py" ] || python3 -m venv .venv
start=$(date +%s)
if [ "${1:-}" != "--smoke" ]; then
    "$py" -m pip install -q --disable-pip-version-check -e ".[package]"
    "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath dist --workpath build/pyinstaller packaging/lawnotebook.spec
fi
built=$(date +%s)
bash packaging/smoke-test.sh dist/lawnotebook
done_at=$(date +%s)
echo "build: $((built - start)) s, smoke test: $((done_at - built)) s," \
     "size: $(du -sh dist/lawnotebook | cut -f1) ($(find dist/lawnotebook -type f | wc -l) files)"
