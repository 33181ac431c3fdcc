package jinja

import "testing"

// ptrHTML has HTML() on a pointer receiver that reads through it.
type ptrHTML struct{ s string }

func (p *ptrHTML) HTML() string { return p.s }

// strHTML is a named string type with an HTML() method.
type strHTML string

func (s strHTML) HTML() string { return "<b>" + string(s) + "</b>" }

func TestHTMLMethodValues(t *testing.T) {
	var nilPtr *ptrHTML
	tests := []struct {
		name, src string
		data      map[string]any
		want      string
	}{
		{"nil pointer safe", "{{ v|safe }}", map[string]any{"v": nilPtr}, "None"},
		{"nil pointer escape", "{{ v|e }}", map[string]any{"v": nilPtr}, "None"},
		{"nil pointer output", "{{ v }}", map[string]any{"v": nilPtr}, "None"},
		{"nil pointer format", "{{ '<%s>'|safe|format(v) }}", map[string]any{"v": nilPtr}, "<None>"},
		{"nil pointer Markup.format", "{{ m.format(v) }}", map[string]any{"m": Markup("<{}>"), "v": nilPtr}, "<None>"},
		{"pointer output", "{{ v }}", map[string]any{"v": &ptrHTML{"<i>x</i>"}}, "<i>x</i>"},
		{"named string safe", "{{ v|safe }}", map[string]any{"v": strHTML("a")}, "<b>a</b>"},
		{"named string output", "{{ v }}", map[string]any{"v": strHTML("a")}, "<b>a</b>"},
		{"named string escape", "{{ v|e }}", map[string]any{"v": strHTML("a")}, "<b>a</b>"},
		{"named string Markup.format", "{{ m.format(v) }}", map[string]any{"m": Markup("[{}]"), "v": strHTML("a")}, "[<b>a</b>]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := render(t, tt.src, tt.data)
			if err != nil || got != tt.want {
				t.Errorf("render = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestHTMLMethodGoAPI(t *testing.T) {
	var nilPtr *ptrHTML
	if got := Escape(strHTML("a")); got != "<b>a</b>" {
		t.Errorf("Escape(strHTML) = %q", got)
	}
	if got := Escape(nilPtr); got != "None" {
		t.Errorf("Escape(nil pointer) = %q", got)
	}
	got, err := FormatMarkup("<{}>", nilPtr)
	if err != nil || got != "<None>" {
		t.Errorf("FormatMarkup(nil pointer) = %q, %v", got, err)
	}
}
