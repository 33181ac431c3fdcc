package debugpage

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestParseStack(t *testing.T) {
	stack := "goroutine 7 [running]:\n" +
		"runtime/debug.Stack()\n\t/go/src/runtime/debug/stack.go:26 +0x5e\n" +
		"github.com/flagon-go/flagon.protect.func1()\n\t/src/flagon/dispatch.go:53 +0x72\n" +
		"panic({0x92ce60?, 0x3bb6f665cb90?})\n\t/go/src/runtime/panic.go:860 +0x13a\n" +
		"main.handler(0x1)\n\t/src/app/main.go:12 +0x25\n" +
		"example.com/shop/store.(*Store).Get(...)\n\t/src/app/store/store.go:40\n" +
		"github.com/lib/pq.(*conn).query(0x1)\n\t/root/go/pkg/mod/github.com/lib/pq@v1.10.0/conn.go:80 +0x1\n" +
		"...additional frames elided...\n" +
		"created by net/http.(*Server).Serve in goroutine 1\n\t/go/src/net/http/server.go:3454 +0x485\n"
	frames := parseStack(stack)
	want := []struct {
		fn   string
		line int
		app  bool
	}{
		{"main.handler", 12, true},
		{"example.com/shop/store.(*Store).Get", 40, true},
		{"github.com/lib/pq.(*conn).query", 80, false},
		{"net/http.(*Server).Serve", 3454, false},
	}
	if len(frames) != len(want) {
		t.Fatalf("%d frames: %+v", len(frames), frames)
	}
	for i, w := range want {
		f := frames[i]
		if f.Func != w.fn || f.Line != w.line || f.App != w.app {
			t.Errorf("frame %d = %s:%d app=%v, want %s:%d app=%v", i, f.Func, f.Line, f.App, w.fn, w.line, w.app)
		}
	}
}

func TestParseRealStack(t *testing.T) {
	frames := parseStack(string(debug.Stack()))
	if len(frames) == 0 || !strings.HasPrefix(frames[0].Func, "runtime/debug.Stack") || frames[0].App {
		t.Errorf("frames %+v", frames)
	}
	var sawTest bool
	for _, f := range frames {
		sawTest = sawTest || (f.App && strings.HasSuffix(f.Func, "TestParseRealStack"))
	}
	if !sawTest {
		t.Error("the test function is not an application frame")
	}
}

func FuzzParseStack(f *testing.F) {
	f.Add(string(debug.Stack()))
	f.Add("goroutine 1 [running]:\nmain.main()\n\t/x.go:1 +0x1\n")
	f.Add("panic(\n\t:\n\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fr := range parseStack(s) {
			if fr.Line < 0 {
				t.Errorf("negative line in %+v", fr)
			}
		}
	})
}

func FuzzParseBuildErrors(f *testing.F) {
	f.Add("./main.go:3:9: undefined: y\n")
	f.Add("# pkg\nmain.go:1: x\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range ParseBuildErrors(t.TempDir(), s) {
			if e.Message == "" || e.File == "" {
				t.Errorf("empty error %+v from %q", e, s)
			}
		}
	})
}
