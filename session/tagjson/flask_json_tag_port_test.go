package tagjson

import (
	"crypto/rand"
	"reflect"
	"testing"
	"time"
)

// Port of test_dump_load_unchanged (Flask tests/test_json_tag.py): each
// value survives Marshal then Unmarshal, and Marshal writes what Flask
// 3.1's TaggedJSONSerializer.dumps writes for it (fixed UUID and date in
// place of uuid4() and now()). Flask's custom tags (test_custom_tag,
// test_duplicate_tag, test_tag_order, test_tag_interface) have no Go
// equivalent, see docs/sessions.md.
func TestDumpLoadUnchanged(t *testing.T) {
	tuple := Tuple{int64(1), int64(2), int64(3)}
	cases := []struct {
		name  string
		data  any
		flask string
	}{
		{"tuple under tag key", map[string]any{" t": tuple}, `{" di":{" t__":{" t":[1,2,3]}}}`},
		{"bytes under tag__ key", map[string]any{" t__": []byte("a")}, `{" t__":{" b":"YQ=="}}`},
		{"di under di key", map[string]any{" di": " di"}, `{" di":{" di__":" di"}}`},
		{"tuple in dict", map[string]any{"x": tuple, "y": int64(4)}, `{"x":{" t":[1,2,3]},"y":4}`},
		{"tuple", tuple, `{" t":[1,2,3]}`},
		{"list of tuple", []any{tuple}, `[{" t":[1,2,3]}]`},
		{"bytes", []byte("\xff"), `{" b":"/w=="}`},
		{"markup", Markup("<html>"), `{" m":"<html>"}`},
		{"uuid", mustUUID("0f8fad5b-d9cb-469f-a165-70867728950e"), `{" u":"0f8fad5bd9cb469fa16570867728950e"}`},
		{"datetime", time.Date(2026, 12, 3, 19, 58, 7, 0, time.UTC), `{" d":"Thu, 03 Dec 2026 19:58:07 GMT"}`},
		{"ensure_ascii", map[string]any{"é": "ü\u2028", "f": 1.5e-7}, `{"f":1.5e-07,"\u00e9":"\u00fc\u2028"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Marshal(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.flask {
				t.Errorf("Marshal = %s, Flask writes %s", b, tc.flask)
			}
			got, err := Unmarshal(b)
			if err != nil || !reflect.DeepEqual(got, tc.data) {
				t.Errorf("Unmarshal = %#v, %v; want %#v", got, err, tc.data)
			}
		})
	}
}

// The random cases of test_dump_load_unchanged: uuid4() and now() with
// the microseconds dropped.
func TestDumpLoadUnchangedRandom(t *testing.T) {
	var u UUID
	rand.Read(u[:])
	now := time.Now().UTC().Truncate(time.Second)
	for _, v := range []any{u, now} {
		b, err := Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Unmarshal(b); err != nil || !reflect.DeepEqual(got, v) {
			t.Errorf("%s: Unmarshal = %#v, %v; want %#v", b, got, err, v)
		}
	}
}
