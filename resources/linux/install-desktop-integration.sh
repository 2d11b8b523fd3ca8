#!/usr/bin/env bash
# Installs Lawnotebook's menu entry, icons and the .lnb file type for the current user only
# (under ${XDG_DATA_HOME:-~/.local/share}); double-clicking a bundle then opens it in Lawnotebook.
#
#   install-desktop-integration.sh [EXECUTABLE]     install (EXECUTABLE: absolute path of the
#                                                   lawnotebook program; default: the one in the
#                                                   built folder around this script, else PATH)
#   install-desktop-integration.sh --uninstall      remove what install put there
#
# Works from the repository (resources/linux/) and from a built folder (resources/linux/).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../icons/hicolor"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mime_type="application/x-lawnotebook-bundle"
mime_icon="${mime_type//\//-}"
sizes=(16 24 32 48 64 128 256 512)

refresh() {  # each cache tool is optional: desktops rescan without them, only later
    if command -v update-mime-database > /dev/null; then update-mime-database "$data/mime"; fi
    if command -v update-desktop-database > /dev/null; then
        update-desktop-database -q "$data/applications" || true
    fi
    if command -v gtk-update-icon-cache > /dev/null; then
        gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/lawnotebook.desktop" "$data/mime/packages/lawnotebook-mime.xml"
    rm -f "$data/icons/hicolor/scalable/apps/lawnotebook.svg" \
          "$data/icons/hicolor/scalable/mimetypes/$mime_icon.svg"
    for size in "${sizes[@]}"; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/lawnotebook.png" \
              "$data/icons/hicolor/${size}x${size}/mimetypes/$mime_icon.png"
    done
    refresh
    echo "Removed Lawnotebook's menu entry, icons and file type from $data."
    exit 0
fi

exe="${1:-}"
if [ -z "$exe" ] && [ -x "$here/../../lawnotebook" ]; then
    exe="$(cd "$here/../.." && pwd)/lawnotebook"  # a built folder: dist/lawnotebook/
fi
if [ -z "$exe" ]; then
    exe="$(command -v lawnotebook || true)"
fi
[ -n "$exe" ] && [ -x "$exe" ] || {
    echo "Cannot find the lawnotebook program; pass its path: $0 /path/to/lawnotebook" >&2
    exit 2
}
case "$exe" in
    /*) ;;
    *) exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")" ;;
esac
case "$exe" in  # the Exec key's quoting rules, kept simple: refuse what would need escaping
    *[\"\`\$\\]*) echo "The path $exe contains a character the desktop file cannot hold." >&2
                  exit 2 ;;
esac
quoted="$exe"
[[ "$exe" == *" "* ]] && quoted="\"$exe\""

install -d -m 755 "$data/applications" "$data/mime/packages"
sed -e "s|^Exec=lawnotebook|Exec=$quoted|" -e "s|^TryExec=lawnotebook$|TryExec=$exe|" \
    "$here/lawnotebook.desktop" > "$data/applications/lawnotebook.desktop"
chmod 644 "$data/applications/lawnotebook.desktop"
install -m 644 "$here/lawnotebook-mime.xml" "$data/mime/packages/lawnotebook-mime.xml"
install -D -m 644 "$icons/scalable/apps/lawnotebook.svg" \
    "$data/icons/hicolor/scalable/apps/lawnotebook.svg"
install -D -m 644 "$icons/scalable/apps/lawnotebook.svg" \
    "$data/icons/hicolor/scalable/mimetypes/$mime_icon.svg"
for size in "${sizes[@]}"; do
    src="$icons/${size}x${size}/apps/lawnotebook.png"
    install -D -m 644 "$src" "$data/icons/hicolor/${size}x${size}/apps/lawnotebook.png"
    install -D -m 644 "$src" "$data/icons/hicolor/${size}x${size}/mimetypes/$mime_icon.png"
done
refresh
if command -v xdg-mime > /dev/null; then  # make Lawnotebook the default for .lnb files
    xdg-mime default lawnotebook.desktop "$mime_type" || true
fi
echo "Installed Lawnotebook's menu entry, icons and the .lnb file type into $data"
echo "(program: $exe)."
