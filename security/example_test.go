package security_test

import (
	"fmt"

	"github.com/flagon-go/flagon/security"
)

func ExampleCheckPasswordHash() {
	// A hash made by Werkzeug's generate_password_hash.
	const h = "pbkdf2:sha1:1000$HjX9O7K0KcS88tCe$08c02a43be2e0ebed2ebcd39cfa85f9c65cdac98"
	fmt.Println(security.CheckPasswordHash(h, "correct horse"))
	fmt.Println(security.CheckPasswordHash(h, "wrong horse"))
	// Output:
	// true
	// false
}

func ExampleGeneratePasswordHash() {
	h, err := security.GeneratePasswordHash("correct horse", "scrypt:16384:8:1", 16)
	fmt.Println(h[:17], len(h), err)
	fmt.Println(security.CheckPasswordHash(h, "correct horse"))
	// Output:
	// scrypt:16384:8:1$ 162 <nil>
	// true
}

func ExampleScrypt() {
	key, _ := security.Scrypt([]byte("password"), []byte("NaCl"), 1024, 8, 16, 16)
	fmt.Printf("%x\n", key)
	// Output: fdbabe1c9d3472007856e7190d01e9fe
}
