package security

import (
	"encoding/hex"
	"strings"
	"testing"
)

func unhex(s string) []byte {
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		panic(err)
	}
	return b
}

// TestScryptRFC7914 checks the scrypt test vectors of RFC 7914 section 12
// (all but the 1 GiB one).
func TestScryptRFC7914(t *testing.T) {
	tests := []struct {
		password, salt string
		N, r, p        int
		want           string
	}{
		{"", "", 16, 1, 1, `77 d6 57 62 38 65 7b 20 3b 19 ca 42 c1 8a 04 97
			f1 6b 48 44 e3 07 4a e8 df df fa 3f ed e2 14 42
			fc d0 06 9d ed 09 48 f8 32 6a 75 3a 0f c8 1f 17
			e8 d3 e0 fb 2e 0d 36 28 cf 35 e2 0c 38 d1 89 06`},
		{"password", "NaCl", 1024, 8, 16, `fd ba be 1c 9d 34 72 00 78 56 e7 19 0d 01 e9 fe
			7c 6a d7 cb c8 23 78 30 e7 73 76 63 4b 37 31 62
			2e af 30 d9 2e 22 a3 88 6f f1 09 27 9d 98 30 da
			c7 27 af b9 4a 83 ee 6d 83 60 cb df a2 cc 06 40`},
		{"pleaseletmein", "SodiumChloride", 16384, 8, 1, `70 23 bd cb 3a fd 73 48 46 1c 06 cd 81 fd 38 eb
			fd a8 fb ba 90 4f 8e 3e a9 b5 43 f6 54 5d a1 f2
			d5 43 29 55 61 3f 0f cf 62 d4 97 05 24 2a 9a f9
			e6 1e 85 dc 0d 65 1e 40 df cf 01 7b 45 57 58 87`},
	}
	for _, tt := range tests {
		t.Run(tt.password, func(t *testing.T) {
			got, err := Scrypt([]byte(tt.password), []byte(tt.salt), tt.N, tt.r, tt.p, 64)
			if err != nil {
				t.Fatal(err)
			}
			if want := unhex(tt.want); hex.EncodeToString(got) != hex.EncodeToString(want) {
				t.Fatalf("Scrypt = %x\nwant %x", got, want)
			}
		})
	}
}

func TestScryptRejectsBadParameters(t *testing.T) {
	tests := []struct {
		name          string
		N, r, p, klen int
	}{
		{"N not a power of two", 1000, 8, 1, 64},
		{"N one", 1, 8, 1, 64},
		{"N zero", 0, 8, 1, 64},
		{"r zero", 16, 0, 1, 64},
		{"p negative", 16, 1, -1, 64},
		{"r*p too big", 16, 1 << 15, 1 << 15, 64},
		{"too much memory", 1 << 30, 8, 1, 64},
		{"too much work", 1 << 20, 8, 4, 64},
		{"no key", 16, 1, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Scrypt(nil, nil, tt.N, tt.r, tt.p, tt.klen); err == nil {
				t.Fatal("no error")
			}
		})
	}
}
