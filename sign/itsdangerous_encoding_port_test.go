package sign

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// Ports of ItsDangerous tests/test_itsdangerous/test_encoding.py.

func TestBase64Port(t *testing.T) {
	for _, v := range []string{"無限", "infinite"} {
		t.Run("test_base64/"+v, func(t *testing.T) {
			dec, err := DecodeBase64(EncodeBase64([]byte(v)))
			if err != nil || string(dec) != v {
				t.Errorf("round trip = %q, %v", dec, err)
			}
		})
	}
	t.Run("test_base64_bad", func(t *testing.T) {
		if _, err := DecodeBase64([]byte("12345")); !errors.Is(err, ErrBadData) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestIntBytesPort(t *testing.T) {
	cases := []struct {
		value  uint64
		expect string
	}{
		{0, ""},
		{192, "\xc0"},
		{18446744073709551615, strings.Repeat("\xff", 8)},
	}
	for _, tc := range cases {
		t.Run("test_int_bytes", func(t *testing.T) {
			enc := intToBytes(tc.value)
			if !bytes.Equal(enc, []byte(tc.expect)) {
				t.Errorf("intToBytes(%d) = %q", tc.value, enc)
			}
			if dec, ok := bytesToInt(enc); !ok || dec != tc.value {
				t.Errorf("bytesToInt = %d, %v", dec, ok)
			}
		})
	}
}
