"""Replaces PyInstaller's own hook for PySide6.QtGui: the same collection, fewer Qt plugins.

PyInstaller collects every plugin type QtGui can use, then bundles each plugin's libraries. Plugins
for boards without a desktop (eglfs, evdev), Wayland and the GTK theme would drag in Wayland, GTK,
cairo and pango libraries from the build machine, which then clash with the target system's own.
Filtering here, before PyInstaller looks at the plugins' libraries, keeps those libraries out too.
On Wayland desktops the program runs through XWayland (the xcb plugin).
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

#: Plugin folders kept, and for some of them the plugin names kept (file name without lib prefix/suffix).
KEEP = {
    "platforms": {"qwindows", "qdirect2d", "qxcb", "qoffscreen", "qminimal", "qcocoa"},
    "platformthemes": {"qxdgdesktopportal"},  # not qgtk3: it pulls in the whole GTK stack
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "imageformats": {"qsvg", "qico", "qjpeg", "qgif"},  # PNG is built into QtGui
    "iconengines": None,  # the SVG icon
    "xcbglintegrations": None,
    "accessiblebridge": None,
    "styles": None,
}


def _name(path: str) -> str:
    stem = PurePath(path).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _keep(src: str, dest: str) -> bool:
    parts = PurePath(dest).parts
    if "plugins" not in parts:
        return True
    folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 1 else ""
    if folder not in KEEP:
        return False
    return KEEP[folder] is None or _name(src) in KEEP[folder]


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if _keep(src, dest)]
