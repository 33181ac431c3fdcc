package flagon_test

import (
	"testing"

	"github.com/flagon-go/flagon"
)

// Port of test_secure_filename (Werkzeug tests/test_utils.py), with extra
// cases whose results were taken from Werkzeug 3.1.
func TestSecureFilenamePort(t *testing.T) {
	cases := []struct{ in, want string }{
		{"My cool movie.mov", "My_cool_movie.mov"},
		{"../../../etc/passwd", "etc_passwd"},
		{"i contain cool \u00fcml\u00e4uts.txt", "i_contain_cool_umlauts.txt"},
		{"i contain cool ümläuts.txt", "i_contain_cool_umlauts.txt"},
		{"__filename__", "filename"},
		{"foo$&^*)bar", "foobar"},
		{"a\x1cb", "a_b"},
		{"..", ""},
		{"ﬁle name.txt", "file_name.txt"},
		{"x\u00a0y", "x_y"},
		{"résumé 2024.pdf", "resume_2024.pdf"},
	}
	for _, tc := range cases {
		t.Run("test_secure_filename/"+tc.in, func(t *testing.T) {
			if got := flagon.SecureFilename(tc.in); got != tc.want {
				t.Errorf("SecureFilename(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
