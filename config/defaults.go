package config

import "time"

// Defaults returns a new map of Flask 3.1's default configuration. Keys whose
// Flask default is None map to nil; durations are time.Duration.
func Defaults() map[string]any {
	return map[string]any{
		"DEBUG":                      false,
		"TESTING":                    false,
		"PROPAGATE_EXCEPTIONS":       nil,
		"SECRET_KEY":                 nil,
		"SECRET_KEY_FALLBACKS":       nil,
		"PERMANENT_SESSION_LIFETIME": 31 * 24 * time.Hour,
		"USE_X_SENDFILE":             false,
		"TRUSTED_HOSTS":              nil,
		"SERVER_NAME":                nil,
		"APPLICATION_ROOT":           "/",
		"SESSION_COOKIE_NAME":        "session",
		"SESSION_COOKIE_DOMAIN":      nil,
		"SESSION_COOKIE_PATH":        nil,
		"SESSION_COOKIE_HTTPONLY":    true,
		"SESSION_COOKIE_SECURE":      false,
		"SESSION_COOKIE_PARTITIONED": false,
		// Flask's default is None (no SameSite attribute); flagon chooses
		// Lax, which browsers apply anyway and which blocks most CSRF.
		"SESSION_COOKIE_SAMESITE":      "Lax",
		"SESSION_REFRESH_EACH_REQUEST": true,
		"MAX_CONTENT_LENGTH":           nil,
		"MAX_FORM_MEMORY_SIZE":         500_000,
		"MAX_FORM_PARTS":               1_000,
		"SEND_FILE_MAX_AGE_DEFAULT":    nil,
		"TRAP_BAD_REQUEST_ERRORS":      nil,
		"TRAP_HTTP_EXCEPTIONS":         false,
		"EXPLAIN_TEMPLATE_LOADING":     false,
		"PREFERRED_URL_SCHEME":         "http",
		"TEMPLATES_AUTO_RELOAD":        nil,
		"MAX_COOKIE_SIZE":              4093,
		"PROVIDE_AUTOMATIC_OPTIONS":    true,
	}
}
