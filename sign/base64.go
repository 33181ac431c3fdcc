package sign

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
)

// EncodeBase64 encodes b as URL-safe base64 without padding, like
// itsdangerous.base64_encode.
func EncodeBase64(b []byte) []byte {
	out := make([]byte, base64.RawURLEncoding.EncodedLen(len(b)))
	base64.RawURLEncoding.Encode(out, b)
	return out
}

// DecodeBase64 decodes URL-safe base64 with or without padding, like
// itsdangerous.base64_decode, except that characters outside the alphabet
// are rejected where Python skips them. Errors match ErrBadData.
func DecodeBase64(s []byte) ([]byte, error) {
	s = bytes.TrimRight(s, "=")
	out := make([]byte, base64.RawURLEncoding.DecodedLen(len(s)))
	n, err := base64.RawURLEncoding.Decode(out, s)
	if err != nil {
		return nil, &Error{Kind: ErrBadData, Msg: "Invalid base64-encoded data", Err: err}
	}
	return out[:n], nil
}

// intToBytes is itsdangerous.int_to_bytes: big-endian, leading zeros
// stripped.
func intToBytes(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return bytes.TrimLeft(b[:], "\x00")
}

// bytesToInt is itsdangerous.bytes_to_int; ok is false for more than
// eight bytes.
func bytesToInt(b []byte) (n uint64, ok bool) {
	if len(b) > 8 {
		return 0, false
	}
	for _, c := range b {
		n = n<<8 | uint64(c)
	}
	return n, true
}
