package cli_test

import (
	"errors"
	"testing"
	"time"

	"github.com/flagon-go/flagon/cli"
)

func TestArg(t *testing.T) {
	args := []string{"42", "2.5", "true", "90s", "x"}
	if v, err := cli.Arg[int](args, 0, "ID"); v != 42 || err != nil {
		t.Errorf("int: %v %v", v, err)
	}
	if v, err := cli.Arg[float64](args, 1, "PRICE"); v != 2.5 || err != nil {
		t.Errorf("float: %v %v", v, err)
	}
	if v, err := cli.Arg[bool](args, 2, "ON"); !v || err != nil {
		t.Errorf("bool: %v %v", v, err)
	}
	if v, err := cli.Arg[time.Duration](args, 3, "WAIT"); v != 90*time.Second || err != nil {
		t.Errorf("duration: %v %v", v, err)
	}
	if v, err := cli.Arg[string](args, 4, "NAME"); v != "x" || err != nil {
		t.Errorf("string: %v %v", v, err)
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"bad int", second(cli.Arg[int](args, 4, "ID")), `invalid value for 'ID': "x" is not a valid integer`},
		{"bad duration", second(cli.Arg[time.Duration](args, 0, "WAIT")), `invalid value for 'WAIT': "42" is not a valid duration`},
		{"missing", second(cli.Arg[int](args, 9, "COUNT")), `missing argument 'COUNT'`},
	}
	for _, tt := range tests {
		var ue *cli.UsageError
		if tt.err == nil || tt.err.Error() != tt.want || !errors.As(tt.err, &ue) {
			t.Errorf("%s: %v, want usage error %q", tt.name, tt.err, tt.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }
