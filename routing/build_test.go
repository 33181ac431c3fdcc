package routing

import (
	"errors"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	rules := []spec{
		"- / index",
		"- /post/<int:id> post",
		"- /user/<name> user",
		"- /files/<path:p> files",
		"- /s/<string(length=2):code> code",
		"- /page/ page",
		"- /page/<int:n> page",
		"GET /item/<int:id> item",
		"POST /item/new item",
		"- /v/<uuid:u> uuid",
		"- /f/<float:f> float",
		"- /hello_world/<a> static_escape",
		"- /doc/<name>.json doc",
	}
	tests := []struct {
		name     string
		endpoint string
		values   map[string]any
		method   string
		want     string // path?query, or "error: reason"
	}{
		{"root", "index", nil, "", "/"},
		{"int", "post", map[string]any{"id": 42}, "", "/post/42"},
		{"int from string", "post", map[string]any{"id": "42"}, "", "/post/42"},
		{"query", "post", map[string]any{"id": 1, "b": "x y", "a": 2}, "", "/post/1?a=2&b=x+y"},
		{"query slice", "post", map[string]any{"id": 1, "tag": []string{"a", "b"}}, "", "/post/1?tag=a&tag=b"},
		{"query any slice", "post", map[string]any{"id": 1, "n": []int{3, 4}}, "", "/post/1?n=3&n=4"},
		{"nil skipped", "post", map[string]any{"id": 1, "q": nil}, "", "/post/1"},
		{"escaping", "user", map[string]any{"name": "a b?c#d%e"}, "", "/user/a%20b%3Fc%23d%25e"},
		{"unicode escaped", "user", map[string]any{"name": "é"}, "", "/user/%C3%A9"},
		{"sub-delims kept", "user", map[string]any{"name": "a+b=c@d:e"}, "", "/user/a+b=c@d:e"},
		{"path keeps slash", "files", map[string]any{"p": "a/b c/d"}, "", "/files/a/b%20c/d"},
		{"first rule with all args", "page", nil, "", "/page/"},
		{"second rule with arg", "page", map[string]any{"n": 2}, "", "/page/2"},
		{"method selects", "item", map[string]any{"id": 3}, "POST", "/item/new?id=3"},
		{"method selects get", "item", map[string]any{"id": 3}, "GET", "/item/3"},
		{"any method", "item", map[string]any{"id": 3}, "", "/item/3"},
		{"uuid", "uuid", map[string]any{"u": "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"}, "", "/v/6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
		{"float", "float", map[string]any{"f": 2.0}, "", "/f/2.0"},
		{"affixes", "doc", map[string]any{"name": "a b"}, "", "/doc/a%20b.json"},
		{"static segment kept", "static_escape", map[string]any{"a": "x"}, "", "/hello_world/x"},

		{"unknown endpoint", "nope", nil, "", `error: could not build url for endpoint "nope": unknown endpoint; did you mean "code" instead?`},
		{"unknown endpoint suggestion", "codes", nil, "", `error: could not build url for endpoint "codes": unknown endpoint; did you mean "code" instead?`},
		{"missing", "post", nil, "", `error: could not build url for endpoint "post": missing value for "id"; did you forget to specify values ["id"]?`},
		{"missing nil", "post", map[string]any{"id": nil}, "", `error: could not build url for endpoint "post": missing value for "id"; did you forget to specify values ["id"]?`},
		{"wrong type", "post", map[string]any{"id": "abc"}, "", `error: could not build url for endpoint "post" with values ["id"]: value for "id" rejected: cannot use "abc" as an integer`},
		{"negative", "post", map[string]any{"id": -1}, "", `error: could not build url for endpoint "post" with values ["id"]: value for "id" rejected: integer -1 is out of range for this rule`},
		{"slash in string", "user", map[string]any{"name": "a/b"}, "", `error: could not build url for endpoint "user" with values ["name"]: value for "name" rejected: string "a/b" contains '/' (use the path converter)`},
		{"wrong length", "code", map[string]any{"code": "abc"}, "", `error: could not build url for endpoint "code" with values ["code"]: value for "code" rejected: string "abc" has the wrong length`},
		{"method not allowed", "post", map[string]any{"id": 1}, "DELETE", `error: could not build url for endpoint "post" ("DELETE") with values ["id"]: method "DELETE" not allowed (rule "/post/<int:id>" allows GET, HEAD, OPTIONS); did you mean to use methods ["GET", "HEAD", "OPTIONS"]?`},
		{"rejection beats method", "item", map[string]any{"id": "x"}, "GET", `error: could not build url for endpoint "item" ("GET") with values ["id"]: value for "id" rejected: cannot use "x" as an integer`},
	}
	m := newMap(t, rules...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, q, err := m.Build(tt.endpoint, tt.values, tt.method)
			got := path
			if len(q) > 0 {
				got += "?" + q.Encode()
			}
			if err != nil {
				got = "error: " + err.Error()
				var be *BuildError
				if !errors.As(err, &be) || be.Endpoint != tt.endpoint {
					t.Errorf("error %v is not a *BuildError for %q", err, tt.endpoint)
				}
			}
			if got != tt.want {
				t.Errorf("Build(%q, %v, %q)\n got %s\nwant %s", tt.endpoint, tt.values, tt.method, got, tt.want)
			}
		})
	}
}

func TestBuildMatchRoundTrip(t *testing.T) {
	m := newMap(t, "- /a/<name>/<int(fixed_digits=3):n>/<path:rest> a")
	values := map[string]any{"name": "x y%z", "n": 7, "rest": "d/e f"}
	path, _, err := m.Build("a", values, "")
	if err != nil {
		t.Fatal(err)
	}
	if path != "/a/x%20y%25z/007/d/e%20f" {
		t.Errorf("Build = %q", path)
	}
	decoded := strings.NewReplacer("%20", " ", "%25", "%").Replace(path)
	var p Params
	if _, err := m.Match("GET", decoded, &p); err != nil {
		t.Fatalf("Match(%q): %v", decoded, err)
	}
	if got := paramString(&p); got != "name=x y%z n=007 rest=d/e f" {
		t.Errorf("params %s", got)
	}
}
