package tagjson_test

import (
	"fmt"

	"github.com/flagon-go/flagon/session/tagjson"
)

func ExampleMarshal() {
	b, _ := tagjson.Marshal(map[string]any{
		"user_id":  42,
		"_flashes": []any{tagjson.Tuple{"message", "Créé"}},
		"raw":      []byte("\x00\x01"),
	})
	fmt.Println(string(b))
	// Output: {"_flashes":[{" t":["message","Cr\u00e9\u00e9"]}],"raw":{" b":"AAE="},"user_id":42}
}

func ExampleUnmarshal() {
	v, _ := tagjson.Unmarshal([]byte(`{"t":{" t":[1,"two"]},"n":1.5}`))
	m := v.(map[string]any)
	fmt.Printf("%#v %#v\n", m["t"], m["n"])
	// Output: tagjson.Tuple{1, "two"} 1.5
}
