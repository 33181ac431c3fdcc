package flagon_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

type order struct {
	Item  string `json:"item"`
	Qty   int32  `json:"qty"`
	Price *int   `json:"price"`
	Ship  struct {
		Days uint8 `json:"days"`
	} `json:"ship"`
	Tags []string `json:"tags"`
}

// A JSON 400 names the JSON field and the JSON type expected, never the
// Go struct or Go type (issue 15).
func TestJSONErrorsNameFields(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"string for int", `{"price": "high"}`, `the field "price" must be an integer from -9223372036854775808 to 9223372036854775807, got a string`},
		{"int out of range", `{"qty": 2147483648}`, `the field "qty" must be an integer from -2147483648 to 2147483647, got 2147483648`},
		{"nested uint", `{"ship": {"days": -1}}`, `the field "ship.days" must be an integer from 0 to 255, got -1`},
		{"number for string", `{"item": 5}`, `the field "item" must be a string, got a number`},
		{"object for array", `{"tags": {}}`, `the field "tags" must be an array, got an object`},
		{"array body", `[1]`, `the JSON body must be an object, got an array`},
		{"syntax", `{"item": x}`, `invalid character 'x' looking for beginning of value (at byte 10)`},
		{"truncated", `{"item": `, `the body ends inside the JSON value`},
		{"empty", ``, `the body is empty`},
	}
	app := flagon.New()
	app.Post("/orders", func(c *flagon.Ctx) error {
		_, err := flagon.BindJSON[order](c)
		return err
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := flagontest.NewClient(t, app).Post("/orders", flagontest.Raw("application/json", []byte(tt.body)))
			var body struct{ Description string }
			if err := res.JSON(&body); err != nil {
				t.Fatalf("not a JSON error: %s", res.Text())
			}
			text := body.Description
			if res.StatusCode != 400 || !strings.Contains(text, "Failed to decode JSON object: "+tt.want) {
				t.Errorf("%d %s\nwant %s", res.StatusCode, text, tt.want)
			}
			for _, goName := range []string{"Go struct", "Go value", "flagon_test.order", "int32", "uint8"} {
				if strings.Contains(text, goName) {
					t.Errorf("the error names the Go type: %s", text)
				}
			}
		})
	}
}
