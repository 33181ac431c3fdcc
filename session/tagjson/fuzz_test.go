package tagjson

import "testing"

func FuzzUnmarshal(f *testing.F) {
	for _, vec := range loadVectors(f) {
		f.Add([]byte(vec.JSON))
	}
	f.Add([]byte(`{" di":{"x":{" b":"AA=="}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Unmarshal(data)
		if err != nil {
			return
		}
		out, err := Marshal(v)
		if err != nil {
			return // e.g. huge floats parsed as infinity
		}
		if _, err := Unmarshal(out); err != nil {
			t.Fatalf("re-decoding %s (from %q): %v", out, data, err)
		}
	})
}
