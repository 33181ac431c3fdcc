package session

import (
	"net/http"
	"strings"
)

// addVary adds value to the Vary header unless it is already listed
// (case-insensitively), like Werkzeug's response.vary.add.
func addVary(h http.Header, value string) {
	for _, line := range h.Values("Vary") {
		for _, v := range strings.Split(line, ",") {
			if v = strings.TrimSpace(v); strings.EqualFold(v, value) || v == "*" {
				return
			}
		}
	}
	if cur := h.Get("Vary"); cur != "" && len(h.Values("Vary")) == 1 {
		h.Set("Vary", cur+", "+value)
		return
	}
	h.Add("Vary", value)
}
