package sign_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/flagon-go/flagon/sign"
)

func clock(unix int64) sign.Option {
	return sign.WithClock(func() time.Time { return time.Unix(unix, 0) })
}

// Flask's session cookie (the token below is what Python ItsDangerous
// produces for the same keys and time): HMAC key derivation, salt "cookie-session",
// fallback keys first and the current key last.
func ExampleNewSerializer() {
	keys := [][]byte{[]byte("old-secret-1"), []byte("s3cr3t-1")}
	s := sign.NewSerializer(keys, "cookie-session", sign.WithKeyDerivation(sign.HMAC), clock(1795239266))
	tok, _ := s.Dumps([]byte(`{"user_id":42}`))
	fmt.Println(tok)
	payload, signed, err := s.Loads(tok, 31*24*time.Hour)
	fmt.Println(string(payload), signed.Unix(), err)
	// Output:
	// eyJ1c2VyX2lkIjo0Mn0.awEtYg.G4oWOM0hNsgX5vwlwMQWMv6pgQw
	// {"user_id":42} 1795239266 <nil>
}

// Flask-WTF CSRF tokens sign the session's raw token with salt
// "wtf-csrf-token" and ItsDangerous' default settings.
func ExampleSerializer_LoadsValue() {
	s := sign.NewSerializer([][]byte{[]byte("s3cr3t-1")}, "wtf-csrf-token", clock(1795239266+3601))
	var raw string
	_, err := s.LoadsValue("IjUxZWY3ZWRhOWU0N2M5YmRiZmI2YjQ5MWUxNTQyNzc5MWIwNTY4ODQi.awEtYg.WAKjSXlpP-h7xqt2t7uov7NYdNE", time.Hour, &raw)
	switch {
	case errors.Is(err, sign.ErrSignatureExpired):
		fmt.Println("The CSRF token has expired.")
	case errors.Is(err, sign.ErrBadSignature):
		fmt.Println("The CSRF token is invalid.")
	}
	// Output: The CSRF token has expired.
}

func ExampleSigner() {
	s := sign.NewSigner([][]byte{[]byte("secret")}, "salt")
	signed := s.Sign([]byte("hello"))
	value, err := s.Unsign(signed)
	fmt.Println(string(value), err)
	_, err = s.Unsign([]byte("hello.forged"))
	fmt.Println(errors.Is(err, sign.ErrBadSignature))
	// Output:
	// hello <nil>
	// true
}

func ExampleTimestampSigner() {
	signedAt := sign.NewTimestampSigner([][]byte{[]byte("secret")}, "salt", clock(1000))
	token := signedAt.Sign([]byte("hello"))
	later := sign.NewTimestampSigner([][]byte{[]byte("secret")}, "salt", clock(1100))
	_, _, err := later.Unsign(token, time.Minute)
	var e *sign.Error
	if errors.As(err, &e) {
		fmt.Println(e.Msg, e.DateSigned.Unix())
	}
	// Output: Signature age 100 > 60 seconds 1000
}

func ExampleCompactJSON() {
	b, _ := sign.CompactJSON(map[string]any{"b": "<é>", "a": []int{1, 2}})
	fmt.Println(string(b))
	// Output: {"a":[1,2],"b":"<é>"}
}
