package cli_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/cli"
)

func TestRequestLog(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"implicit 200", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("x")) },
			`INFO  request method=GET path=/items status=200 duration=\S+`},
		{"no body", func(http.ResponseWriter, *http.Request) {}, `INFO  request method=GET path=/items status=200 duration=\S+`},
		{"404 is a warning", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(404) }, `WARN  request .* status=404 duration=\S+`},
		{"500 is an error", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(500); w.WriteHeader(200) }, `ERROR request .* status=500 duration=\S+`},
		{"499 client disconnect is info", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(499) }, `INFO  request .* status=499 duration=\S+`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			logger := slog.New(cli.NewLogHandler(&buf, slog.LevelInfo))
			h := cli.RequestLog(logger)(tt.handler)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/items?secret=1", nil))
			line := buf.String()
			if !regexp.MustCompile(`^\d\d:\d\d:\d\d ` + tt.want + "\n$").MatchString(line) {
				t.Errorf("log line %q does not match %q", line, tt.want)
			}
			if strings.Contains(line, "secret") {
				t.Error("the query string was logged")
			}
		})
	}
}

func TestLogHandlerFormat(t *testing.T) {
	var buf bytes.Buffer
	h := cli.NewLogHandler(&buf, slog.LevelWarn)
	logger := slog.New(h).With("app", "shop").WithGroup("db")
	logger.Info("hidden")
	logger.Warn("slow query", "sql", "SELECT 1", "ms", 250, slog.Group("pool", "open", 3))
	want := ` WARN  slow query app=shop db.sql="SELECT 1" db.ms=250 db.pool.open=3` + "\n"
	if got := buf.String(); !strings.HasSuffix(got, want) || strings.Count(got, "\n") != 1 {
		t.Errorf("got %q, want suffix %q", got, want)
	}
}

// A panic's stack is printed as lines below its record; any other
// multi-line value (a header, a form field) stays quoted on the record, so
// request data cannot forge log lines.
func TestLogHandlerMultiLineValues(t *testing.T) {
	tests := []struct {
		name  string
		key   string
		lines int // lines the record takes
		want  string
	}{
		{"stack printed as lines", "stack", 3, "\ngoroutine 1 [running]:\nmain.main()\n"},
		{"other value stays quoted", "user_agent", 1, `user_agent="goroutine 1 [running]:\nmain.main()"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			slog.New(cli.NewLogHandler(&buf, slog.LevelInfo)).Error("boom", tt.key, "goroutine 1 [running]:\nmain.main()")
			got := buf.String()
			if !strings.Contains(got, tt.want) || strings.Count(got, "\n") != tt.lines {
				t.Errorf("got %q, want %d lines containing %q", got, tt.lines, tt.want)
			}
		})
	}
}

func TestLogHandlerColour(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(cli.NewLogHandler(&buf, slog.LevelInfo).WithColour(true))
	logger.Error("request", "status", 503)
	logger.Info("request", "status", 201)
	out := buf.String()
	for _, want := range []string{"\x1b[31m\x1b[1mERROR\x1b[0m", "status=\x1b[31m\x1b[1m503\x1b[0m", "status=\x1b[32m201\x1b[0m"} {
		if !strings.Contains(out, want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	buf.Reset()
	slog.New(cli.NewLogHandler(&buf, slog.LevelInfo)).Info("request", "status", 200)
	if strings.Contains(buf.String(), "\x1b[") {
		t.Errorf("colour on a buffer: %q", buf.String())
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cli.IsTerminal(f) || cli.IsTerminal(&bytes.Buffer{}) {
		t.Error("a regular file or a buffer is a terminal")
	}
}

// BenchmarkRequestLog measures the request log beside a bare handler.
func BenchmarkRequestLog(b *testing.B) {
	bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(204) })
	logger := slog.New(cli.NewLogHandler(discardWriter{}, slog.LevelInfo))
	for _, bm := range []struct {
		name string
		h    http.Handler
	}{{"baseline", bare}, {"logged", cli.RequestLog(logger)(bare)}} {
		b.Run(bm.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/", nil)
			w := httptest.NewRecorder()
			b.ReportAllocs()
			for b.Loop() {
				bm.h.ServeHTTP(w, req)
			}
		})
	}
}

type discardWriter struct{}

func (discardWriter) Write(p []byte) (int, error) { return len(p), nil }
