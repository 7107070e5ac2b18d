"""What a person does to a window, from outside the app, under Xvfb (no window manager).

  x11.py close PID   ask Thaw's window (of process PID) to close, as its close button does:
                     a WM_DELETE_WINDOW message, which GTK turns into a close request
  x11.py state PID   print "viewable" or "unmapped" for that window ("none" if it has none)
  x11.py minimise PID  minimise it as a window manager does (ICCCM 4.1.4: the WM unmaps the
                     window and sets WM_STATE to Iconic; GTK then reports it iconified)
  x11.py restore PID   bring it back from minimised as a window manager does (map, WM_STATE Normal)

Windows are found by the _NET_WM_PID GTK sets, so two Thaws on one display are told apart.
Needs python3-xlib (Debian's python3-xlib, see scripts/setup.sh).
"""

import sys

from Xlib import X, display, protocol


def thaw_window(d, pid):
    """The process's main window: its largest top-level window titled Thaw."""
    net_pid = d.intern_atom("_NET_WM_PID")
    found = []
    for w in d.screen().root.query_tree().children:
        try:
            prop = w.get_full_property(net_pid, X.AnyPropertyType)
            name = w.get_wm_name()
            geometry = w.get_geometry()
        except Exception:
            continue
        if prop and prop.value[0] == pid and name == "Thaw" and geometry.width > 10:
            found.append((geometry.width * geometry.height, w))
    return max(found, key=lambda f: f[0])[1] if found else None


def main():
    command, pid = sys.argv[1], int(sys.argv[2])
    d = display.Display()
    w = thaw_window(d, pid)
    if command == "count":
        net_pid = d.intern_atom("_NET_WM_PID")
        n = 0
        for c in d.screen().root.query_tree().children:
            try:
                prop = c.get_full_property(net_pid, X.AnyPropertyType)
                if prop and prop.value[0] == pid:
                    n += 1
                    print(c.get_wm_name(), c.get_geometry().width, c.get_geometry().height, c.get_attributes().map_state)
            except Exception:
                pass
    elif command == "state":
        if w is None:
            print("none")
        else:
            print("viewable" if w.get_attributes().map_state == X.IsViewable else "unmapped")
    elif command in ("minimise", "restore"):
        if w is None:
            sys.exit("no Thaw window for that process")
        wm_state = d.intern_atom("WM_STATE")
        iconic = command == "minimise"
        w.change_property(wm_state, wm_state, 32, [3 if iconic else 1, 0])
        if iconic:
            w.unmap()
        else:
            w.map()
        d.sync()
    elif command == "close":
        if w is None:
            sys.exit("no Thaw window for that process")
        protocols = d.intern_atom("WM_PROTOCOLS")
        delete = d.intern_atom("WM_DELETE_WINDOW")
        event = protocol.event.ClientMessage(
            window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        w.send_event(event)
        d.flush()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
