"""A stand-in for the desktop's file manager on the test's private session bus.

  file_manager.py LOG   owns org.freedesktop.FileManager1 and appends each URI that
                        ShowItems is asked to show to LOG, one a line; prints "ready" once
                        the name is owned

"Show in folder" (Tauri's opener plugin, reveal_item_in_dir) asks exactly this D-Bus service,
as Nautilus, Dolphin and Nemo provide it, so the test sees what a real file manager would be
asked. Needs python3-dbus and python3-gi (Debian, see scripts/setup.sh).
"""

import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.FileManager1"


class FileManager(dbus.service.Object):
    def __init__(self, bus, log):
        super().__init__(bus, "/org/freedesktop/FileManager1")
        self.log = log

    @dbus.service.method(NAME, in_signature="ass", out_signature="")
    def ShowItems(self, uris, startup_id):
        with open(self.log, "a", encoding="utf-8") as f:
            for uri in uris:
                f.write(f"{uri}\n")

    @dbus.service.method(NAME, in_signature="ass", out_signature="")
    def ShowFolders(self, uris, startup_id):
        self.ShowItems(uris, startup_id)


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    manager = FileManager(bus, sys.argv[1])
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name, manager


if __name__ == "__main__":
    main()
