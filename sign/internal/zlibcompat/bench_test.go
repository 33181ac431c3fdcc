package zlibcompat

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"
)

var benchInput = []byte(`{"_flashes":[{" t":["message","Product created"]},{" t":["error","Name is required"]}],"_fresh":true,"_user_id":"42","csrf_token":"51ef7eda9e47c9bdbfb6b491e15427791b056884"}`)

// BenchmarkGoZlib is the baseline: compress/zlib at the default level with
// a reused writer.
func BenchmarkGoZlib(b *testing.B) {
	zw := zlib.NewWriter(io.Discard)
	for b.Loop() {
		var buf bytes.Buffer
		zw.Reset(&buf)
		zw.Write(benchInput)
		zw.Close()
	}
}

func BenchmarkCompress(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Compress(benchInput)
	}
}

func FuzzCompressRoundTrip(f *testing.F) {
	f.Add(benchInput)
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, ok := Compress(in)
		if !ok {
			return
		}
		r, err := zlib.NewReader(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		back, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(back, in) {
			t.Fatalf("round trip of %q failed: %v", in, err)
		}
	})
}
