package flagon_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
)

// A client that disconnects mid-request (its context is canceled) is
// logged at INFO as a client disconnect with status 499, not as an ERROR
// with a 500, and no error handler or got_request_exception sees it. An
// error wrapping context.Canceled while the client is still there stays
// a 500.
func TestClientDisconnectIsNotAnError(t *testing.T) {
	tests := []struct {
		name       string
		cancel     bool
		wantStatus int
		wantLog    string
	}{
		{"client gone", true, 499, `level=INFO msg="client disconnected" method=GET path=/slow status=499`},
		{"canceled but client still there", false, 500, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
			app.Get("/slow", func(c *flagon.Ctx) error {
				return fmt.Errorf("query products: %w", context.Canceled)
			})
			handled := 0
			app.ErrorHandler(http.StatusInternalServerError, func(c *flagon.Ctx, err error) error {
				handled++
				return c.Status(500).Text("oops")
			})
			ctx, cancel := context.WithCancel(context.Background())
			if tt.cancel {
				cancel()
			} else {
				defer cancel()
			}
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", "/slow", nil).WithContext(ctx))
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("log %q lacks %q", logs.String(), tt.wantLog)
			}
			if !tt.cancel && (handled != 1 || strings.Contains(logs.String(), "disconnected")) {
				t.Errorf("an error while the client is there: handler ran %d times, log %q", handled, logs.String())
			}
			if tt.cancel && (handled != 0 || strings.Contains(logs.String(), "ERROR")) {
				t.Errorf("a disconnect was handled as an error: handler ran %d times, log %q", handled, logs.String())
			}
		})
	}
}
