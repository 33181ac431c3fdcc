package sign

import (
	"crypto/hmac"
	"crypto/sha1"
	"testing"
)

var benchPayload = []byte(`{"_fresh":true,"_user_id":"42","csrf_token":"51ef7eda9e47c9bdbfb6b491e15427791b056884"}`)

// BenchmarkHMACSHA1 is the baseline: one raw HMAC-SHA1 of the payload.
func BenchmarkHMACSHA1(b *testing.B) {
	for b.Loop() {
		m := hmac.New(sha1.New, []byte("key"))
		m.Write(benchPayload)
		m.Sum(nil)
	}
}

func BenchmarkDumps(b *testing.B) {
	s := NewSerializer([][]byte{[]byte("key")}, "cookie-session", WithKeyDerivation(HMAC))
	for b.Loop() {
		if _, err := s.Dumps(benchPayload); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoads(b *testing.B) {
	s := NewSerializer([][]byte{[]byte("key")}, "cookie-session", WithKeyDerivation(HMAC))
	tok, _ := s.Dumps(benchPayload)
	for b.Loop() {
		if _, _, err := s.Loads(tok, 0); err != nil {
			b.Fatal(err)
		}
	}
}
