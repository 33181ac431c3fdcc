package flagon

import "testing"

// requestConfig is derived once per config version: the session values
// come from it without a config lookup while the config is unchanged.
func TestRequestConfigCachedPerVersion(t *testing.T) {
	tests := []struct {
		name        string
		set         map[string]any
		wantName    string
		wantRefresh bool
	}{
		{"defaults", nil, "session", true},
		{"set", map[string]any{"SESSION_COOKIE_NAME": "sid", "SESSION_REFRESH_EACH_REQUEST": false}, "sid", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := New()
			first := a.requestConfig()
			if a.requestConfig() != first {
				t.Fatal("unchanged config derived again")
			}
			for k, v := range tt.set {
				a.Config.Set(k, v)
			}
			rc := a.requestConfig()
			if len(tt.set) > 0 && rc == first {
				t.Fatal("changed config not derived again")
			}
			if rc.sessionCookieName != tt.wantName || rc.sessionRefresh != tt.wantRefresh {
				t.Fatalf("got %q %v, want %q %v", rc.sessionCookieName, rc.sessionRefresh, tt.wantName, tt.wantRefresh)
			}
			if rc.sessions != nil {
				t.Fatal("session interface built before first use")
			}
			if a.sessionInterface() != a.sessionInterface() {
				t.Fatal("session interface built twice for one config version")
			}
		})
	}
}
