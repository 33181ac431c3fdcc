// Package session implements Flask's signed cookie session
// (SecureCookieSessionInterface) and message flashing, byte-compatible with
// Flask: a cookie written by Flask opens here and a cookie written here
// opens in Flask, given the same secret key.
//
// The web core opens a *Session at the start of a request with
// Interface.Open and saves it with Interface.Save before the response
// headers are written. Session values use the Go types of package tagjson:
// map[string]any, []any, Tuple, []byte, Markup, UUID, time.Time, string,
// bool, nil, int64 and float64.
package session
