package zlibcompat

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"io"
	"os"
	"testing"
)

type vector struct{ In, Out []byte }

func loadVectors(t testing.TB) []vector {
	b, err := os.ReadFile("testdata/zlib-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Cases []vector }
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v.Cases
}

// TestMatchesCZlib compares Compress with C zlib's output for inputs of
// many shapes and sizes (see testdata/gen_vectors.py).
func TestMatchesCZlib(t *testing.T) {
	failed := 0
	for i, v := range loadVectors(t) {
		got, ok := Compress(v.In)
		if !ok || !bytes.Equal(got, v.Out) {
			failed++
			if failed <= 5 {
				t.Errorf("case %d (%d bytes): got %d bytes, want %d", i, len(v.In), len(got), len(v.Out))
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d cases differ", failed)
	}
}

func TestOutputDecompresses(t *testing.T) {
	for _, in := range [][]byte{[]byte("hello hello hello"), bytes.Repeat([]byte("ab"), 5000), {0}} {
		out, ok := Compress(in)
		if !ok {
			t.Fatal("refused")
		}
		r, err := zlib.NewReader(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		back, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(back, in) {
			t.Fatalf("round trip failed: %v", err)
		}
	}
}

func TestRefusesLargeInput(t *testing.T) {
	if _, ok := Compress(make([]byte, MaxInput+1)); ok {
		t.Fatal("accepted input over MaxInput")
	}
}
