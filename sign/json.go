package sign

import (
	"bytes"
	"encoding/json"
)

// CompactJSON marshals v like ItsDangerous' default serializer,
// json.dumps(v, separators=(",", ":"), ensure_ascii=False): no spaces, no
// HTML escaping, non-ASCII text left as UTF-8 (including U+2028 and
// U+2029). Map keys are sorted, as encoding/json always does.
func CompactJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return unescapeLineSeparators(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// unescapeLineSeparators turns encoding/json's \u2028 and \u2029 escapes
// back into UTF-8, skipping escaped backslashes.
func unescapeLineSeparators(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u202`)) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		if rest := b[i:]; len(rest) >= 6 && bytes.HasPrefix(rest, []byte(`\u202`)) && (rest[5] == '8' || rest[5] == '9') {
			out = append(out, 0xe2, 0x80, 0xa8+rest[5]-'8')
			i += 5
			continue
		}
		out = append(out, b[i], b[i+1])
		i++
	}
	return out
}
