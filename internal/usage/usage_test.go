package usage_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/internal/usage"
	"github.com/spf13/cobra"
)

// tree is a "db" group shaped like Flask-Migrate's.
func tree() *cobra.Command {
	root := &cobra.Command{Use: "db", SilenceErrors: true, SilenceUsage: true}
	noop := func(*cobra.Command, []string) error { return nil }
	up := &cobra.Command{Use: "upgrade [revision]", Args: cobra.MaximumNArgs(1), RunE: noop}
	up.Flags().StringP("tag", "t", "", "")
	up.Flags().Int("n", 0, "")
	root.AddCommand(up,
		&cobra.Command{Use: "stamp revision", Args: cobra.ExactArgs(1), RunE: noop},
		&cobra.Command{Use: "merge revisions...", Args: cobra.MinimumNArgs(1), RunE: noop},
		&cobra.Command{Use: "init", Args: cobra.NoArgs, RunE: noop})
	usage.Apply(root)
	return root
}

func TestClickUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // "" when the command line is valid
	}{
		{"unknown subcommand", []string{"no-such-command"}, "No such command 'no-such-command'."},
		{"group without command shows help", nil, ""},
		{"valid optional argument", []string{"upgrade", "head"}, ""},
		{"unknown long option", []string{"upgrade", "--bogus"}, "No such option: --bogus"},
		{"unknown short option", []string{"upgrade", "-x"}, "No such option: -x"},
		{"option without its value", []string{"upgrade", "--tag"}, "Option '--tag' requires an argument."},
		{"short option without its value", []string{"upgrade", "-t"}, "Option '-t' requires an argument."},
		{"invalid option value", []string{"upgrade", "--n", "many"}, `Invalid value for '--n': strconv.ParseInt: parsing "many": invalid syntax`},
		{"missing argument", []string{"stamp"}, "Missing argument 'REVISION'."},
		{"missing variadic argument", []string{"merge"}, "Missing argument 'REVISIONS...'."},
		{"one extra argument", []string{"upgrade", "a", "b"}, "Got unexpected extra argument (b)"},
		{"extra arguments", []string{"init", "a", "b"}, "Got unexpected extra arguments (a b)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := tree()
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetArgs(tt.args)
			err := cmd.Execute()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Execute() = %v, want success", err)
				}
				return
			}
			var ue *usage.Error
			if !errors.As(err, &ue) || ue.Error() != tt.want || ue.ExitCode() != 2 {
				t.Fatalf("Execute() = %#v, want usage error %q (exit 2)", err, tt.want)
			}
		})
	}
}

func TestGroupsLeavesLeafCommands(t *testing.T) {
	root := &cobra.Command{Use: "app"}
	users := &cobra.Command{Use: "users"}
	leaf := &cobra.Command{Use: "add name", Args: cobra.ExactArgs(1), RunE: func(*cobra.Command, []string) error { return nil }}
	users.AddCommand(leaf)
	root.AddCommand(users)
	usage.Groups(root)
	root.SetArgs([]string{"users", "remove"})
	root.SilenceErrors, root.SilenceUsage = true, true
	if err := root.Execute(); err == nil || err.Error() != "No such command 'remove'." {
		t.Errorf("users remove: %v", err)
	}
	if err := leaf.Args(leaf, nil); err == nil || err.Error() != "accepts 1 arg(s), received 0" {
		t.Errorf("the leaf's own check changed: %v", err)
	}
}
