package cli

import (
	"fmt"
	"io"
)

// banner is what `run` prints at start, in Werkzeug's words.
type banner struct {
	debug    bool
	url      string
	reloader string // "" without the reloader
	pin      string // "" without the debugger; "off" without a PIN
	remote   bool
}

func (b *banner) write(w io.Writer) {
	mode := "off"
	if b.debug {
		mode = "on"
	}
	fmt.Fprintf(w, " * Debug mode: %s\n", mode)
	if b.remote {
		fmt.Fprintln(w, "WARNING: the debugger is reachable from other machines; anyone with the PIN can read the app's data.")
	}
	fmt.Fprintf(w, " * Running on %s\n", b.url)
	fmt.Fprintln(w, "Press CTRL+C to quit")
	if b.reloader != "" {
		fmt.Fprintf(w, " * Restarting with %s\n", b.reloader)
	}
	switch b.pin {
	case "":
	case "off":
		fmt.Fprintln(w, " * Debugger is active!")
		fmt.Fprintln(w, " * Debugger PIN disabled. DEBUGGER UNSECURED!")
	default:
		fmt.Fprintln(w, " * Debugger is active!")
		fmt.Fprintf(w, " * Debugger PIN: %s\n", b.pin)
	}
}
