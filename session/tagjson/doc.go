// Package tagjson is a Go port of Flask's TaggedJSONSerializer
// (flask/json/tag.py), the JSON dialect of Flask session cookies.
//
// JSON has no tuples, bytes, Markup, UUIDs or datetimes, so Flask wraps
// them in single-key objects whose key is a tag:
//
//	" t"  Tuple      {" t":[1,"two"]}
//	" b"  []byte     {" b":"AAFi..."} (standard base64)
//	" m"  Markup     {" m":"<b>hi</b>"}
//	" u"  UUID       {" u":"cd613e30d8f16adf91b7584a2265b1f5"}
//	" d"  time.Time  {" d":"Sat, 21 Nov 2026 05:30:00 GMT"}
//	" di" a one-key map whose key is itself a tag: {" di":{" t__":...}}
//
// Marshal writes exactly what Flask writes inside an application context:
// compact separators, keys sorted, non-ASCII escaped (ensure_ascii) and
// floats formatted like Python's repr. Unmarshal decodes integers as int64
// (or json.Number when they do not fit), other numbers as float64, objects
// as map[string]any and arrays as []any.
package tagjson
