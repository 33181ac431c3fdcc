package flagon

import "testing"

func TestRequoteValuesKeepsValidValuesWithoutCopying(t *testing.T) {
	v := Values{"q": {"snow ☃"}, "page": {"2"}}
	if n := testing.AllocsPerRun(100, func() { _ = requoteValues(v) }); n != 0 {
		t.Errorf("allocations = %v, want 0", n)
	}
}

func TestRequoteValuesEscapesInvalidUTF8(t *testing.T) {
	got := requoteValues(Values{"a\xff": {"b\xfe", "ok"}})
	if want := []string{"b%FE", "ok"}; len(got["a%FF"]) != 2 || got["a%FF"][0] != want[0] || got["a%FF"][1] != want[1] {
		t.Errorf("requoteValues = %q, want a%%FF: %q", got, want)
	}
}
