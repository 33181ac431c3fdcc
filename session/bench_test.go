package session

import (
	"encoding/json"
	"testing"
)

func benchData() map[string]any {
	return map[string]any{
		"_fresh": true, "_user_id": "42", "csrf_token": "51ef7eda9e47c9bdbfb6b491e15427791b056884",
		"cart": []any{int64(1), int64(2), int64(3)}, "_flashes": []any{Tuple{"message", "Product created"}},
	}
}

// BenchmarkJSONMarshal is the baseline for BenchmarkEncode: plain
// encoding/json of similar data, without tags, signing or base64.
func BenchmarkJSONMarshal(b *testing.B) {
	data := benchData()
	data["_flashes"] = []any{[]any{"message", "Product created"}}
	for b.Loop() {
		if _, err := json.Marshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	c := NewCodec([]byte("secret"), nil, nil)
	data := benchData()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Encode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONUnmarshal is the baseline for BenchmarkDecode.
func BenchmarkJSONUnmarshal(b *testing.B) {
	raw, _ := json.Marshal(benchData())
	for b.Loop() {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	c := NewCodec([]byte("secret"), nil, nil)
	tok, _ := c.Encode(benchData())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Decode(tok, 0); err != nil {
			b.Fatal(err)
		}
	}
}
