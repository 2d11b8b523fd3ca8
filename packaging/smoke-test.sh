#!/usr/bin/env bash
# Smoke-tests a built one-folder app: version, a vault made and unlocked by the CLI (proves
# sqlcipher3, cryptography and argon2 are bundled), the demo window started and quit under
# QT_QPA_PLATFORM=offscreen (twice: by timer, and by SIGTERM), and its folder gone afterwards.
#   packaging/smoke-test.sh [dist/lawnotebook]
set -euo pipefail
dir="${1:-dist/lawnotebook}"
app="$dir/lawnotebook"
[ -x "$app" ] || { echo "smoke: no executable at $app" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
step() { echo "smoke: $*"; }

step "--version"
version="$("$app" --version)"
[[ "$version" =~ ^lawnotebook\ [0-9]+\.[0-9]+ ]] || fail "--version printed '$version'"
echo "  $version"

step "init + status on a new vault"
printf 'smoke test passphrase\n' > "$work/pass"
"$app" --vault "$work/vault" --passphrase-file "$work/pass" init \
    --kdf-memory-mib 8 --kdf-iterations 1 > "$work/init.out" || fail "init exited $?"
[ -f "$work/vault/vault.header" ] || fail "init made no vault.header"
"$app" --vault "$work/vault" --passphrase-file "$work/pass" status > "$work/status.out" \
    || fail "status exited $?"
grep -q "Argon2id" "$work/status.out" || fail "status did not describe the vault"

step "evidence add + reindex + search (text extraction runs in spawned worker processes)"
cli=("$app" --vault "$work/vault" --passphrase-file "$work/pass")
"${cli[@]}" case new "Smoke test case" --number SMOKE-1 > /dev/null || fail "case new exited $?"
printf 'The interview lasted all night; the word quokkasmoke is in here.\n' > "$work/note.txt"
"${cli[@]}" evidence add SMOKE-1 "$work/note.txt" > /dev/null || fail "evidence add exited $?"
timeout 300 "${cli[@]}" evidence reindex SMOKE-1 --workers 1 > "$work/reindex.out" \
    || fail "reindex exited $?"
"${cli[@]}" search quokkasmoke > "$work/search.out" || fail "search exited $?"
grep -q "note.txt" "$work/search.out" || fail "the extracted text was not found: $(cat "$work/search.out")"

export QT_QPA_PLATFORM=offscreen LAWNOTEBOOK_KEYCHAIN=off
mkdir -p "$work/tmp"
step "--demo --lang zh_CN, quits after 4 s"
TMPDIR="$work/tmp" LAWNOTEBOOK_DEMO_QUIT_AFTER=4 timeout 120 "$app" --demo --lang zh_CN \
    2> "$work/demo.err" || { cat "$work/demo.err" >&2; fail "demo exited $?"; }
leftover="$(find "$work/tmp" -maxdepth 1 -name 'lawnotebook-demo-*')"
[ -z "$leftover" ] || fail "demo folder left behind: $leftover"

step "--demo, stopped with SIGTERM"
TMPDIR="$work/tmp" timeout 120 "$app" --demo 2> "$work/demo-term.err" &
pid=$!
for _ in $(seq 1 300); do  # until the demo vault exists (up to 30 s)
    compgen -G "$work/tmp/lawnotebook-demo-*/vault/vault.header" > /dev/null && break
    sleep 0.1
done
compgen -G "$work/tmp/lawnotebook-demo-*/vault/vault.header" > /dev/null \
    || fail "the demo vault never appeared"
sleep 2
kill -TERM "$pid"
wait "$pid" || fail "demo exited $? after SIGTERM"
leftover="$(find "$work/tmp" -maxdepth 1 -name 'lawnotebook-demo-*')"
[ -z "$leftover" ] || fail "demo folder left behind after SIGTERM: $leftover"

step "bundled resources, and no QtWebEngine"
for f in resources/fonts/wqy-microhei.ttc resources/icons/hicolor/256x256/apps/lawnotebook.png \
         resources/linux/lawnotebook.desktop; do
    [ -f "$dir/$f" ] || fail "missing $f"
done
[ -z "$(find "$dir" -name 'libQt6WebEngine*' -o -name 'QtWebEngineProcess')" ] \
    || fail "QtWebEngine was bundled"
step "OK"
