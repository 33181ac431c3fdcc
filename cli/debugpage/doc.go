// Package debugpage is flagon's debug error page, Werkzeug's debugger
// done the Go way. Installed on an app in debug mode, it answers an
// unhandled error or panic with a page showing the error and its wrapped
// chain, the goroutine stack with the source of the application's frames
// (library and runtime frames folded), the request, the configuration with
// secrets masked, the panels extensions add (AddPanel) and a plain-text
// traceback to copy.
//
// The page is never shown unless DEBUG is on, and only to requests whose
// Host header names this machine (localhost, 127.0.0.1, [::1]), as
// Werkzeug does since CVE-2024-34069; DEBUGGER_TRUSTED_HOSTS replaces
// that list. Requests to Prefix from other hosts get a 400.
//
// The interactive part is protected by a PIN printed in the terminal:
// once it is entered, the page shows the values captured at the failure
// (route parameters, g, query and form values, the error chain's fields)
// and runs read-only SQL through the consoles extensions register
// (AddConsole). Ten wrong PINs lock it until the server restarts.
// FLAGON_DEBUG_PIN sets the PIN, or disables it with "off", read as
// Werkzeug reads WERKZEUG_DEBUG_PIN (ParsePIN).
package debugpage
