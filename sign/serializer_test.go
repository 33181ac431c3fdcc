package sign

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

const flaskLifetime = 31 * 24 * time.Hour

func TestLoadsFlaskSessionCookies(t *testing.T) {
	v := loadFlask(t)
	s := v.sessionSerializer(v.keys(), v.GeneratedAt)
	cookies := append(v.Sessions, v.WithFallback...)
	for _, c := range cookies {
		payload, ts, err := s.Loads(c.Cookie, flaskLifetime)
		if err != nil {
			t.Errorf("Loads(%.30s): %v", c.Cookie, err)
			continue
		}
		if len(payload) == 0 || payload[0] != '{' {
			t.Errorf("Loads(%.30s) payload = %q, want a JSON object", c.Cookie, payload)
		}
		if age := v.GeneratedAt - ts.Unix(); age < 0 || age > 60 {
			t.Errorf("Loads(%.30s) timestamp %v is %ds from generated_at", c.Cookie, ts, age)
		}
	}
}

func TestLoadsFallbackNeedsOldKey(t *testing.T) {
	v := loadFlask(t)
	current := v.sessionSerializer([][]byte{[]byte(v.SecretKey)}, v.GeneratedAt)
	_, _, err := current.Loads(v.WithFallback[0].Cookie, flaskLifetime)
	if !errors.Is(err, ErrBadSignature) {
		t.Fatalf("without fallback: err = %v, want ErrBadSignature", err)
	}
	all := v.sessionSerializer(v.keys(), v.GeneratedAt)
	if _, _, err := all.Loads(v.WithFallback[0].Cookie, flaskLifetime); err != nil {
		t.Fatalf("with fallback: %v", err)
	}
}

func TestLoadsTamperedCookies(t *testing.T) {
	v := loadFlask(t)
	s := v.sessionSerializer(v.keys(), v.GeneratedAt)
	for _, tok := range v.Tampered {
		_, _, err := s.Loads(tok, flaskLifetime)
		if !errors.Is(err, ErrBadSignature) {
			t.Errorf("Loads(%.40q) err = %v, want ErrBadSignature", tok, err)
		}
	}
}

func TestLoadsAgeChecks(t *testing.T) {
	v := loadFlask(t)
	cookie := v.Sessions[2].Cookie
	signedAt := int64(1795239266)
	tests := []struct {
		name    string
		now     int64
		maxAge  time.Duration
		expired bool
	}{
		{"fresh", v.GeneratedAt, flaskLifetime, false},
		{"exactly max age", signedAt + 31*86400, flaskLifetime, false},
		{"one second past", signedAt + 31*86400 + 1, flaskLifetime, true},
		{"signed in the future", signedAt - 1, flaskLifetime, true},
		{"no age check", signedAt + 10*365*86400, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := v.sessionSerializer(v.keys(), tt.now).Loads(cookie, tt.maxAge)
			if got := errors.Is(err, ErrSignatureExpired); got != tt.expired {
				t.Fatalf("expired = %v (err %v), want %v", got, err, tt.expired)
			}
			var e *Error
			if tt.expired && (!errors.As(err, &e) || e.DateSigned.Unix() != signedAt || len(e.Payload) == 0) {
				t.Fatalf("expired error lacks date/payload: %#v", e)
			}
		})
	}
}

func TestDumpsMatchesFlaskCookies(t *testing.T) {
	v := loadFlask(t)
	for _, c := range v.Sessions {
		s := v.sessionSerializer(v.keys(), v.GeneratedAt)
		payload, ts, err := s.Loads(c.Cookie, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, err := v.sessionSerializer(v.keys(), ts.Unix()).Dumps(payload)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.Cookie {
			t.Errorf("Dumps = %s\n         want %s", got, c.Cookie)
		}
	}
}

// TestLargePayloadRoundTrip covers payloads beyond zlibcompat.MaxInput,
// which are compressed with compress/zlib.
func TestLargePayloadRoundTrip(t *testing.T) {
	payload := []byte(`"` + strings.Repeat("abc", 10000) + `"`)
	s := NewSerializer([][]byte{[]byte("k")}, "x")
	tok, err := s.Dumps(payload)
	if err != nil || tok[0] != '.' || len(tok) > 1000 {
		t.Fatalf("Dumps = %.40s... (%d bytes), %v; want a short compressed token", tok, len(tok), err)
	}
	got, _, err := s.Loads(tok, 0)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("Loads: %v", err)
	}
}

func TestSerializerMatchesItsDangerous(t *testing.T) {
	var v struct {
		Timestamp   int64
		Secrets     []string
		Salt        string `json:"serializer_salt"`
		Serializers []struct {
			Payload any
			JSON    string
			Token   string
		}
	}
	loadJSON(t, "testdata/itsdangerous-vectors.json", &v)
	s := NewSerializer(bytesList(v.Secrets), v.Salt, WithClock(fixedClock(v.Timestamp)))
	for _, vec := range v.Serializers {
		got, _, err := s.Loads(vec.Token, time.Minute)
		if err != nil || string(got) != vec.JSON {
			t.Errorf("Loads(%s) = %s, %v; want %s", vec.Token, got, err, vec.JSON)
		}
		tok, err := s.Dumps([]byte(vec.JSON))
		if err != nil {
			t.Fatal(err)
		}
		if tok != vec.Token {
			t.Errorf("Dumps(%s) = %s, want %s", vec.JSON, tok, vec.Token)
		}
	}
}

func bytesList(ss []string) [][]byte {
	var out [][]byte
	for _, s := range ss {
		out = append(out, []byte(s))
	}
	return out
}

func TestLoadsBadPayload(t *testing.T) {
	keys := [][]byte{[]byte("k")}
	ts := NewTimestampSigner(keys, "x")
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	io.WriteString(zw, "not json")
	zw.Close()
	tests := []struct{ name, body string }{
		{"bad base64", "!!!"},
		{"bad zlib", ".AAAA"},
		{"not json", string(EncodeBase64([]byte("not json")))},
		{"compressed not json", "." + string(EncodeBase64(z.Bytes()))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := string(ts.Sign([]byte(tt.body)))
			_, _, err := NewSerializer(keys, "x").Loads(tok, 0)
			if !errors.Is(err, ErrBadPayload) || errors.Is(err, ErrBadSignature) {
				t.Fatalf("err = %v, want ErrBadPayload only", err)
			}
		})
	}
}

func TestDumpsRejectsInvalidJSON(t *testing.T) {
	_, err := NewSerializer([][]byte{[]byte("k")}, "x").Dumps([]byte("{"))
	if !errors.Is(err, ErrBadPayload) {
		t.Fatalf("err = %v, want ErrBadPayload", err)
	}
}

func TestSignsWithNewestKey(t *testing.T) {
	old, cur := []byte("old"), []byte("new")
	tok, err := NewSerializer([][]byte{old, cur}, "s").DumpsValue("x")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := NewSerializer([][]byte{cur}, "s").Loads(tok, 0); err != nil {
		t.Errorf("token not signed with newest (last) key: %v", err)
	}
	if _, _, err := NewSerializer([][]byte{old}, "s").Loads(tok, 0); err == nil {
		t.Error("token verified with the old key alone")
	}
}

// TestLoadsBoundsDecompressedSize signs compressed JSON strings around the
// 16 MiB decompression limit: a zip bomb is refused however valid its JSON.
func TestLoadsBoundsDecompressedSize(t *testing.T) {
	keys := [][]byte{[]byte("k")}
	ts := NewTimestampSigner(keys, "x")
	tests := []struct {
		name    string
		size    int // of the decompressed JSON
		wantErr bool
	}{
		{"at the limit", maxPayload, false},
		{"one byte over", maxPayload + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var z bytes.Buffer
			zw := zlib.NewWriter(&z)
			io.WriteString(zw, `"`+strings.Repeat("a", tt.size-2)+`"`)
			zw.Close()
			tok := string(ts.Sign([]byte("." + string(EncodeBase64(z.Bytes())))))
			got, _, err := NewSerializer(keys, "x").Loads(tok, 0)
			if tt.wantErr {
				var e *Error
				if !errors.As(err, &e) || e.Kind != ErrBadPayload || !strings.Contains(e.Msg, "decompress") {
					t.Fatalf("err = %v, want ErrBadPayload from decompression", err)
				}
				return
			}
			if err != nil || len(got) != tt.size {
				t.Fatalf("Loads = %d bytes, %v; want %d bytes", len(got), err, tt.size)
			}
		})
	}
}
