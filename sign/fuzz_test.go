package sign

import (
	"testing"
	"time"
)

func FuzzLoads(f *testing.F) {
	v := loadFlask(f)
	for _, c := range v.Sessions {
		f.Add(c.Cookie)
	}
	for _, tok := range v.Tampered {
		f.Add(tok)
	}
	s := v.sessionSerializer(v.keys(), v.GeneratedAt)
	unchecked := NewSerializer([][]byte{[]byte("k")}, "", WithKeyDerivation(NoDerivation))
	f.Fuzz(func(t *testing.T, tok string) {
		payload, _, err := s.Loads(tok, time.Hour)
		if err == nil && len(payload) == 0 {
			t.Fatal("nil error with empty payload")
		}
		// Sign the fuzzed body so that payload decoding is reached too.
		signed := string(unchecked.TimestampSigner().Sign([]byte(tok)))
		unchecked.Loads(signed, 0)
	})
}
